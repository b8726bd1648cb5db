import type { ProtocolError, TransportError } from '../protocol/errors.js';
import type { JanusHandleEvent, Jsep } from '../protocol/janus.schema.js';

/** A local ICE candidate to trickle to Janus. */
export interface LocalCandidate {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

/** What a plugin answered to a `message`: its `plugindata.data` and any JSEP. */
export interface PluginReply {
  /** The handle that answered. */
  sender: number;
  /** `plugindata.data`, not yet validated against the plugin's schema. */
  data: Record<string, unknown>;
  jsep?: Jsep;
  /** Arrival order of this reply among the session's poll events (see `PollHandlers.onEvent`). */
  seq: number;
}

/**
 * `seq` numbers every message the session's poll delivers, replies and events alike, in
 * arrival order: a caller can tell whether an event came before or after a reply even
 * though promise resolution and event delivery interleave differently.
 */
export interface PollHandlers {
  /** A handle event that no pending request claimed: async plugin events, webrtcup, media, hangup… */
  onEvent(event: JanusHandleEvent, seq: number): void;
  /** Fatal: the session is gone or the server unreachable after retries. Called at most once; the loop has ended. */
  onError(error: TransportError): void;
  /** A message on the poll that failed validation. Not fatal: the loop goes on. */
  onProtocolError?(error: ProtocolError): void;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * The Janus core API, as the state machine uses it. Implementations are plain TypeScript:
 * no XState, no framework. Every method rejects only with a `JanusCallError`.
 */
export interface JanusTransport {
  /** Create a session, trying each configured server in turn. */
  createSession(options?: RequestOptions): Promise<{ sessionId: number; server: string }>;
  /** Attach a plugin handle to a session. */
  attach(sessionId: number, plugin: string, options?: RequestOptions & { opaqueId?: string }): Promise<number>;
  /**
   * Send a plugin `message`. Resolves with the plugin's answer: the `event` carrying this
   * request's transaction (not the `ack`), or a synchronous `success` with plugindata.
   * A plugin error (`data.error_code`) still resolves: the plugin layer decides what it means.
   * The answer arrives on the long-poll, so the session must be polled for it to resolve.
   */
  message(
    sessionId: number,
    handleId: number,
    body: Record<string, unknown>,
    options?: RequestOptions & { jsep?: Jsep; timeoutMs?: number },
  ): Promise<PluginReply>;
  /** Queue a local candidate (or `null` for end-of-candidates); queued ones are sent together. */
  trickle(sessionId: number, handleId: number, candidate: LocalCandidate | null): Promise<void>;
  keepalive(sessionId: number, options?: RequestOptions): Promise<void>;
  detach(sessionId: number, handleId: number, options?: RequestOptions): Promise<void>;
  destroy(sessionId: number, options?: RequestOptions): Promise<void>;
  /**
   * Run the session's single long-poll until the returned function is called or a fatal error.
   * A second `poll()` of a session already polled throws `UsageError('invalid-state')`.
   * Stopping (or `close()`) ends the loop quietly: `onError` is only for failures.
   */
  poll(sessionId: number, handlers: PollHandlers): () => void;
  /** Abort every request, poll and timer this transport holds. Idempotent. */
  close(): void;
}
