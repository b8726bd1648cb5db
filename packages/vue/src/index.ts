export { useJanusCall } from './use-janus-call.js';
export type { UseJanusCallReturn } from './use-janus-call.js';
export type { JanusCallRefs } from './view-refs.js';
export { provideJanusCall, injectJanusCall, janusCallKey } from './provide-janus-call.js';
export { JanusVideo } from './janus-video.js';
