import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../protocol/errors.js';
import { FakePeerConnection, FakeStream, FakeTrack, fakeMediaDevices } from './__fixtures__/fake-webrtc.js';
import { type BrowserRtcEnvironment, browserRtc } from './browser.rtc.js';

function setup(devices = fakeMediaDevices()) {
  const env = {
    RTCPeerConnection: FakePeerConnection,
    mediaDevices: devices,
    MediaStream: FakeStream,
  } as unknown as BrowserRtcEnvironment;
  const rtc = browserRtc(() => env);
  const peer = rtc.createPeer({ iceServers: [{ urls: 'turn:turn.example:3478', username: 'u', credential: 'p' }] });
  return { rtc, peer, pc: FakePeerConnection.last!, devices };
}

async function rejection(promise: Promise<unknown>): Promise<MediaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  return error as MediaError;
}

describe('browserRtc in a runtime without WebRTC (Node)', () => {
  it('imports and builds without touching globals, then reports unsupported', async () => {
    const rtc = browserRtc();
    expect(() => rtc.createPeer({ iceServers: [] })).toThrow(MediaError);
    expect((await rejection(rtc.getLocalMedia({ audio: true, video: true }))).reason).toBe('unsupported');
  });
});

describe('getLocalMedia', () => {
  it.each([
    ['NotAllowedError', 'permission-denied'],
    ['SecurityError', 'permission-denied'],
    ['NotFoundError', 'device-unavailable'],
    ['NotReadableError', 'device-unavailable'],
    ['OverconstrainedError', 'device-unavailable'],
    ['AbortError', 'device-unavailable'],
    ['TypeError', 'unsupported'],
  ])('maps %s to %s', async (name, reason) => {
    const { rtc } = setup(fakeMediaDevices(name));
    const error = await rejection(rtc.getLocalMedia({ audio: true, video: true }));
    expect(error.reason).toBe(reason);
    expect((error.cause as { name?: string }).name).toBe(name);
  });

  it('asks for what was requested and reports the kinds it got', async () => {
    const { rtc, devices } = setup();
    const media = await rtc.getLocalMedia({ audio: true, video: false });
    expect(devices.requests).toEqual([{ audio: true, video: false }]);
    expect(media.kinds).toEqual(['audio']);
  });

  it('returns an empty stream without asking for devices when nothing is wanted', async () => {
    const { rtc, devices } = setup();
    const media = await rtc.getLocalMedia({ audio: false, video: false });
    expect(devices.requests).toEqual([]);
    expect(media.kinds).toEqual([]);
  });

  it('stops its tracks once, however often stop() is called', async () => {
    const { rtc } = setup();
    const media = await rtc.getLocalMedia({ audio: true, video: true });
    media.stop();
    media.stop();
    expect((media.stream as unknown as FakeStream).tracks.map((t) => t.stopped)).toEqual([1, 1]);
  });
});

describe('peer', () => {
  it('asks for max-bundle and passes the ICE servers through', () => {
    const { pc } = setup();
    expect(pc.config).toMatchObject({ bundlePolicy: 'max-bundle', iceServers: [{ urls: 'turn:turn.example:3478' }] });
  });

  it('offers to receive the kinds it does not send', async () => {
    const { rtc, peer, pc } = setup();
    peer.addLocalMedia(await rtc.getLocalMedia({ audio: true, video: false }));
    const offer = await peer.createOffer({ iceRestart: true });
    expect(offer).toEqual({ type: 'offer', sdp: pc.offer.sdp });
    expect(pc.calls).toEqual(['addTrack:audio', 'addTransceiver:video:recvonly', 'createOffer:{"iceRestart":true}']);
    await peer.createOffer();
    expect(pc.calls.filter((c) => c.startsWith('addTransceiver'))).toHaveLength(1);
  });

  it('runs the answer side and passes descriptions through', async () => {
    const { peer, pc } = setup();
    await peer.setRemoteDescription({ type: 'offer', sdp: 'v=0\r\n' });
    const answer = await peer.createAnswer();
    await peer.setLocalDescription(answer);
    expect(answer.type).toBe('answer');
    expect(pc.calls).toEqual(['setRemoteDescription:offer', 'createAnswer', 'setLocalDescription:answer']);
  });

  it('turns a failed negotiation step into MediaError negotiation-failed', async () => {
    const { peer, pc } = setup();
    pc.fail = 'setRemoteDescription:answer';
    const error = await rejection(peer.setRemoteDescription({ type: 'answer', sdp: 'bad' }));
    expect(error.reason).toBe('negotiation-failed');
    expect(error.message).toContain('exploded');
  });

  it('replays local candidates to a late subscriber, skips empty ones, ends with null', () => {
    const { peer, pc } = setup();
    pc.fireCandidate({ candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    pc.fireCandidate({ candidate: '', sdpMid: '0', sdpMLineIndex: 0 });
    const seen: unknown[] = [];
    peer.onLocalCandidate((c) => seen.push(c));
    pc.fireCandidate(null);
    expect(seen).toEqual([{ candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 }, null]);
  });

  it('feeds Janus candidates in, and {completed} / null as end of candidates', async () => {
    const { peer, pc } = setup();
    await peer.addRemoteCandidate({ candidate: 'candidate:2 1 udp 1 10.0.0.2 5001 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    await peer.addRemoteCandidate({ candidate: 'candidate:3 1 udp 1 10.0.0.3 5002 typ host' });
    await peer.addRemoteCandidate({ completed: true });
    await peer.addRemoteCandidate(null);
    expect(pc.candidatesAdded).toEqual([
      { candidate: 'candidate:2 1 udp 1 10.0.0.2 5001 typ host', sdpMid: '0', sdpMLineIndex: 0 },
      { candidate: 'candidate:3 1 udp 1 10.0.0.3 5002 typ host', sdpMid: null, sdpMLineIndex: 0 },
      undefined,
      undefined,
    ]);
  });

  it('reports connection states', () => {
    const { peer, pc } = setup();
    const states: string[] = [];
    peer.onConnectionState((s) => states.push(s));
    pc.fireState('connecting');
    pc.fireState('connected');
    expect(states).toEqual(['connecting', 'connected']);
    expect(peer.connectionState).toBe('connected');
  });

  it('gathers remote tracks into one remote stream', () => {
    const { peer, pc } = setup();
    const audio = new FakeTrack('audio');
    const video = new FakeTrack('video');
    const fromJanus = new FakeStream();
    pc.fireTrack(audio, [fromJanus]);
    pc.fireTrack(video);
    const kinds: string[] = [];
    peer.onRemoteTrack((t) => {
      kinds.push(t.kind);
      expect(t.stream).toBe(fromJanus);
    });
    expect(kinds).toEqual(['audio', 'video']);
    expect(fromJanus.tracks).toEqual([audio, video]);
    expect(peer.remoteStream).toBe(fromJanus);
  });

  it('mutes and unmutes what it sends, per kind', async () => {
    const { rtc, peer, pc } = setup();
    peer.addLocalMedia(await rtc.getLocalMedia({ audio: true, video: true }));
    peer.setTrackEnabled('video', false);
    expect(pc.getSenders().map((s) => [s.track?.kind, s.track?.enabled])).toEqual([
      ['audio', true],
      ['video', false],
    ]);
  });

  it('normalises getStats', async () => {
    const { peer, pc } = setup();
    const chromium = JSON.parse(readFileSync(new URL('./__fixtures__/chromium-stats.json', import.meta.url), 'utf8')) as Array<
      Record<string, unknown>
    >;
    for (const s of chromium) pc.stats.set(s.id as string, s);
    const stats = await peer.getStats();
    expect(stats.video.received.packets).toBe(380);
    expect(stats.roundTripTimeMs).toBe(2);
  });

  it('closes once: stops owned media, closes the connection, goes deaf', async () => {
    const { rtc, peer, pc } = setup();
    const media = await rtc.getLocalMedia({ audio: true, video: true });
    peer.addLocalMedia(media);
    const states: string[] = [];
    peer.onConnectionState((s) => states.push(s));
    peer.close();
    peer.close();
    pc.fireState('failed');
    expect(pc.calls.filter((c) => c === 'close')).toHaveLength(1);
    expect((media.stream as unknown as FakeStream).tracks.every((t) => t.stopped === 1)).toBe(true);
    expect(states).toEqual([]);
    expect(peer.connectionState).toBe('closed');
    expect((await rejection(peer.createOffer())).reason).toBe('negotiation-failed');
  });

  it('stops media handed to it after close', async () => {
    const { rtc, peer } = setup();
    peer.close();
    const media = await rtc.getLocalMedia({ audio: true, video: false });
    peer.addLocalMedia(media);
    expect((media.stream as unknown as FakeStream).tracks[0]?.stopped).toBe(1);
  });
});
