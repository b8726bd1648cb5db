import { listSessions, startJanus } from '@janus-call/janus-harness';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  TransportError,
  VideocallError,
  createHttpTransport,
  createJanusCall,
  sendVideocall,
  type JanusCall,
  type JanusCallView,
} from '../src/index.js';
import { until as untilView } from '../src/testing/until.js';

const until = (call: JanusCall, predicate: (view: JanusCallView) => boolean, timeoutMs = 10_000) => untilView(call, predicate, timeoutMs);

const server = inject('janusUrl');
const admin = { adminUrl: inject('janusAdminUrl'), adminSecret: inject('janusAdminSecret') };
const clients: JanusCall[] = [];

function client(options: Partial<Parameters<typeof createJanusCall>[0]> = {}): JanusCall {
  const call = createJanusCall({ server, ...options });
  clients.push(call);
  return call;
}


const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;
const sessionOf = (call: JanusCall) => call.actor.getSnapshot().context.sessionId;

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

describe('registration against a real Janus', () => {
  it('registers and shows the server-confirmed name', async () => {
    const alice = client();
    const name = unique('alice');
    alice.register(name);
    const view = await until(alice, (v) => v.status === 'registered');
    expect(view.username).toBe(name);
    expect(view.error).toBeNull();
    expect(await listSessions(admin)).toContain(sessionOf(alice));
  });

  it('lists both peers to each other', async () => {
    const [alice, bob] = [client(), client()];
    const [a, b] = [unique('alice'), unique('bob')];
    alice.register(a);
    await until(alice, (v) => v.status === 'registered');
    bob.register(b);
    const bobView = await until(bob, (v) => v.peers.includes(a));
    expect(bobView.peers).not.toContain(b);
    alice.refreshPeers();
    const aliceView = await until(alice, (v) => v.peers.includes(b));
    expect(aliceView.peers).not.toContain(a);
  });

  it('gets 476 when another session holds the name, and can register another', async () => {
    const [first, second] = [client(), client()];
    const name = unique('taken');
    first.register(name);
    await until(first, (v) => v.status === 'registered');
    second.register(name);
    const refused = await until(second, (v) => v.error !== null);
    expect(refused.error).toBeInstanceOf(VideocallError);
    expect(refused.error?.code).toBe(476);
    expect(refused.status).toBe('idle');
    const other = unique('other');
    second.register(other);
    expect((await until(second, (v) => v.status === 'registered')).username).toBe(other);
  });

  it('maps a second register on one handle to a typed 477', async () => {
    const transport = createHttpTransport({ server });
    const { sessionId } = await transport.createSession();
    const stopPoll = transport.poll(sessionId, { onEvent: () => {}, onError: () => {} });
    try {
      const handleId = await transport.attach(sessionId, 'janus.plugin.videocall');
      const ref = { sessionId, handleId };
      await sendVideocall(transport, ref, { request: 'register', username: unique('first') });
      const error = await sendVideocall(transport, ref, { request: 'register', username: unique('again') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VideocallError);
      expect((error as VideocallError).code).toBe(477);
    } finally {
      stopPoll();
      await transport.destroy(sessionId);
      transport.close();
    }
  });

  it('stop() leaves no session on the server', async () => {
    const call = client();
    call.register(unique('leaver'));
    await until(call, (v) => v.status === 'registered');
    const sessionId = sessionOf(call);
    expect(await listSessions(admin)).toContain(sessionId);
    await call.stop();
    expect(call.view.status).toBe('stopped');
    expect(await listSessions(admin)).not.toContain(sessionId);
    // And the server answers "no such session" for it.
    const res = await fetch(`${server}/${sessionId}?maxev=1`);
    expect(res.status).toBe(404);
  });

  it('tells "session gone" apart and recovers by itself: new session, same name', async () => {
    // Janus leaves a pending long-poll open after another party destroys the session (it closes polls only
    // on its own timeouts), so the keepalive's 458 is what tells: detection takes up to keepaliveMs.
    const call = client({ recovery: { delayMs: 50 }, keepaliveMs: 500 });
    const name = unique('phoenix');
    call.register(name);
    await until(call, (v) => v.status === 'registered');
    const old = sessionOf(call);
    const seen: string[] = [];
    call.on('reconnecting', (e) => seen.push((e.error as TransportError).reason));
    // Destroy the session behind the client's back.
    await fetch(`${server}/${old}`, { method: 'POST', body: JSON.stringify({ janus: 'destroy', transaction: 'x' }) });
    const back = await until(call, (v) => v.status === 'registered' && sessionOf(call) !== old);
    expect(seen).toEqual(['session-gone']);
    expect(back.username).toBe(name);
    expect(await listSessions(admin)).not.toContain(old);
  });

  it('with recovery off, "session gone" fails and reconnect() registers the same name again', async () => {
    const call = client({ recovery: false, keepaliveMs: 500 });
    const name = unique('manual');
    call.register(name);
    await until(call, (v) => v.status === 'registered');
    const old = sessionOf(call);
    await fetch(`${server}/${old}`, { method: 'POST', body: JSON.stringify({ janus: 'destroy', transaction: 'x' }) });
    const failed = await until(call, (v) => v.status === 'failed');
    expect((failed.error as TransportError).reason).toBe('session-gone');
    call.reconnect();
    expect((await until(call, (v) => v.status === 'registered')).username).toBe(name);
  });
});

describe('a Janus that dies mid-session', () => {
  it('moves the client to failed with a network error within a bounded time', async () => {
    const janus = await startJanus();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const call = client({
        server: janus.url,
        retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 400 },
        recovery: { attempts: 2, delayMs: 100 },
        stopTimeoutMs: 500,
      });
      call.register(unique('doomed'));
      await until(call, (v) => v.status === 'registered');
      await janus.kill();
      const killedAt = Date.now();
      const failed = await until(call, (v) => v.status === 'failed', 15_000);
      const elapsed = Date.now() - killedAt;
      expect(failed.error).toBeInstanceOf(TransportError);
      expect((failed.error as TransportError).reason).toBe('network');
      expect(elapsed).toBeLessThan(10_000);
      await call.stop();
      expect(call.view.status).toBe('stopped');
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      await janus.stop();
    }
  });

  it('comes back by itself when Janus restarts: new session, same name', async () => {
    const first = await startJanus();
    let second: Awaited<ReturnType<typeof startJanus>> | undefined;
    try {
      const call = client({ server: first.url, retry: { attempts: 20, baseDelayMs: 100, maxDelayMs: 300 } });
      const name = unique('survivor');
      call.register(name);
      await until(call, (v) => v.status === 'registered');
      const old = sessionOf(call);
      await first.kill();
      await new Promise((r) => setTimeout(r, 500));
      second = await startJanus({ port: Number(new URL(first.url).port), adminPort: Number(new URL(first.adminUrl).port) });
      const back = await until(call, (v) => v.status === 'registered' && sessionOf(call) !== old, 20_000);
      expect(back.username).toBe(name);
      expect(await listSessions({ adminUrl: second.adminUrl, adminSecret: second.adminSecret })).toContain(sessionOf(call));
      await call.stop();
      expect(await listSessions({ adminUrl: second.adminUrl, adminSecret: second.adminSecret })).toEqual([]);
    } finally {
      await first.stop();
      await second?.stop();
    }
  });
});
