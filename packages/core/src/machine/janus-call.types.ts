import type { JanusCallError } from '../protocol/errors.js';
import type { JanusHandleEvent } from '../protocol/janus.schema.js';

/** Plain data only: resources (transport, rtc) reach the actors through `machine.provide()`. */
export interface JanusCallContext {
  sessionId: number | null;
  handleId: number | null;
  /** The server that holds the session, when several were configured. */
  server: string | null;
  /** The name the server confirmed with `registered`. */
  username: string | null;
  /** A name asked for, not yet confirmed: queued while connecting, sent once the handle exists. */
  pendingUsername: string | null;
  /** Registered users other than us, from the last `list`. */
  peers: string[];
  /** The last error: a usage error, a server refusal, or what made the client fail. */
  error: JanusCallError | null;
  /** `stop` arrived while a request was in flight: tear down as soon as it ends. */
  stopRequested: boolean;
  keepaliveMs: number;
  stopTimeoutMs: number;
}

export interface JanusCallInput {
  /** Keepalive period; Janus reaps a session after 60 s without one by default. */
  keepaliveMs?: number;
  /** Upper bound for `stop` to hang up, detach and destroy on the server. */
  stopTimeoutMs?: number;
}

/** Commands a user sends. */
export type JanusCallCommand =
  | { type: 'register'; username: string }
  | { type: 'refreshPeers' }
  | { type: 'reconnect' }
  | { type: 'stop' };

/** Events the invoked transport actors send back. */
export type JanusCallInternalEvent =
  | { type: 'janus.event'; event: JanusHandleEvent }
  | { type: 'transport.error'; error: JanusCallError }
  | { type: 'protocol.error'; error: JanusCallError };

export type JanusCallEvent = JanusCallCommand | JanusCallInternalEvent;

/** Notifications for the app that are not state. */
export type JanusCallEmitted =
  | { type: 'registered'; username: string }
  | { type: 'error'; error: JanusCallError }
  | { type: 'failed'; error: JanusCallError };
