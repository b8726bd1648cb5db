import { MediaError } from '../protocol/errors.js';
import type { Jsep } from '../protocol/janus.schema.js';
import type {
  CallStats,
  LocalMedia,
  MediaConstraints,
  MediaKind,
  PeerConnectionState,
  RemoteTrack,
  RtcAdapter,
  RtcPeer,
} from '../rtc/rtc-adapter.js';
import type { LocalCandidate } from '../transport/transport.js';

/** A stand-in media stream: just an identity for assertions. */
export interface FakeStream {
  id: string;
}

type Listener<T> = (value: T) => void;

export class FakePeer implements RtcPeer<FakeStream> {
  connectionState: PeerConnectionState = 'new';
  localStream: FakeStream | null = null;
  remoteStream: FakeStream | null = null;
  closed = false;
  local: Jsep | null = null;
  remote: Jsep | null = null;
  readonly remoteCandidates: unknown[] = [];
  readonly enabled: Record<MediaKind, boolean> = { audio: true, video: true };
  private media: LocalMedia<FakeStream> | null = null;
  private candidateListeners: Listener<LocalCandidate | null>[] = [];
  private stateListeners: Listener<PeerConnectionState>[] = [];
  private trackListeners: Listener<RemoteTrack<FakeStream>>[] = [];

  constructor(private readonly rtc: FakeRtc) {}

  addLocalMedia(media: LocalMedia<FakeStream>): void {
    this.media = media;
    this.localStream = media.stream;
  }
  async createOffer(): Promise<Jsep> {
    return { type: 'offer', sdp: `v=0\r\no=fake ${this.rtc.peers.length} offer\r\n` };
  }
  async createAnswer(): Promise<Jsep> {
    if (this.rtc.failAnswer) throw new MediaError('negotiation-failed', 'createAnswer failed');
    return { type: 'answer', sdp: 'v=0\r\no=fake answer\r\n' };
  }
  async setLocalDescription(description: Jsep): Promise<void> {
    this.local = description;
    queueMicrotask(() => {
      for (const l of this.candidateListeners) l({ candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 });
      for (const l of this.candidateListeners) l(null);
    });
  }
  async setRemoteDescription(description: Jsep): Promise<void> {
    this.remote = description;
    this.remoteStream = { id: `remote-${this.rtc.peers.indexOf(this)}` };
    const stream = this.remoteStream;
    queueMicrotask(() => {
      if (this.closed) return;
      for (const l of this.trackListeners) l({ kind: 'video', stream });
      this.setState('connected');
    });
  }
  async addRemoteCandidate(candidate: unknown): Promise<void> {
    this.remoteCandidates.push(candidate);
  }
  onLocalCandidate(listener: Listener<LocalCandidate | null>) {
    this.candidateListeners.push(listener);
    return () => void (this.candidateListeners = this.candidateListeners.filter((l) => l !== listener));
  }
  onConnectionState(listener: Listener<PeerConnectionState>) {
    this.stateListeners.push(listener);
    return () => void (this.stateListeners = this.stateListeners.filter((l) => l !== listener));
  }
  onRemoteTrack(listener: Listener<RemoteTrack<FakeStream>>) {
    this.trackListeners.push(listener);
    return () => void (this.trackListeners = this.trackListeners.filter((l) => l !== listener));
  }
  setTrackEnabled(kind: MediaKind, enabled: boolean): void {
    this.enabled[kind] = enabled;
  }
  async getStats(): Promise<CallStats> {
    const counters = { packets: 10, bytes: 1000 };
    const kind = { sent: counters, received: { ...counters, lost: 0 }, roundTripTimeMs: 1 };
    return { timestamp: Date.now(), audio: kind, video: kind, roundTripTimeMs: 1 };
  }
  /** Simulate the connection changing state, e.g. `failed`. */
  setState(state: PeerConnectionState): void {
    this.connectionState = state;
    for (const l of this.stateListeners) l(state);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connectionState = 'closed';
    this.media?.stop();
    this.candidateListeners = [];
    this.stateListeners = [];
    this.trackListeners = [];
  }
}

/** An RtcAdapter with no WebRTC at all, for unit tests of the call states. */
export class FakeRtc implements RtcAdapter<FakeStream> {
  readonly peers: FakePeer[] = [];
  /** getLocalMedia rejects as a browser does when the user refuses. */
  denyMedia = false;
  failAnswer = false;
  mediaStopped = 0;

  async getLocalMedia(constraints: MediaConstraints): Promise<LocalMedia<FakeStream>> {
    if (this.denyMedia) throw new MediaError('permission-denied', 'Permission denied');
    const kinds = (['audio', 'video'] as const).filter((k) => constraints[k]);
    return { stream: { id: `local-${this.peers.length}` }, kinds, stop: () => void this.mediaStopped++ };
  }
  createPeer(): FakePeer {
    const peer = new FakePeer(this);
    this.peers.push(peer);
    return peer;
  }
  /** Peers not closed yet: must be 0 after every call has ended. */
  get openPeers(): number {
    return this.peers.filter((p) => !p.closed).length;
  }
}
