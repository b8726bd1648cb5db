import type {
  UsageError} from '@janus-call/core';
import {
  type CallEnd,
  createHttpTransport,
  createJanusCall,
  type JanusCall,
  type JanusCallOptions,
  MediaError,
  type RtcAdapter,
  sendVideocall,
  VideocallError,
} from '@janus-call/core';
import { until } from '@janus-call/core/testing';
import { listHandles, listSessions } from '@janus-call/janus-harness';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { weriftRtc } from '../src/index.js';

const server = inject('janusUrl');
const admin = { adminUrl: inject('janusAdminUrl'), adminSecret: inject('janusAdminSecret') };
const clients: JanusCall[] = [];
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

/** Wraps an adapter to count peer connections that were opened and not closed. */
function counting(rtc: RtcAdapter) {
  const counter = { open: 0, created: 0 };
  const adapter: RtcAdapter = {
    getLocalMedia: (c) => rtc.getLocalMedia(c),
    createPeer(options) {
      const peer = rtc.createPeer(options);
      counter.open++;
      counter.created++;
      const close = peer.close.bind(peer);
      let closed = false;
      peer.close = () => {
        if (!closed) counter.open--;
        closed = true;
        close();
      };
      return peer;
    },
  };
  return { adapter, counter };
}

async function user(name: string, options: Partial<JanusCallOptions> = {}) {
  const call = createJanusCall({ server, rtc: weriftRtc(), ...options });
  clients.push(call);
  const username = unique(name);
  call.register(username);
  await until(call, (v) => v.status === 'registered', 10_000);
  return { call, username };
}

function hangups(call: JanusCall): CallEnd[] {
  const ends: CallEnd[] = [];
  call.on('hangup', (e) => ends.push(e.call));
  return ends;
}

async function connect(caller: JanusCall, callee: JanusCall, calleeName: string) {
  caller.call(calleeName);
  await until(callee, (v) => v.status === 'incoming', 10_000);
  callee.accept();
  await Promise.all([until(caller, (v) => v.status === 'mediaUp', 10_000), until(callee, (v) => v.status === 'mediaUp', 10_000)]);
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

describe('calls between werift peers through a real Janus', () => {
  it('alice calls bob: both reach mediaUp, media flows both ways, hangup returns both to registered', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    const [aliceEnds, bobEnds] = [hangups(alice.call), hangups(bob.call)];
    await connect(alice.call, bob.call, bob.username);
    expect(alice.call.view.peer).toBe(bob.username);
    expect(bob.call.view.peer).toBe(alice.username);

    // Let RTP flow, then every direction and kind must show packets.
    let stats = await Promise.all([alice.call.getStats(), bob.call.getStats()]);
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline && stats.some((s) => !s || s.audio.received.packets === 0 || s.video.received.packets === 0)) {
      await new Promise((r) => setTimeout(r, 250));
      stats = await Promise.all([alice.call.getStats(), bob.call.getStats()]);
    }
    for (const s of stats) {
      expect(s?.audio.received.packets).toBeGreaterThan(0);
      expect(s?.video.received.packets).toBeGreaterThan(0);
      expect(s?.audio.sent.packets).toBeGreaterThan(0);
      expect(s?.video.sent.packets).toBeGreaterThan(0);
    }

    alice.call.hangup();
    await Promise.all([until(alice.call, (v) => v.status === 'registered'), until(bob.call, (v) => v.status === 'registered')]);
    await until(bob.call, (v) => v.lastCall !== null);
    expect(aliceEnds).toEqual([{ cause: 'local', reason: 'Explicit hangup', peer: bob.username }]);
    expect(bobEnds).toEqual([{ cause: 'remote', reason: 'We did the hangup', peer: alice.username }]);
  });

  it('bob declines: alice is told the call was declined', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    alice.call.call(bob.username);
    await until(bob.call, (v) => v.status === 'incoming');
    bob.call.decline();
    const view = await until(alice.call, (v) => v.lastCall !== null);
    expect(view.status).toBe('registered');
    expect(view.lastCall).toMatchObject({ cause: 'declined', reason: 'Call declined' });
  });

  it('carol calling bob during a call gets "User busy"; the call goes on', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    const carol = await user('carol');
    await connect(alice.call, bob.call, bob.username);
    carol.call.call(bob.username);
    const view = await until(carol.call, (v) => v.lastCall !== null);
    expect(view.lastCall).toEqual({ cause: 'busy', reason: 'User busy', peer: bob.username });
    expect(view.status).toBe('registered');
    expect(alice.call.view.status).toBe('mediaUp');
    expect(bob.call.view.status).toBe('mediaUp');
  });

  it('a call nobody answers ends at the ring timeout on both sides', async () => {
    const alice = await user('alice', { ringTimeoutMs: 1000 });
    const bob = await user('bob');
    alice.call.call(bob.username);
    await until(bob.call, (v) => v.status === 'incoming');
    const view = await until(alice.call, (v) => v.lastCall !== null, 5000);
    expect(view.lastCall?.cause).toBe('no-answer');
    const bobView = await until(bob.call, (v) => v.status === 'registered' && v.lastCall !== null);
    expect(bobView.lastCall).toMatchObject({ cause: 'no-answer', reason: 'No answer' });
  });

  it('typed errors leave the actor registered and usable', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    // 478: no such user
    alice.call.call(unique('nobody'));
    const unknown = await until(alice.call, (v) => v.error !== null);
    expect(unknown.error).toBeInstanceOf(VideocallError);
    expect(unknown.error?.code).toBe(478);
    await until(alice.call, (v) => v.status === 'registered');
    // 479: calling yourself never reaches Janus
    alice.call.call(alice.username);
    expect((alice.call.view.error as UsageError).reason).toBe('call-yourself');
    // 481: accepting with nothing ringing is refused locally
    alice.call.accept();
    expect((alice.call.view.error as UsageError).reason).toBe('invalid-state');
    // 480: a second call while in one is refused locally, so the running call survives
    await connect(alice.call, bob.call, bob.username);
    alice.call.call(bob.username);
    expect((alice.call.view.error as UsageError).reason).toBe('invalid-state');
    expect(alice.call.view.status).toBe('mediaUp');
    expect(bob.call.view.status).toBe('mediaUp');
  });

  it('getUserMedia refused: a MediaError, nothing sent, still registered', async () => {
    const refusing: RtcAdapter = {
      getLocalMedia: () => Promise.reject(new MediaError('permission-denied', 'Permission denied by the user')),
      createPeer: (o) => weriftRtc().createPeer(o),
    };
    const alice = await user('alice', { rtc: refusing });
    const bob = await user('bob');
    alice.call.call(bob.username);
    const view = await until(alice.call, (v) => v.error !== null);
    expect((view.error as MediaError).reason).toBe('permission-denied');
    await until(alice.call, (v) => v.status === 'registered');
    expect(bob.call.view.status).toBe('registered');
  });

  it('maps the plugin codes 481, 482 and 483 when a raw client sends bad requests', async () => {
    const alice = await user('alice');
    const transport = createHttpTransport({ server });
    const { sessionId } = await transport.createSession();
    const stop = transport.poll(sessionId, { onEvent: () => {}, onError: () => {} });
    try {
      const handleId = await transport.attach(sessionId, 'janus.plugin.videocall');
      const ref = { sessionId, handleId };
      await sendVideocall(transport, ref, { request: 'register', username: unique('raw') });
      const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e as VideocallError).code);
      expect(await codeOf(sendVideocall(transport, ref, { request: 'accept' }))).toBe(481);
      expect(await codeOf(sendVideocall(transport, ref, { request: 'call', username: alice.username }))).toBe(482);
      const bad = sendVideocall(transport, ref, { request: 'call', username: alice.username }, undefined, { type: 'offer', sdp: 'not sdp' });
      const error = await bad.then(() => null, (e: unknown) => e);
      // Janus core rejects a broken SDP before the plugin sees it (465); the plugin's own check is 483.
      expect([465, 483]).toContain((error as { code?: number }).code);
      expect(alice.call.view.status).toBe('registered');
    } finally {
      stop();
      await transport.destroy(sessionId);
      transport.close();
    }
  });

  it('calling an echo peer right back after hanging up gets through, five times in a row', async () => {
    const alice = await user('alice');
    const bob = await user('bob', { rtc: weriftRtc({ echo: true }) });
    bob.call.on('incomingcall', () => bob.call.accept());
    const ends = hangups(alice.call);
    for (let i = 0; i < 5; i++) {
      alice.call.call(bob.username);
      await Promise.all([until(alice.call, (v) => v.status === 'mediaUp', 10_000), until(bob.call, (v) => v.status === 'mediaUp', 10_000)]);
      alice.call.hangup();
      // Only our side: the next call goes out as soon as alice is back, as a person's second click would.
      await until(alice.call, (v) => v.status === 'registered' && v.lastCall !== null);
    }
    expect(ends.map((e) => e.cause)).toEqual(['local', 'local', 'local', 'local', 'local']);
  }, 60_000);

  it('twenty calls in a row leave no extra handle, session or open peer connection', async () => {
    const a = counting(weriftRtc());
    const b = counting(weriftRtc());
    const alice = await user('alice', { rtc: a.adapter });
    const bob = await user('bob', { rtc: b.adapter });
    const sessionsBefore = (await listSessions(admin)).length;
    for (let i = 0; i < 20; i++) {
      await connect(alice.call, bob.call, bob.username);
      (i % 2 ? alice : bob).call.hangup();
      await Promise.all([
        until(alice.call, (v) => v.status === 'registered' && v.lastCall !== null && v.peer === null),
        until(bob.call, (v) => v.status === 'registered' && v.lastCall !== null && v.peer === null),
      ]);
    }
    expect(a.counter.created).toBe(20);
    expect(b.counter.created).toBe(20);
    const deadline = Date.now() + 5000;
    while ((a.counter.open > 0 || b.counter.open > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(a.counter.open).toBe(0);
    expect(b.counter.open).toBe(0);
    expect((await listSessions(admin)).length).toBe(sessionsBefore);
    for (const c of [alice.call, bob.call]) {
      const sessionId = c.actor.getSnapshot().context.sessionId!;
      expect(await listHandles(admin, sessionId)).toHaveLength(1);
    }
  }, 120_000);
});
