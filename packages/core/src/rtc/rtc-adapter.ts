import type { Jsep, RemoteCandidate } from '../protocol/janus.schema.js';
import type { LocalCandidate } from '../transport/transport.js';

// The WebRTC seam of the SDK. Runtime-neutral: no DOM types, no werift types. Media handles
// are opaque (`S`): a MediaStream in browsers, a werift MediaStream in Node.

export type MediaKind = 'audio' | 'video';

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface MediaConstraints {
  audio: boolean;
  video: boolean;
}

export interface PeerOptions {
  iceServers: IceServer[];
}

/** Captured local media. Handed to a peer with `addLocalMedia`, it belongs to that peer. */
export interface LocalMedia<S = unknown> {
  /** The runtime's stream handle, for previews. */
  readonly stream: S;
  /** Kinds the stream holds. */
  readonly kinds: readonly MediaKind[];
  /** Release the devices (or stop synthetic sources). Idempotent. */
  stop(): void;
}

export type PeerConnectionState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

export interface RemoteTrack<S = unknown> {
  kind: MediaKind;
  /** The peer's `remoteStream`, which now holds this track. */
  stream: S;
}

export interface RtpCounters {
  packets: number;
  bytes: number;
}

export interface MediaKindStats {
  sent: RtpCounters;
  received: RtpCounters & { lost: number };
  /** From RTCP receiver reports on what we send (remote-inbound-rtp), in ms. */
  roundTripTimeMs: number | null;
}

/** Normalised counters of one peer connection, summed over streams of the same kind. */
export interface CallStats {
  /** When the stats were taken, ms since the epoch. */
  timestamp: number;
  audio: MediaKindStats;
  video: MediaKindStats;
  /** STUN round-trip time of the selected candidate pair, in ms. */
  roundTripTimeMs: number | null;
}

export type Unsubscribe = () => void;

/**
 * One peer connection to Janus. Every async method rejects only with a `MediaError`.
 * Order for a caller: addLocalMedia → createOffer → setLocalDescription → (answer) setRemoteDescription.
 * For a callee: setRemoteDescription → addLocalMedia → createAnswer → setLocalDescription.
 * Subscribe before setLocalDescription; local candidates emitted with no subscriber are replayed to the first one.
 */
export interface RtcPeer<S = unknown> {
  /** Send these tracks. The peer takes ownership: `close()` stops them. */
  addLocalMedia(media: LocalMedia<S>): void;
  /** Offers audio and video, receive-only for kinds with no local track. */
  createOffer(options?: { iceRestart?: boolean }): Promise<Jsep>;
  createAnswer(): Promise<Jsep>;
  setLocalDescription(description: Jsep): Promise<void>;
  setRemoteDescription(description: Jsep): Promise<void>;
  /** A candidate from Janus; `null` or `{completed: true}` means end of candidates. */
  addRemoteCandidate(candidate: RemoteCandidate | LocalCandidate | null): Promise<void>;
  /** `null` = gathering complete. */
  onLocalCandidate(listener: (candidate: LocalCandidate | null) => void): Unsubscribe;
  onConnectionState(listener: (state: PeerConnectionState) => void): Unsubscribe;
  onRemoteTrack(listener: (track: RemoteTrack<S>) => void): Unsubscribe;
  /** Mute or unmute what we send, without renegotiation. */
  setTrackEnabled(kind: MediaKind, enabled: boolean): void;
  getStats(): Promise<CallStats>;
  readonly connectionState: PeerConnectionState;
  readonly localStream: S | null;
  readonly remoteStream: S | null;
  /** Close the connection, stop owned local media, drop listeners. Idempotent. */
  close(): void;
}

/** How the SDK gets WebRTC: the browser's by default, werift's in Node. */
export interface RtcAdapter<S = unknown> {
  /** Rejects with `MediaError` ('permission-denied' | 'device-unavailable' | 'unsupported'). */
  getLocalMedia(constraints: MediaConstraints): Promise<LocalMedia<S>>;
  /** Throws `MediaError('unsupported')` where the runtime has no WebRTC. */
  createPeer(options: PeerOptions): RtcPeer<S>;
}
