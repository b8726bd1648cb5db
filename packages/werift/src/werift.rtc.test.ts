import type { CallStats, LocalCandidate, RtcPeer } from '@janus-call/core';
import { MediaError, mids, setupRole } from '@janus-call/core';
import type { MediaStream } from 'werift';
import { afterEach, describe, expect, it } from 'vitest';
import { type WeriftRtcOptions, weriftRtc } from './werift.rtc.js';

// Two werift peers talk to each other directly. Every candidate and every pair is kept on
// 127.0.0.1, so nothing leaves loopback even on a host with a real network interface.
const loopbackOnly: WeriftRtcOptions['peerConfig'] = {
  iceAdditionalHostAddresses: ['127.0.0.1'],
  iceUseIpv6: false,
  iceFilterCandidatePair: (pair) => pair.localCandidate.host === '127.0.0.1' && pair.remoteCandidate.host === '127.0.0.1',
};

const open: RtcPeer<MediaStream>[] = [];
afterEach(() => {
  for (const peer of open.splice(0)) peer.close();
});

function peerOf(options: WeriftRtcOptions = {}) {
  const rtc = weriftRtc({ ...options, peerConfig: loopbackOnly });
  const peer = rtc.createPeer({ iceServers: [] });
  open.push(peer);
  return { rtc, peer };
}

function forwardLoopbackCandidates(from: RtcPeer<MediaStream>, to: RtcPeer<MediaStream>) {
  from.onLocalCandidate((c: LocalCandidate | null) => {
    if (c === null || c.candidate.includes(' 127.0.0.1 ')) to.addRemoteCandidate(c).catch(() => undefined);
  });
}

async function call(callerOptions: WeriftRtcOptions = {}, calleeOptions: WeriftRtcOptions = {}) {
  const a = peerOf(callerOptions);
  const b = peerOf(calleeOptions);
  forwardLoopbackCandidates(a.peer, b.peer);
  forwardLoopbackCandidates(b.peer, a.peer);
  a.peer.addLocalMedia(await a.rtc.getLocalMedia({ audio: true, video: true }));
  const offer = await a.peer.createOffer();
  await a.peer.setLocalDescription(offer);
  await b.peer.setRemoteDescription(offer);
  b.peer.addLocalMedia(await b.rtc.getLocalMedia({ audio: true, video: true }));
  const answer = await b.peer.createAnswer();
  await b.peer.setLocalDescription(answer);
  await a.peer.setRemoteDescription(answer);
  return { a: a.peer, b: b.peer, offer };
}

async function until(what: string, check: () => Promise<boolean>, ms = 8000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const received = (s: CallStats) => s.audio.received.packets > 0 && s.video.received.packets > 0;

describe('weriftRtc offers', () => {
  it('offer a=setup:active by default, and werift accepts it back as its local description', async () => {
    const { rtc, peer } = peerOf();
    peer.addLocalMedia(await rtc.getLocalMedia({ audio: true, video: true }));
    const offer = await peer.createOffer();
    expect(setupRole(offer.sdp)).toBe('active');
    expect(offer.sdp).not.toContain('a=setup:actpass');
    await expect(peer.setLocalDescription(offer)).resolves.toBeUndefined();
  });

  it('keep actpass when preferSetupActive is false', async () => {
    const { peer } = peerOf({ preferSetupActive: false });
    expect(setupRole((await peer.createOffer()).sdp)).toBe('actpass');
  });

  it('offer to receive audio and video even with nothing to send', async () => {
    const { peer } = peerOf();
    const offer = await peer.createOffer();
    expect(mids(offer.sdp)).toHaveLength(2);
    expect(offer.sdp).toMatch(/m=audio[\s\S]*a=recvonly[\s\S]*m=video[\s\S]*a=recvonly/);
  });
});

describe('weriftRtc media', () => {
  it('gives synthetic tracks of the asked kinds', async () => {
    const media = await weriftRtc().getLocalMedia({ audio: false, video: true });
    expect(media.kinds).toEqual(['video']);
    expect(media.stream.getTracks().map((t) => t.kind)).toEqual(['video']);
    media.stop();
    media.stop();
    expect(media.stream.getTracks().every((t) => t.stopped)).toBe(true);
  });

  it('connects two peers and carries Opus silence and VP8 both ways', async () => {
    const { a, b, offer } = await call();
    expect(setupRole(offer.sdp)).toBe('active');
    await until('media both ways', async () => received(await a.getStats()) && received(await b.getStats()));
    const stats = await a.getStats();
    expect(stats.audio.sent.packets).toBeGreaterThan(0);
    expect(stats.video.sent.bytes).toBeGreaterThan(900);
    expect(a.connectionState).toBe('connected');
    expect(a.remoteStream?.getTracks().map((t) => t.kind).sort()).toEqual(['audio', 'video']);
    // Janus ends its trickle with {completed: true}; both forms of end-of-candidates are accepted.
    await expect(a.addRemoteCandidate({ completed: true })).resolves.toBeUndefined();
    await expect(b.addRemoteCandidate(null)).resolves.toBeUndefined();
  });

  it('pauses what it sends while a kind is disabled', async () => {
    const { a, b } = await call();
    await until('video', async () => (await b.getStats()).video.received.packets > 0);
    a.setTrackEnabled('video', false);
    await new Promise((r) => setTimeout(r, 150));
    const before = (await b.getStats()).video.received.packets;
    await new Promise((r) => setTimeout(r, 400));
    expect((await b.getStats()).video.received.packets).toBe(before);
    a.setTrackEnabled('video', true);
    await until('video again', async () => (await b.getStats()).video.received.packets > before);
  });

  it('with echo, returns what it receives', async () => {
    const { a, b } = await call({}, { echo: true });
    await until('echoed media', async () => received(await a.getStats()));
    const echoed = await b.getStats();
    expect(echoed.audio.sent.packets).toBeGreaterThan(0);
    expect(echoed.video.sent.packets).toBeGreaterThan(0);
  });
});

describe('weriftRtc close', () => {
  it('is idempotent, stops owned media and refuses further work', async () => {
    const { rtc, peer } = peerOf();
    const media = await rtc.getLocalMedia({ audio: true, video: true });
    peer.addLocalMedia(media);
    peer.close();
    peer.close();
    expect(peer.connectionState).toBe('closed');
    expect(media.stream.getTracks().every((t) => t.stopped)).toBe(true);
    await expect(peer.createOffer()).rejects.toBeInstanceOf(MediaError);
  });
});
