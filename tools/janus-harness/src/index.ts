export { startJanus, freePort, findJanusLibDir, hasUsableInterface } from './janus-server.js';
export type { JanusServer, StartJanusOptions } from './janus-server.js';
export { listSessions, listHandles } from './admin.js';
export type { AdminTarget } from './admin.js';
