export { useJanusCall } from './use-janus-call.js';
export type { JanusCallCommands, JanusCallHandlers, UseJanusCallOptions, UseJanusCallResult } from './use-janus-call.js';
export { JanusCallProvider, useJanusCallContext } from './janus-call-context.js';
export type { JanusCallProviderProps } from './janus-call-context.js';
export { JanusVideo, useMediaStream } from './janus-video.js';
export type { JanusVideoProps } from './janus-video.js';
// The core's, re-exported: the view before the client starts.
export { initialView } from '@janus-call/core';
