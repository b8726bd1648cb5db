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
}

export interface PollHandlers {
  /** A handle event that no pending request claimed: async plugin events, webrtcup, media, hangup… */
  onEvent(event: JanusHandleEvent): void;
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
  /** Run the session's single long-poll until the returned function is called or a fatal error. */
  poll(sessionId: number, handlers: PollHandlers): () => void;
  /** Abort every request, poll and timer this transport holds. Idempotent. */
  close(): void;
}
