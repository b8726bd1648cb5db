export * from './errors.js';
export * from './janus.schema.js';
export * from './videocall.schema.js';
export * from './parse.js';
