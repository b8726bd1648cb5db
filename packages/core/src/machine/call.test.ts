import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJanusCall, type JanusCall } from '../create-janus-call.js';
import { JanusError, MediaError, UsageError, VideocallError } from '../protocol/errors.js';
import { FakeJanus } from '../testing/fake-janus.js';
import { FakeRtc } from '../testing/fake-rtc.js';
import { until } from '../testing/until.js';
import type { CallEnd } from './janus-call.types.js';

const clients: JanusCall[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

async function registered(janus: FakeJanus, rtc: FakeRtc, name: string, extra: Partial<Parameters<typeof createJanusCall>[0]> = {}) {
  const call = createJanusCall({ server: 'fake://', transport: janus.transport(), rtc, ...extra });
  clients.push(call);
  call.register(name);
  await until(call, (v) => v.status === 'registered');
  return call;
}

function hangups(call: JanusCall): CallEnd[] {
  const ends: CallEnd[] = [];
  call.on('hangup', (e) => ends.push(e.call));
  return ends;
}

async function pair(extra: Partial<Parameters<typeof createJanusCall>[0]> = {}) {
  const janus = new FakeJanus();
  const rtc = new FakeRtc();
  const alice = await registered(janus, rtc, 'alice', extra);
  const bob = await registered(janus, rtc, 'bob', extra);
  return { janus, rtc, alice, bob };
}

/**
 * Alice called bob, bob answered, alice hung up; bob stays busy on the server for `lingeringPeerMs`.
 * With `autoAccept`, bob also answers every later call by himself.
 */
async function afterACall(lingeringPeerMs: number, { autoAccept = true } = {}) {
  const { janus, rtc, alice, bob } = await pair();
  janus.lingeringPeerMs = lingeringPeerMs;
  if (autoAccept) bob.on('incomingcall', () => bob.accept());
  alice.call('bob');
  if (!autoAccept) {
    await until(bob, (v) => v.status === 'incoming');
    bob.accept();
  }
  await until(alice, (v) => v.status === 'mediaUp');
  alice.hangup();
  await until(alice, (v) => v.status === 'registered' && v.lastCall !== null);
  return { janus, rtc, alice, bob, ends: hangups(alice) };
}

describe('calls with a fake Janus and a fake rtc adapter', () => {
  it('alice calls, bob accepts, both reach mediaUp, alice hangs up, both back to registered', async () => {
    const { janus, rtc, alice, bob } = await pair();
    const incoming: string[] = [];
    bob.on('incomingcall', (e) => incoming.push(e.peer));
    const [aliceEnds, bobEnds] = [hangups(alice), hangups(bob)];
    alice.call('bob');
    expect(alice.view.status).toBe('calling');
    expect(alice.view.peer).toBe('bob');
    const ringing = await until(bob, (v) => v.status === 'incoming');
    expect(ringing.peer).toBe('alice');
    expect(incoming).toEqual(['alice']);
    expect(rtc.peers).toHaveLength(1); // the callee has no PeerConnection before accepting
    bob.accept();
    const [a, b] = await Promise.all([until(alice, (v) => v.status === 'mediaUp'), until(bob, (v) => v.status === 'mediaUp')]);
    expect(a.remoteStream).not.toBeNull();
    expect(b.localStream).not.toBeNull();
    expect(a.connectedAt).toBeTypeOf('number');
    const call = janus.requests.find((r) => r.body?.request === 'call');
    expect(call?.jsep?.type).toBe('offer');
    expect(janus.requests.some((r) => r.method === 'trickle')).toBe(true);
    expect(await alice.getStats()).toMatchObject({ audio: { sent: { packets: 10 } } });

    alice.hangup();
    await Promise.all([until(alice, (v) => v.status === 'registered'), until(bob, (v) => v.status === 'registered')]);
    expect(aliceEnds).toEqual([{ cause: 'local', reason: 'Explicit hangup', peer: 'bob' }]);
    expect(bobEnds).toEqual([{ cause: 'remote', reason: 'We did the hangup', peer: 'alice' }]);
    expect(bob.view.lastCall?.cause).toBe('remote');
    await vi.waitFor(() => expect(rtc.openPeers).toBe(0));
    expect(rtc.mediaStopped).toBe(2);
    expect(alice.view.peer).toBeNull();
    expect(alice.view.remoteStream).toBeNull();
    expect(await alice.getStats()).toBeNull();
  });

  it('bob declines: alice sees "declined", no PeerConnection was opened for bob', async () => {
    const { rtc, alice, bob } = await pair();
    const aliceEnds = hangups(alice);
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    bob.decline();
    await until(alice, (v) => v.status === 'registered' && v.lastCall !== null);
    expect(aliceEnds[0]?.cause).toBe('declined');
    expect(bob.view.lastCall?.cause).toBe('declined');
    expect(rtc.peers).toHaveLength(1);
    await vi.waitFor(() => expect(rtc.openPeers).toBe(0));
  });

  it('a third caller gets "User busy" and the running call survives', async () => {
    const { janus, rtc, alice, bob } = await pair();
    const carol = await registered(janus, rtc, 'carol');
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    bob.accept();
    await until(alice, (v) => v.status === 'mediaUp');
    const carolEnds = hangups(carol);
    carol.call('bob');
    await until(carol, (v) => v.lastCall !== null);
    expect(carol.view.status).toBe('registered');
    expect(carolEnds[0]).toEqual({ cause: 'busy', reason: 'User busy', peer: 'bob' });
    expect(alice.view.status).toBe('mediaUp');
    expect(bob.view.status).toBe('mediaUp');
  });

  it('calling right back a peer still closing our last call dials again instead of reporting "busy"', async () => {
    // Bob stays busy for less than the first redial's 250 ms wait.
    const { janus, alice, ends } = await afterACall(100);
    const statuses: string[] = [];
    alice.subscribe((v) => statuses.push(v.status));
    alice.call('bob');
    await until(alice, (v) => v.status === 'mediaUp', 5_000);
    expect(ends).toEqual([]);
    // The first, the one Janus answered "User busy", and the one that got through.
    expect(janus.requests.filter((r) => r.body?.request === 'call')).toHaveLength(3);
    // Once calling, the redial shows as calling throughout.
    const since = statuses.slice(statuses.indexOf('calling'));
    expect(since.filter((s) => s !== 'calling' && s !== 'accepted' && s !== 'mediaUp')).toEqual([]);
  });

  it('a core hangup that arrives while our hangup request is in flight still counts: the next call need not wait', async () => {
    const { janus, alice, bob } = await pair();
    bob.on('incomingcall', () => bob.accept());
    alice.call('bob');
    await until(alice, (v) => v.status === 'mediaUp');
    // The fake answers the hangup request only after Janus closed our PeerConnection, as a slow reply would be.
    janus.replyDelayMs = 50;
    alice.hangup();
    const settled = () => alice.actor.getSnapshot().matches({ session: { ready: { registration: { registered: 'idle' } } } });
    await vi.waitFor(() => expect(settled()).toBe(true), { timeout: 1_000 });
  });

  it('a call made while the last one winds down shows as calling at once, then goes out', async () => {
    const { janus, alice, bob } = await pair();
    bob.on('incomingcall', () => bob.accept());
    alice.call('bob');
    await until(alice, (v) => v.status === 'mediaUp');
    janus.replyDelayMs = 100; // the hangup request is still in flight when alice calls again
    alice.hangup();
    expect(alice.view.status).toBe('registered');
    alice.call('bob');
    expect(alice.view).toMatchObject({ status: 'calling', peer: 'bob' });
    expect(janus.requests.filter((r) => r.body?.request === 'call')).toHaveLength(1);
    await until(alice, (v) => v.status === 'mediaUp');
    expect(janus.requests.filter((r) => r.body?.request === 'call')).toHaveLength(2);
  });

  it('a 471 "Invalid PeerConnection" on calling right back is the same race: it dials again', async () => {
    const { janus, alice, ends } = await afterACall(0);
    janus.failNext('message', new JanusError(471, 'Invalid PeerConnection'));
    alice.call('bob');
    await until(alice, (v) => v.status === 'mediaUp');
    expect(ends).toEqual([]);
    expect(alice.view.error).toBeNull();
    expect(janus.requests.filter((r) => r.body?.request === 'call')).toHaveLength(3);
  });

  it('a "Remote WebRTC hangup" while ringing a peer we just called is its last call closing: it dials again', async () => {
    const { janus, rtc, alice, bob, ends } = await afterACall(0, { autoAccept: false });
    const rings: string[] = [];
    bob.on('incomingcall', (e) => rings.push(e.peer));
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    // Janus closing bob's side of the last call only now: it ends the ringing call too.
    janus.endCall([...janus.handles.values()].find((h) => h.username === 'bob')!, 'Remote WebRTC hangup');
    await vi.waitFor(() => expect(rings).toHaveLength(2)); // alice's redial rings again
    expect(alice.view.status).toBe('calling');
    bob.accept();
    await Promise.all([until(alice, (v) => v.status === 'mediaUp'), until(bob, (v) => v.status === 'mediaUp')]);
    expect(ends).toEqual([]);
    const calls = janus.requests.filter((r) => r.body?.request === 'call');
    expect(calls).toHaveLength(3);
    // Bob answered the offer that rang last, not the one Janus had already ended.
    expect(rtc.peers.at(-1)?.remote).toEqual(calls.at(-1)?.jsep);
  });

  it('a 471 on a first call to someone is an error, not a redial', async () => {
    const { janus, alice } = await pair();
    const ends = hangups(alice);
    janus.failNext('message', new JanusError(471, 'Invalid PeerConnection'));
    alice.call('bob');
    await until(alice, (v) => v.status === 'registered' && v.error !== null);
    expect(alice.view.error).toMatchObject({ kind: 'janus', code: 471 });
    expect(ends.map((e) => e.cause)).toEqual(['error']);
    expect(janus.requests.filter((r) => r.body?.request === 'call')).toHaveLength(1);
  });

  it('a peer that stays busy is reported busy after a bounded number of redials', async () => {
    const { janus, alice, ends } = await afterACall(60_000);
    const before = janus.requests.filter((r) => r.body?.request === 'call').length;
    alice.call('bob');
    await until(alice, (v) => v.status === 'registered' && ends.length > 0, 5_000);
    expect(ends).toEqual([{ cause: 'busy', reason: 'User busy', peer: 'bob' }]);
    expect(janus.requests.filter((r) => r.body?.request === 'call').length - before).toBe(4);
  });

  it('hanging up while a redial waits ends the call at once', async () => {
    const { janus, alice, ends } = await afterACall(60_000);
    alice.call('bob');
    await vi.waitFor(() => expect(janus.requests.filter((r) => r.body?.request === 'call')).toHaveLength(2));
    await until(alice, (v) => v.status === 'calling');
    alice.hangup();
    await until(alice, (v) => v.status === 'registered' && ends.length > 0);
    expect(ends).toEqual([{ cause: 'local', reason: 'Explicit hangup', peer: 'bob' }]);
  });

  it('an unanswered call ends at the ring timeout, for both sides', async () => {
    const { alice, bob } = await pair({ ringTimeoutMs: 150 });
    const ends = hangups(alice);
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    await until(alice, (v) => v.lastCall !== null, 2000);
    expect(ends[0]?.cause).toBe('no-answer');
    await until(bob, (v) => v.status === 'registered');
    expect(bob.view.lastCall?.cause).toBe('no-answer');
  });

  it('478 for an unknown user leaves alice registered and usable', async () => {
    const { rtc, alice, bob } = await pair();
    alice.call('nobody');
    const view = await until(alice, (v) => v.error !== null);
    expect(view.error).toBeInstanceOf(VideocallError);
    expect(view.error?.code).toBe(478);
    await until(alice, (v) => v.status === 'registered');
    expect(rtc.openPeers).toBe(0);
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
  });

  it('refuses calling yourself (479) and calling while in a call (480) before sending', async () => {
    const { janus, alice, bob } = await pair();
    const before = janus.requests.length;
    alice.call('alice');
    expect((alice.view.error as UsageError).reason).toBe('call-yourself');
    expect(alice.view.status).toBe('registered');
    expect(janus.requests.length).toBe(before);
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    bob.accept();
    await until(alice, (v) => v.status === 'mediaUp');
    const calls = janus.requests.filter((r) => r.body?.request === 'call').length;
    alice.call('bob');
    expect((alice.view.error as UsageError).reason).toBe('invalid-state');
    expect(alice.view.status).toBe('mediaUp');
    expect(janus.requests.filter((r) => r.body?.request === 'call').length).toBe(calls);
  });

  it('refuses accept, decline, hangup and setMedia when there is no call', async () => {
    const { alice } = await pair();
    for (const command of [() => alice.accept(), () => alice.decline(), () => alice.hangup(), () => alice.setMedia({ audio: false })]) {
      command();
      expect(alice.view.error).toBeInstanceOf(UsageError);
      expect(alice.view.status).toBe('registered');
    }
  });

  it('refuses to call before registering', async () => {
    const janus = new FakeJanus();
    const call = createJanusCall({ server: 'fake://', transport: janus.transport(), rtc: new FakeRtc() });
    clients.push(call);
    await until(call, (v) => v.status === 'idle');
    call.call('bob');
    expect((call.view.error as UsageError).reason).toBe('not-registered');
  });

  it('getUserMedia refused: the caller gets a MediaError and nothing reaches Janus', async () => {
    const { janus, rtc, alice } = await pair();
    rtc.denyMedia = true;
    alice.call('bob');
    const view = await until(alice, (v) => v.error !== null);
    expect(view.error).toBeInstanceOf(MediaError);
    expect((view.error as MediaError).reason).toBe('permission-denied');
    await until(alice, (v) => v.status === 'registered');
    expect(janus.requests.some((r) => r.body?.request === 'call')).toBe(false);
    expect(rtc.openPeers).toBe(0);
  });

  it('getUserMedia refused on accept: the callee hangs up, the caller is told', async () => {
    const { rtc, alice, bob } = await pair();
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    rtc.denyMedia = true;
    bob.accept();
    const view = await until(bob, (v) => v.error instanceof MediaError);
    expect(view.status === 'registered' || view.status === 'accepted' || view.status === 'incoming').toBe(true);
    await until(bob, (v) => v.status === 'registered');
    await until(alice, (v) => v.status === 'registered' && v.lastCall !== null);
    await vi.waitFor(() => expect(rtc.openPeers).toBe(0));
  });

  it('ICE failure on the peer connection ends the call with cause ice-failed', async () => {
    const { rtc, alice, bob } = await pair();
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    bob.accept();
    await until(alice, (v) => v.status === 'mediaUp');
    const ends = hangups(alice);
    rtc.peers[0]!.setState('failed');
    await until(alice, (v) => v.status === 'registered');
    expect(ends[0]?.cause).toBe('ice-failed');
    await until(bob, (v) => v.status === 'registered');
  });

  it('setMedia mutes the local track and sends set; a renegotiation offer is answered', async () => {
    const { janus, rtc, alice, bob } = await pair();
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    bob.accept();
    await until(alice, (v) => v.status === 'mediaUp');
    alice.setMedia({ video: false, bitrate: 256_000 });
    expect(alice.view.media).toEqual({ audio: true, video: false });
    expect(alice.view.bitrate).toBe(256_000);
    expect(rtc.peers[0]!.enabled.video).toBe(false);
    await vi.waitFor(() => expect(janus.requests.some((r) => r.body?.request === 'set' && r.body.video === false)).toBe(true));
    expect(janus.requests.find((r) => r.body?.request === 'set')?.body).toEqual({ request: 'set', video: false, bitrate: 256_000 });
    // bob's side receives an updated offer (e.g. an ICE restart from alice's app)
    const bobHandle = [...janus.handles.values()].find((h) => h.username === 'bob')!;
    janus.push(bobHandle.id, {
      janus: 'event',
      plugindata: { plugin: 'janus.plugin.videocall', data: { videocall: 'event', result: { event: 'update' } } },
      jsep: { type: 'offer', sdp: 'v=0\r\no=renegotiated\r\n' },
    } as never);
    await vi.waitFor(() => expect(janus.requests.some((r) => r.body?.request === 'set' && r.jsep?.type === 'answer')).toBe(true));
    expect(rtc.peers[1]!.remote?.sdp).toContain('renegotiated');
  });

  it('stop() during a call hangs up on the server and closes the peer connection', async () => {
    const { janus, rtc, alice, bob } = await pair();
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    bob.accept();
    await until(alice, (v) => v.status === 'mediaUp');
    await alice.stop();
    expect(rtc.peers[0]!.closed).toBe(true);
    expect(janus.requests.some((r) => r.body?.request === 'hangup')).toBe(true);
    await until(bob, (v) => v.status === 'registered');
  });

  it('twenty calls in a row leave no peer connection open', async () => {
    const { rtc, alice, bob } = await pair();
    for (let i = 0; i < 20; i++) {
      alice.call('bob');
      await until(bob, (v) => v.status === 'incoming');
      bob.accept();
      await until(alice, (v) => v.status === 'mediaUp');
      (i % 2 ? alice : bob).hangup();
      await Promise.all([until(alice, (v) => v.status === 'registered'), until(bob, (v) => v.status === 'registered')]);
    }
    expect(rtc.peers).toHaveLength(40);
    await vi.waitFor(() => expect(rtc.openPeers).toBe(0));
  });

  it('slow-link reports mark the link poor until they stop for 10 s', async () => {
    const { janus, alice, bob } = await pair();
    alice.call('bob');
    await until(bob, (v) => v.status === 'incoming');
    bob.accept();
    await until(alice, (v) => v.status === 'mediaUp');
    const aliceHandle = [...janus.handles.values()].find((h) => h.username === 'alice')!;
    vi.useFakeTimers();
    try {
      janus.push(aliceHandle.id, { janus: 'slowlink', uplink: false, lost: 12 } as never);
      expect(alice.view.poorLink).toBe(true);
      await vi.advanceTimersByTimeAsync(6_000);
      janus.push(aliceHandle.id, {
        janus: 'event',
        plugindata: { plugin: 'janus.plugin.videocall', data: { videocall: 'event', result: { event: 'slow_link', media: 'video' } } },
      } as never);
      await vi.advanceTimersByTimeAsync(6_000);
      expect(alice.view.poorLink).toBe(true);
      await vi.advanceTimersByTimeAsync(4_100);
      expect(alice.view.poorLink).toBe(false);
      expect(alice.view.status).toBe('mediaUp');
    } finally {
      vi.useRealTimers();
    }
  });

  it('commands after stop() throw a typed usage error', async () => {
    const { alice } = await pair();
    await alice.stop();
    expect(() => alice.call('bob')).toThrowError(UsageError);
  });
});
