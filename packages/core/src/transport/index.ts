export type { JanusTransport, LocalCandidate, PluginReply, PollHandlers, RequestOptions } from './transport.js';
export { createHttpTransport, type HttpTransportOptions } from './http.transport.js';
export { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from './backoff.js';
