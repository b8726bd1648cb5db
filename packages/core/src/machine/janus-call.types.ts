import type { JanusCallError } from '../protocol/errors.js';
import type { Jsep, RemoteCandidate } from '../protocol/janus.schema.js';
import type { IceServer, MediaKind, PeerConnectionState } from '../rtc/rtc-adapter.js';

/** Which media a call sends; both by default. */
export interface CallMedia {
  audio: boolean;
  video: boolean;
}

/** Why a call ended, from the Janus reason text, for apps to branch on. */
export type HangupCause =
  /** We hung up (or the caller cancelled before we answered). */
  | 'local'
  /** The other party hung up. */
  | 'remote'
  /** The callee is in another call. */
  | 'busy'
  /** We declined an incoming call. */
  | 'declined'
  /** Nobody answered within the ring timeout. */
  | 'no-answer'
  /** The other party's WebRTC connection ended without a hangup. */
  | 'remote-webrtc'
  /** A DTLS alert: typically the peer closed its browser or tab. */
  | 'dtls-alert'
  /** ICE failed: no network path between us and Janus. */
  | 'ice-failed'
  /** Local media or negotiation failed (see `error`). */
  | 'error'
  | 'other';

export interface CallEnd {
  cause: HangupCause;
  /** The reason text as Janus sent it, or ours. */
  reason: string;
  peer: string | null;
}

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
  /** Automatic recovery after a dead network or a lost session. */
  recovery: RecoveryPolicy;
  /** Recovery attempts since the server last answered. */
  recoveryAttempt: number;
  keepaliveMs: number;
  stopTimeoutMs: number;
  ringTimeoutMs: number;

  /** The other party of the current, incoming or outgoing call. */
  peer: string | null;
  /** The caller's offer, while a call rings here. */
  remoteOffer: Jsep | null;
  iceServers: IceServer[];
  /** What the next call sends, and what the current one sends now. */
  media: CallMedia;
  /** Cap on what the peer sends us, bits/s (videocall `set` bitrate); null = none. */
  bitrate: number | null;
  localStream: unknown;
  remoteStream: unknown;
  webrtcUp: boolean;
  /** Janus reported it receives our media. */
  uplinkUp: boolean;
  /** ms since the epoch when media came up, for call timers. */
  connectedAt: number | null;
  /** How the last call ended. */
  lastCall: CallEnd | null;
  /** ms since the epoch when `lastCall` ended. */
  lastEndedAt: number | null;
  /** Times the current outgoing call was dialled again after a "User busy" from a peer still closing our last call. */
  redials: number;
  /** A reason text seen before the call ended (a core `hangup` precedes the plugin's). */
  pendingHangup: CallEnd | null;
  /** A slow link was reported recently. */
  poorLink: boolean;
  /** A "Remote WebRTC hangup" held briefly, in case a more specific reason follows. */
  vagueHangup: string | null;
  /** Janus holds a PeerConnection for this handle: we sent a JSEP and saw no core hangup since. */
  serverPc: boolean;
  /** Events that arrived while a state could not take them yet; replayed on leaving it. */
  deferred: JanusCallEvent[];
}

export interface RecoveryPolicy {
  /** Attempts before giving up in `failed`; 0 disables automatic recovery. */
  attempts: number;
  /** Wait before the first attempt; doubles each time. */
  delayMs: number;
  maxDelayMs: number;
}

export interface JanusCallInput {
  /**
   * After the network died or Janus lost the session: resume the same session if the server
   * still has it, else create a new one and register the same name again. `false` disables.
   * Default: 5 attempts, 1 s doubling to 15 s.
   */
  recovery?: Partial<RecoveryPolicy> | false;
  /** Keepalive period; Janus reaps a session after 60 s without one by default. */
  keepaliveMs?: number;
  /** Upper bound for `stop` to hang up, detach and destroy on the server. */
  stopTimeoutMs?: number;
  /** A call nobody answers is hung up after this long (default 45 s). */
  ringTimeoutMs?: number;
  /** Media of calls, audio and video by default. */
  media?: Partial<CallMedia>;
  /** STUN/TURN servers for calls; none by default. */
  iceServers?: IceServer[];
}

export interface SetMediaOptions {
  audio?: boolean;
  video?: boolean;
  /** Cap, in bits/s, on the video the peer sends us (Janus sends REMB). 0 removes the cap. */
  bitrate?: number;
}

/** Commands a user sends. */
export type JanusCallCommand =
  | { type: 'register'; username: string }
  | { type: 'refreshPeers' }
  | { type: 'reconnect' }
  | { type: 'call'; username: string; media?: Partial<CallMedia> }
  | { type: 'accept'; media?: Partial<CallMedia> }
  | { type: 'decline' }
  | { type: 'hangup' }
  | { type: 'setMedia'; options: SetMediaOptions }
  | { type: 'stop' };

/**
 * Typed events made from what arrives on the long-poll. `seq` is the arrival order on the
 * session's poll, shared with request replies, so "before or after the reply" is decidable.
 */
export type JanusServerEvent = ServerEventBody & { seq: number };
type ServerEventBody =
  | { type: 'videocall.incomingcall'; username: string; jsep: Jsep | null }
  | { type: 'videocall.accepted'; username: string | null; jsep: Jsep | null }
  | { type: 'videocall.update'; jsep: Jsep | null }
  | { type: 'videocall.hangup'; username: string | null; reason: string }
  | { type: 'videocall.slowlink' }
  | { type: 'janus.webrtcup' }
  | { type: 'janus.media'; kind: MediaKind; receiving: boolean }
  | { type: 'janus.slowlink'; uplink: boolean; lost: number }
  | { type: 'janus.hangup'; reason: string }
  | { type: 'janus.icefailed' }
  | { type: 'janus.trickle'; candidate: RemoteCandidate }
  | { type: 'janus.detached' };

/** Events the invoked actors send back. */
export type JanusCallInternalEvent =
  | JanusServerEvent
  | { type: 'transport.error'; error: JanusCallError }
  | { type: 'transport.ok' }
  | { type: 'protocol.error'; error: JanusCallError }
  | { type: 'rtc.offer'; jsep: Jsep }
  | { type: 'rtc.answer'; jsep: Jsep }
  | { type: 'rtc.localStream'; stream: unknown }
  | { type: 'rtc.remoteStream'; stream: unknown }
  | { type: 'rtc.state'; state: PeerConnectionState }
  | { type: 'rtc.error'; error: JanusCallError }
  | { type: 'linkRecovered' };

export type JanusCallEvent = JanusCallCommand | JanusCallInternalEvent;

/** Events the machine sends to the peer-connection actor. */
export type PeerCommand =
  | { type: 'peer.remoteAnswer'; jsep: Jsep }
  | { type: 'peer.remoteCandidate'; candidate: RemoteCandidate }
  | { type: 'peer.update'; jsep: Jsep }
  | { type: 'peer.setMedia'; options: SetMediaOptions };

/** Notifications for the app that are not state. */
export type JanusCallEmitted =
  | { type: 'registered'; username: string }
  | { type: 'incomingcall'; peer: string }
  | { type: 'accepted'; peer: string }
  | { type: 'mediaup'; peer: string }
  | { type: 'hangup'; call: CallEnd }
  | { type: 'error'; error: JanusCallError }
  | { type: 'reconnecting'; attempt: number; error: JanusCallError }
  | { type: 'failed'; error: JanusCallError };
