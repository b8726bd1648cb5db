import { MediaError } from '../protocol/errors.js';
import type { Jsep, RemoteCandidate } from '../protocol/janus.schema.js';
import type { LocalCandidate } from '../transport/transport.js';
import { toIceCandidateInit } from './candidate.js';
import { PeerBase } from './peer-base.js';
import type {
  LocalMedia,
  MediaConstraints,
  MediaKind,
  PeerConnectionState,
  PeerOptions,
  RtcAdapter,
  RtcPeer,
} from './rtc-adapter.js';
import { normalizeStats } from './stats.js';

/** The browser APIs the adapter uses. Injected in tests; read from globalThis at call time otherwise. */
export interface BrowserRtcEnvironment {
  RTCPeerConnection?: new (configuration: RTCConfiguration) => RTCPeerConnection;
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
  MediaStream?: new (tracks?: MediaStreamTrack[]) => MediaStream;
}

function globalEnvironment(): BrowserRtcEnvironment {
  const g = globalThis as Partial<typeof globalThis>;
  return { RTCPeerConnection: g.RTCPeerConnection, mediaDevices: g.navigator?.mediaDevices, MediaStream: g.MediaStream };
}

const KINDS: readonly MediaKind[] = ['audio', 'video'];

/** getUserMedia's DOMException names → MediaError reasons. */
export function mapGetUserMediaError(error: unknown): MediaError {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const message = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new MediaError('permission-denied', message || 'Permission to use the camera or microphone was denied', { cause: error });
    case 'TypeError':
    case 'NotSupportedError':
      return new MediaError('unsupported', message || 'These media constraints are not supported', { cause: error });
    default:
      // NotFoundError, NotReadableError, OverconstrainedError, AbortError and anything unknown.
      return new MediaError('device-unavailable', message || 'No usable camera or microphone', { cause: error });
  }
}

function localMediaOf(stream: MediaStream): LocalMedia<MediaStream> {
  let stopped = false;
  return {
    stream,
    kinds: KINDS.filter((kind) => stream.getTracks().some((track) => track.kind === kind)),
    stop() {
      if (stopped) return;
      stopped = true;
      for (const track of stream.getTracks()) track.stop();
    },
  };
}

function toJsep(description: RTCSessionDescriptionInit): Jsep {
  if (description.type !== 'offer' && description.type !== 'answer') {
    throw new MediaError('negotiation-failed', `Unexpected description type ${String(description.type)}`);
  }
  return { type: description.type, sdp: description.sdp ?? '' };
}

const ICE_TO_CONNECTION: Record<string, PeerConnectionState> = {
  new: 'new',
  checking: 'connecting',
  connected: 'connected',
  completed: 'connected',
  disconnected: 'disconnected',
  failed: 'failed',
  closed: 'closed',
};

class BrowserPeer extends PeerBase<MediaStream> implements RtcPeer<MediaStream> {
  localStream: MediaStream | null = null;
  remoteStream: MediaStream | null = null;
  private readonly owned: LocalMedia<MediaStream>[] = [];

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly StreamCtor: BrowserRtcEnvironment['MediaStream'],
  ) {
    super();
    pc.addEventListener('icecandidate', this.handleCandidate);
    pc.addEventListener('connectionstatechange', this.handleState);
    pc.addEventListener('track', this.handleTrack);
  }

  get connectionState(): PeerConnectionState {
    if (this.closed) return 'closed';
    // Firefox before 113 has no connectionState.
    return (this.pc.connectionState as PeerConnectionState | undefined) ?? ICE_TO_CONNECTION[this.pc.iceConnectionState] ?? 'new';
  }

  private readonly handleCandidate = (event: RTCPeerConnectionIceEvent) => {
    const c = event.candidate;
    if (c === null) this.candidates.emit(null);
    else if (c.candidate) this.candidates.emit({ candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex });
  };

  private readonly handleState = () => this.states.emit(this.connectionState);

  private readonly handleTrack = (event: RTCTrackEvent) => {
    const kind = event.track.kind;
    if (kind !== 'audio' && kind !== 'video') return;
    this.remoteStream ??= event.streams[0] ?? (this.StreamCtor ? new this.StreamCtor() : null);
    if (!this.remoteStream) return;
    if (!this.remoteStream.getTracks().includes(event.track)) this.remoteStream.addTrack(event.track);
    this.tracks.emit({ kind, stream: this.remoteStream });
  };


  addLocalMedia(media: LocalMedia<MediaStream>): void {
    if (this.closed) {
      media.stop();
      return;
    }
    this.owned.push(media);
    this.localStream = media.stream;
    for (const track of media.stream.getTracks()) this.pc.addTrack(track, media.stream);
  }

  createOffer(options: { iceRestart?: boolean } = {}): Promise<Jsep> {
    return this.run('createOffer', async () => {
      for (const kind of KINDS) {
        const present = this.pc.getTransceivers().some((t) => (t.sender.track ?? t.receiver.track)?.kind === kind);
        if (!present) this.pc.addTransceiver(kind, { direction: 'recvonly' });
      }
      return toJsep(await this.pc.createOffer({ iceRestart: options.iceRestart === true }));
    });
  }

  createAnswer(): Promise<Jsep> {
    return this.run('createAnswer', async () => toJsep(await this.pc.createAnswer()));
  }

  setLocalDescription(description: Jsep): Promise<void> {
    return this.run('setLocalDescription', () => this.pc.setLocalDescription({ type: description.type, sdp: description.sdp }));
  }

  setRemoteDescription(description: Jsep): Promise<void> {
    return this.run('setRemoteDescription', () => this.pc.setRemoteDescription({ type: description.type, sdp: description.sdp }));
  }

  addRemoteCandidate(candidate: RemoteCandidate | LocalCandidate | null): Promise<void> {
    return this.run('addIceCandidate', async () => {
      const init = toIceCandidateInit(candidate);
      // Browsers that predate the end-of-candidates form reject it harmlessly.
      if (init === null) await this.pc.addIceCandidate().catch(() => undefined);
      else await this.pc.addIceCandidate(init);
    });
  }

  setTrackEnabled(kind: MediaKind, enabled: boolean): void {
    for (const sender of this.pc.getSenders()) {
      if (sender.track?.kind === kind) sender.track.enabled = enabled;
    }
  }

  getStats() {
    return this.run('getStats', async () => normalizeStats(await this.pc.getStats()));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.removeEventListener('icecandidate', this.handleCandidate);
    this.pc.removeEventListener('connectionstatechange', this.handleState);
    this.pc.removeEventListener('track', this.handleTrack);
    try {
      this.pc.close();
    } finally {
      for (const media of this.owned.splice(0)) media.stop();
      this.dropListeners();
    }
  }
}

/**
 * The default adapter: the runtime's own WebRTC. Nothing is read at import; the environment is
 * looked up on each call, so this module loads in Node and in SSR.
 */
export function browserRtc(environment: () => BrowserRtcEnvironment = globalEnvironment): RtcAdapter<MediaStream> {
  return {
    async getLocalMedia(constraints: MediaConstraints) {
      const env = environment();
      if (!constraints.audio && !constraints.video) {
        if (!env.MediaStream) throw new MediaError('unsupported', 'MediaStream is not available in this runtime');
        return localMediaOf(new env.MediaStream());
      }
      if (typeof env.mediaDevices?.getUserMedia !== 'function') {
        throw new MediaError('unsupported', 'getUserMedia is not available (no media devices, or not a secure context)');
      }
      try {
        return localMediaOf(await env.mediaDevices.getUserMedia({ audio: constraints.audio, video: constraints.video }));
      } catch (error) {
        throw mapGetUserMediaError(error);
      }
    },
    createPeer(options: PeerOptions) {
      const env = environment();
      if (typeof env.RTCPeerConnection !== 'function') {
        throw new MediaError('unsupported', 'RTCPeerConnection is not available in this runtime');
      }
      const pc = new env.RTCPeerConnection({ iceServers: options.iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
      return new BrowserPeer(pc, env.MediaStream);
    },
  };
}
