// Small stand-ins for the browser's WebRTC objects, injected into browserRtc() in tests.
// They record calls and let a test fire the events a real RTCPeerConnection would.

export class FakeTrack {
  enabled = true;
  stopped = 0;
  constructor(readonly kind: 'audio' | 'video') {}
  stop() {
    this.stopped++;
  }
}

export class FakeStream {
  readonly tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks() {
    return this.tracks;
  }
  addTrack(track: FakeTrack) {
    this.tracks.push(track);
  }
}

interface FakeTransceiver {
  kind: string;
  direction: string;
  sender: { track: FakeTrack | null };
  receiver: { track: FakeTrack };
}

export class FakePeerConnection extends EventTarget {
  static last: FakePeerConnection | undefined;
  readonly calls: string[] = [];
  readonly transceivers: FakeTransceiver[] = [];
  readonly candidatesAdded: unknown[] = [];
  connectionState = 'new';
  iceConnectionState = 'new';
  closed = false;
  offer = { type: 'offer', sdp: 'v=0\r\na=setup:actpass\r\n' };
  fail: string | null = null;
  stats = new Map<string, Record<string, unknown>>();

  constructor(readonly config: RTCConfiguration) {
    super();
    FakePeerConnection.last = this;
  }

  private async op<T>(name: string, value: T): Promise<T> {
    this.calls.push(name);
    if (this.fail === name) throw Object.assign(new Error(`${name} exploded`), { name: 'InvalidStateError' });
    return value;
  }

  addTrack(track: FakeTrack) {
    this.calls.push(`addTrack:${track.kind}`);
    this.transceivers.push({ kind: track.kind, direction: 'sendrecv', sender: { track }, receiver: { track: new FakeTrack(track.kind) } });
  }
  addTransceiver(kind: 'audio' | 'video', init: { direction: string }) {
    this.calls.push(`addTransceiver:${kind}:${init.direction}`);
    this.transceivers.push({ kind, direction: init.direction, sender: { track: null }, receiver: { track: new FakeTrack(kind) } });
  }
  getTransceivers() {
    return this.transceivers;
  }
  getSenders() {
    return this.transceivers.map((t) => t.sender);
  }
  createOffer(options: RTCOfferOptions) {
    return this.op(`createOffer:${JSON.stringify(options)}`, this.offer);
  }
  createAnswer() {
    return this.op('createAnswer', { type: 'answer', sdp: 'v=0\r\na=setup:active\r\n' });
  }
  setLocalDescription(d: RTCSessionDescriptionInit) {
    return this.op(`setLocalDescription:${d.type}`, undefined);
  }
  setRemoteDescription(d: RTCSessionDescriptionInit) {
    return this.op(`setRemoteDescription:${d.type}`, undefined);
  }
  addIceCandidate(candidate?: RTCIceCandidateInit) {
    this.candidatesAdded.push(candidate);
    return this.op('addIceCandidate', undefined);
  }
  getStats() {
    return this.op('getStats', this.stats);
  }
  close() {
    this.calls.push('close');
    this.closed = true;
  }

  fireCandidate(candidate: Partial<RTCIceCandidate> | null) {
    this.dispatchEvent(Object.assign(new Event('icecandidate'), { candidate }));
  }
  fireState(state: string) {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
  fireTrack(track: FakeTrack, streams: FakeStream[] = []) {
    this.dispatchEvent(Object.assign(new Event('track'), { track, streams }));
  }
}

/** A fake navigator.mediaDevices: resolves with fake tracks, or rejects with a DOMException of this name. */
export function fakeMediaDevices(failWith?: string) {
  const requests: MediaStreamConstraints[] = [];
  return {
    requests,
    async getUserMedia(constraints: MediaStreamConstraints) {
      requests.push(constraints);
      if (failWith) throw failWith === 'TypeError' ? new TypeError('bad constraints') : new DOMException('refused', failWith);
      const tracks = [constraints.audio && new FakeTrack('audio'), constraints.video && new FakeTrack('video')].filter(Boolean);
      return new FakeStream(tracks as FakeTrack[]);
    },
  };
}
