/** Janus core API error codes (apierror.h) that a client can meet. */
export const JanusErrorCode = {
  UNAUTHORIZED: 403,
  UNAUTHORIZED_PLUGIN: 405,
  UNKNOWN: 490,
  TRANSPORT_SPECIFIC: 450,
  MISSING_REQUEST: 452,
  UNKNOWN_REQUEST: 453,
  INVALID_JSON: 454,
  INVALID_JSON_OBJECT: 455,
  MISSING_MANDATORY_ELEMENT: 456,
  INVALID_REQUEST_PATH: 457,
  SESSION_NOT_FOUND: 458,
  HANDLE_NOT_FOUND: 459,
  PLUGIN_NOT_FOUND: 460,
  PLUGIN_ATTACH: 461,
  PLUGIN_MESSAGE: 462,
  PLUGIN_DETACH: 463,
  JSEP_UNKNOWN_TYPE: 464,
  JSEP_INVALID_SDP: 465,
  TRICKLE_INVALID_STREAM: 466,
  INVALID_ELEMENT_TYPE: 467,
  SESSION_CONFLICT: 468,
  UNEXPECTED_ANSWER: 469,
  TOKEN_NOT_FOUND: 470,
  WEBRTC_STATE: 471,
  NOT_ACCEPTING_SESSIONS: 472,
} as const;
export type JanusErrorCode = (typeof JanusErrorCode)[keyof typeof JanusErrorCode];

/** Error codes of `janus.plugin.videocall` (janus_videocall.c). */
export const VideocallErrorCode = {
  NO_MESSAGE: 470,
  INVALID_JSON: 471,
  INVALID_REQUEST: 472,
  REGISTER_FIRST: 473,
  INVALID_ELEMENT: 474,
  MISSING_ELEMENT: 475,
  USERNAME_TAKEN: 476,
  ALREADY_REGISTERED: 477,
  NO_SUCH_USERNAME: 478,
  USE_ECHO_TEST: 479,
  ALREADY_IN_CALL: 480,
  NO_CALL: 481,
  MISSING_SDP: 482,
  INVALID_SDP: 483,
  UNKNOWN_ERROR: 499,
} as const;
export type VideocallErrorCode = (typeof VideocallErrorCode)[keyof typeof VideocallErrorCode];

/** Why the transport failed: the classes a caller must react to differently. */
export type TransportFailure =
  /** The server could not be reached (DNS, refused, reset), after the allowed retries. */
  | 'network'
  /** The server answered with an unexpected HTTP status. */
  | 'http'
  /** The session no longer exists on the server (404 on the poll, 458, or a `timeout` event). */
  | 'session-gone'
  /** No answer in the allowed time. */
  | 'timeout'
  /** The operation was cancelled because the client was stopped. */
  | 'aborted';

/** Why a user's call into the SDK was refused before anything was sent. */
export type UsageFailure =
  | 'invalid-username'
  | 'already-registered'
  | 'registration-pending'
  | 'not-registered'
  | 'call-yourself'
  | 'invalid-state'
  | 'invalid-argument'
  | 'stopped';

export type JanusCallErrorKind = 'janus' | 'plugin' | 'transport' | 'protocol' | 'usage' | 'media';

/** Base class of every error the SDK reports. Switch on `kind`, then on `code` or `reason`. */
export abstract class JanusCallError extends Error {
  abstract readonly kind: JanusCallErrorKind;
  /** The Janus numeric code, where the server gave one. */
  readonly code: number | undefined;
  constructor(message: string, code?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A Janus core API error (`{"janus":"error"}`), e.g. 458 no such session. */
export class JanusError extends JanusCallError {
  readonly kind = 'janus' as const;
  declare readonly code: number;
  override readonly name = 'JanusError';
  constructor(code: number, reason: string) {
    super(reason || `Janus error ${code}`, code);
  }
}

/** An error reported by the videocall plugin (codes 470–499), e.g. 476 username taken. */
export class VideocallError extends JanusCallError {
  readonly kind = 'plugin' as const;
  declare readonly code: number;
  override readonly name = 'VideocallError';
  constructor(code: number, reason: string) {
    super(reason || `Videocall error ${code}`, code);
  }
}

/** The HTTP transport failed; `reason` tells "session gone" from "network down". */
export class TransportError extends JanusCallError {
  readonly kind = 'transport' as const;
  override readonly name = 'TransportError';
  readonly reason: TransportFailure;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  constructor(reason: TransportFailure, message: string, options?: { status?: number; cause?: unknown; code?: number }) {
    super(message, options?.code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = options?.status;
  }
}

/** The server sent something the SDK cannot understand. `raw` holds the text as received. */
export class ProtocolError extends JanusCallError {
  readonly kind = 'protocol' as const;
  override readonly name = 'ProtocolError';
  readonly raw: string;
  /** Where the message failed validation, e.g. `data.id: expected number`. */
  readonly issues: readonly string[];
  constructor(message: string, raw: string, issues: readonly string[] = []) {
    super(message);
    this.raw = raw.length > MAX_RAW ? `${raw.slice(0, MAX_RAW)}… (${raw.length} chars)` : raw;
    this.issues = issues;
  }
}

/** A bad call by the user of the SDK, caught before anything was sent. */
export class UsageError extends JanusCallError {
  readonly kind = 'usage' as const;
  override readonly name = 'UsageError';
  readonly reason: UsageFailure;
  constructor(reason: UsageFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Local media or peer-connection failure (getUserMedia refused, ICE failed, bad SDP). */
export class MediaError extends JanusCallError {
  readonly kind = 'media' as const;
  override readonly name = 'MediaError';
  readonly reason: 'permission-denied' | 'device-unavailable' | 'ice-failed' | 'negotiation-failed' | 'unsupported';
  constructor(reason: MediaError['reason'], message: string, options?: { cause?: unknown }) {
    super(message, undefined, options);
    this.reason = reason;
  }
}

// Keep a hostile multi-megabyte body from being retained by every error that mentions it.
const MAX_RAW = 4096;

export function isJanusCallError(value: unknown): value is JanusCallError {
  return value instanceof JanusCallError;
}

/** Turn anything thrown into a JanusCallError, so nothing untyped escapes the SDK. */
export function toJanusCallError(value: unknown): JanusCallError {
  if (value instanceof JanusCallError) return value;
  if (isTimeout(value)) return new TransportError('timeout', 'The operation timed out', { cause: value });
  if (isAbort(value)) return new TransportError('aborted', 'The operation was aborted', { cause: value });
  const message = value instanceof Error ? value.message : String(value);
  return new TransportError('network', message || 'Unknown failure', { cause: value });
}

function errorName(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'name' in value ? (value as { name: unknown }).name : undefined;
}

/** True for the DOMException an aborted fetch or AbortSignal throws. */
export function isAbort(value: unknown): boolean {
  return errorName(value) === 'AbortError';
}

/** True for the DOMException of `AbortSignal.timeout()`. */
export function isTimeout(value: unknown): boolean {
  return errorName(value) === 'TimeoutError';
}
