export { startJanus, freePort, findJanusLibDir, hasUsableInterface } from './janus-server.ts';
export type { JanusServer, StartJanusOptions } from './janus-server.ts';
export { listSessions, listHandles } from './admin.ts';
export type { AdminTarget } from './admin.ts';
