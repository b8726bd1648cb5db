import {
  type CallStats,
  type Jsep,
  type LocalCandidate,
  type LocalMedia,
  type MediaConstraints,
  MediaError,
  type MediaKind,
  type PeerConnectionState,
  type PeerOptions,
  type RemoteCandidate,
  type RtcAdapter,
  type RtcPeer,
  normalizeStats,
  PeerBase,
  preferSetupActive,
} from '@janus-call/core';
import {
  MediaStream,
  MediaStreamTrack,
  type RTCPeerConnectionConfig,
  RTCPeerConnection,
  type RTCIceCandidateInit,
  type RTCRtpReceiver,
  type RTCTrackEvent,
} from 'werift';
import { type VideoSourceOptions, startGreyVideo, startSilentAudio } from './synthetic-source.js';
import { isVp8Keyframe } from './vp8.js';

export interface WeriftRtcOptions {
  /** Send back what the remote sends (per kind) instead of synthetic media. */
  echo?: boolean;
  /** Offer `a=setup:active`: werift otherwise waits ~1 s for DTLS against Janus. Default true. */
  preferSetupActive?: boolean;
  /** Size and rate of the synthetic grey VP8 video. Default 320x240 at 15 fps. */
  video?: VideoSourceOptions;
  /**
   * With `echo`: how often to ask the caller for a key frame once one went through (ms, default 2000).
   * Until the first one has, it asks every 500 ms. Janus does not pass a viewer's picture-loss reports
   * back to the sender of an echo, so the echo asks on its own: a late joiner or a lost packet then
   * costs at most this long a freeze. `0` stops the periodic requests after the first key frame.
   */
  echoKeyframeIntervalMs?: number;
  /** Extra werift settings (e.g. `icePortRange`); `iceServers` and `bundlePolicy` are set by the adapter. */
  peerConfig?: Omit<RTCPeerConnectionConfig, 'iceServers' | 'bundlePolicy'>;
}

const KINDS: readonly MediaKind[] = ['audio', 'video'];

/** Janus's trickle shape → werift's; null (end of candidates) for `null`, `{completed}` or an empty line. */
function candidateInit(candidate: RemoteCandidate | LocalCandidate | null): RTCIceCandidateInit | null {
  if (candidate === null || typeof candidate.candidate !== 'string' || candidate.candidate === '') return null;
  const sdpMid = typeof candidate.sdpMid === 'string' ? candidate.sdpMid : undefined;
  // One of mid and index is required; with max-bundle everything rides on the first m-line.
  const sdpMLineIndex = typeof candidate.sdpMLineIndex === 'number' ? candidate.sdpMLineIndex : sdpMid === undefined ? 0 : undefined;
  return { candidate: candidate.candidate, sdpMid, sdpMLineIndex };
}

const toMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

class WeriftPeer extends PeerBase<MediaStream> implements RtcPeer<MediaStream> {
  localStream: MediaStream | null = null;
  remoteStream: MediaStream | null = null;
  private readonly owned: LocalMedia<MediaStream>[] = [];
  private readonly cleanups: Array<() => void> = [];
  private readonly echoPending: Array<{ track: MediaStreamTrack; receiver: RTCRtpReceiver }> = [];
  // werift refuses a local offer that differs from the one it created: keep both texts.
  private lastOffer: { sent: string; created: string } | null = null;

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly options: WeriftRtcOptions,
  ) {
    super();
    const ice = pc.onIceCandidate.subscribe((c) => {
      if (!c) this.candidates.emit(null);
      else if (c.candidate) this.candidates.emit({ candidate: c.candidate, sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? null });
    });
    const state = pc.connectionStateChange.subscribe((s) => this.states.emit(s));
    pc.addEventListener('track', this.handleTrack);
    this.cleanups.push(ice.unSubscribe, state.unSubscribe, () => pc.removeEventListener('track', this.handleTrack));
  }

  get connectionState(): PeerConnectionState {
    return this.closed ? 'closed' : this.pc.connectionState;
  }

  private readonly handleTrack = (event: RTCTrackEvent) => {
    const { track } = event;
    if (track.kind !== 'audio' && track.kind !== 'video') return;
    this.remoteStream ??= new MediaStream({ id: event.streams[0]?.id });
    if (!this.remoteStream.getTracks().includes(track)) this.remoteStream.addTrack(track);
    if (this.options.echo) {
      this.echoPending.push({ track, receiver: event.receiver });
      this.wireEcho();
    }
    this.tracks.emit({ kind: track.kind, stream: this.remoteStream });
  };

  /** A callee gets remote tracks before it adds its own: link each pair once both exist. */
  private wireEcho() {
    for (const pending of [...this.echoPending]) {
      const local = this.localStream?.getTracks().find((t) => t.kind === pending.track.kind);
      if (!local) continue;
      this.echoPending.splice(this.echoPending.indexOf(pending), 1);
      this.echo(pending.track, pending.receiver, local);
    }
  }

  /**
   * Write the remote's packets into our sending track of the same kind. For video, ask the remote
   * for key frames (see `echoKeyframeIntervalMs`) and relay any picture-loss report we do get.
   */
  private echo(remote: MediaStreamTrack, receiver: RTCRtpReceiver, local: MediaStreamTrack) {
    const video = remote.kind === 'video';
    let keyframes = 0;
    const rtp = remote.onReceiveRtp.subscribe((packet) => {
      if (video && isVp8Keyframe(packet.payload)) keyframes += 1;
      if (local.enabled && !local.stopped) local.writeRtp(packet.clone());
    });
    this.cleanups.push(rtp.unSubscribe);
    if (!video) return;
    const askForKeyframe = () => {
      if (remote.ssrc !== undefined && !this.closed) receiver.sendRtcpPLI(remote.ssrc).catch(() => undefined);
    };
    const sender = this.pc.getSenders().find((s) => s.track === local);
    if (sender) {
      const pli = sender.onPictureLossIndication.subscribe(askForKeyframe);
      this.cleanups.push(pli.unSubscribe);
    }
    const every = this.options.echoKeyframeIntervalMs ?? 2000;
    let last = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      if (keyframes === 0 || (every > 0 && now - last >= every)) {
        last = now;
        askForKeyframe();
      }
    }, 500);
    this.cleanups.push(() => clearInterval(timer));
  }

  addLocalMedia(media: LocalMedia<MediaStream>): void {
    if (this.closed) {
      media.stop();
      return;
    }
    this.owned.push(media);
    this.localStream = media.stream;
    for (const track of media.stream.getTracks()) this.pc.addTrack(track, media.stream);
    if (this.options.echo) this.wireEcho();
  }

  createOffer(options: { iceRestart?: boolean } = {}): Promise<Jsep> {
    return this.run('createOffer', async () => {
      for (const kind of KINDS) {
        if (!this.pc.getTransceivers().some((t) => t.kind === kind)) this.pc.addTransceiver(kind, { direction: 'recvonly' });
      }
      const created = (await this.pc.createOffer({ iceRestart: options.iceRestart === true })).sdp;
      const sent = this.options.preferSetupActive === false ? created : preferSetupActive(created);
      this.lastOffer = { sent, created };
      return { type: 'offer' as const, sdp: sent };
    });
  }

  createAnswer(): Promise<Jsep> {
    return this.run('createAnswer', async () => ({ type: 'answer' as const, sdp: (await this.pc.createAnswer()).sdp }));
  }

  setLocalDescription(description: Jsep): Promise<void> {
    return this.run('setLocalDescription', async () => {
      const sdp = description.type === 'offer' && description.sdp === this.lastOffer?.sent ? this.lastOffer.created : description.sdp;
      await this.pc.setLocalDescription({ type: description.type, sdp });
    });
  }

  setRemoteDescription(description: Jsep): Promise<void> {
    return this.run('setRemoteDescription', () => this.pc.setRemoteDescription({ type: description.type, sdp: description.sdp }));
  }

  addRemoteCandidate(candidate: RemoteCandidate | LocalCandidate | null): Promise<void> {
    return this.run('addIceCandidate', () => this.pc.addIceCandidate(candidateInit(candidate)));
  }

  setTrackEnabled(kind: MediaKind, enabled: boolean): void {
    // Synthetic sources and echo both check `enabled` before writing a packet.
    for (const media of this.owned) for (const track of media.stream.getTracks()) if (track.kind === kind) track.enabled = enabled;
  }

  getStats(): Promise<CallStats> {
    return this.run('getStats', async () => normalizeStats(await this.pc.getStats()));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const media of this.owned.splice(0)) media.stop();
    this.dropListeners();
    // werift closes asynchronously; nothing useful can fail here.
    this.pc.close().catch(() => undefined);
  }
}

function syntheticMedia(constraints: MediaConstraints, options: WeriftRtcOptions): LocalMedia<MediaStream> {
  const stream = new MediaStream();
  const stops: Array<() => void> = [];
  for (const kind of KINDS) {
    if (!constraints[kind]) continue;
    const track = new MediaStreamTrack({ kind });
    stream.addTrack(track);
    if (!options.echo) stops.push(kind === 'audio' ? startSilentAudio(track) : startGreyVideo(track, options.video));
    stops.push(() => track.stop());
  }
  let stopped = false;
  return {
    stream,
    kinds: KINDS.filter((kind) => constraints[kind]),
    stop() {
      if (stopped) return;
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}

/**
 * Real WebRTC in Node through werift. Local media is synthetic (Opus silence, grey VP8 at 15 fps)
 * or, with `echo`, whatever the remote sends. Never uses a STUN server unless given one.
 */
export function weriftRtc(options: WeriftRtcOptions = {}): RtcAdapter<MediaStream> {
  return {
    getLocalMedia: async (constraints) => syntheticMedia(constraints, options),
    createPeer(peer: PeerOptions) {
      try {
        const pc = new RTCPeerConnection({ ...options.peerConfig, iceServers: peer.iceServers, bundlePolicy: 'max-bundle' });
        return new WeriftPeer(pc, options);
      } catch (error) {
        throw new MediaError('unsupported', `werift could not create a peer connection: ${toMessage(error)}`, { cause: error });
      }
    },
  };
}
