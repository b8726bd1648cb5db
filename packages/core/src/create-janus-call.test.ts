import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJanusCall, type JanusCall } from './create-janus-call.js';
import { TransportError, UsageError, VideocallError } from './protocol/errors.js';
import { FakeJanus } from './testing/fake-janus.js';
import { until } from './testing/until.js';

const clients: JanusCall[] = [];
function client(janus: FakeJanus, extra: Partial<Parameters<typeof createJanusCall>[0]> = {}) {
  const call = createJanusCall({ server: 'fake://janus', transport: janus.transport(), ...extra });
  clients.push(call);
  return call;
}


afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  vi.useRealTimers();
});

describe('createJanusCall: session and registration', () => {
  it('connects, attaches and waits in idle', async () => {
    const janus = new FakeJanus();
    const call = client(janus);
    expect(call.view.status).toBe('connecting');
    await until(call, (v) => v.status === 'idle');
    expect(janus.sessions.size).toBe(1);
    expect(janus.handles.size).toBe(1);
    expect(janus.requests.map((r) => r.method)).toEqual(['createSession', 'attach']);
  });

  it('clients share one machine, and each talks only through its own transport', async () => {
    const [here, there] = [new FakeJanus(), new FakeJanus()];
    const a = client(here);
    const b = client(there);
    expect(a.actor.logic).toBe(b.actor.logic);
    a.register('alice');
    b.register('bob');
    await Promise.all([until(a, (v) => v.status === 'registered'), until(b, (v) => v.status === 'registered')]);
    expect([here.registeredNames(), there.registeredNames()]).toEqual([['alice'], ['bob']]);
  });

  it('registers, then lists peers without itself', async () => {
    const janus = new FakeJanus();
    const bob = client(janus);
    bob.register('bob');
    await until(bob, (v) => v.status === 'registered');
    const alice = client(janus);
    const seen: string[] = [];
    alice.subscribe((v) => seen.push(v.status));
    alice.register('alice');
    const view = await until(alice, (v) => v.status === 'registered' && v.peers.length > 0);
    expect(view.username).toBe('alice');
    expect(view.peers).toEqual(['bob']);
    expect(view.error).toBeNull();
    expect(seen).toContain('registering');
    bob.refreshPeers();
    expect((await until(bob, (v) => v.peers.length === 1)).peers).toEqual(['alice']);
  });

  it('queues a register made while connecting and sends it once attached', async () => {
    const janus = new FakeJanus();
    janus.hold('attach');
    const call = client(janus);
    call.register('early');
    await until(call, () => janus.requests.some((r) => r.method === 'attach'));
    expect(call.view.status).toBe('connecting');
    janus.release('attach');
    expect((await until(call, (v) => v.status === 'registered')).username).toBe('early');
  });

  it.each([[''], ['   '], [42], [null], ['x'.repeat(257)]])('refuses username %j before sending anything', async (bad) => {
    const janus = new FakeJanus();
    const call = client(janus);
    await until(call, (v) => v.status === 'idle');
    const before = janus.requests.length;
    call.register(bad as string);
    expect(call.view.status).toBe('idle');
    expect(call.view.error).toBeInstanceOf(UsageError);
    expect((call.view.error as UsageError).reason).toBe('invalid-username');
    expect(janus.requests.length).toBe(before);
  });

  it('refuses a second register while registered, state unchanged', async () => {
    const janus = new FakeJanus();
    const call = client(janus);
    call.register('alice');
    await until(call, (v) => v.status === 'registered');
    const messages = janus.requests.filter((r) => r.body?.request === 'register').length;
    const errors: unknown[] = [];
    call.on('error', (e) => errors.push(e.error));
    call.register('alice2');
    expect(call.view.status).toBe('registered');
    expect(call.view.username).toBe('alice');
    expect((call.view.error as UsageError).reason).toBe('already-registered');
    expect(errors).toHaveLength(1);
    expect(janus.requests.filter((r) => r.body?.request === 'register').length).toBe(messages);
  });

  it('surfaces 476 (username taken) and stays usable', async () => {
    const janus = new FakeJanus();
    const first = client(janus);
    first.register('taken');
    await until(first, (v) => v.status === 'registered');
    const second = client(janus);
    second.register('taken');
    const failed = await until(second, (v) => v.error !== null);
    expect(failed.status).toBe('idle');
    expect(failed.error).toBeInstanceOf(VideocallError);
    expect(failed.error?.code).toBe(476);
    second.register('free');
    const ok = await until(second, (v) => v.status === 'registered');
    expect(ok.username).toBe('free');
    expect(ok.error).toBeNull();
  });

  it('surfaces 477 from the server and stays usable', async () => {
    const janus = new FakeJanus();
    const call = client(janus);
    await until(call, (v) => v.status === 'idle');
    // The server thinks this handle is registered already (e.g. another client shares it).
    const handle = [...janus.handles.values()][0]!;
    handle.username = 'ghost';
    call.register('alice');
    const view = await until(call, (v) => v.error !== null);
    expect(view.error?.code).toBe(477);
    expect(view.status).toBe('idle');
    call.refreshPeers();
    expect((await until(call, (v) => v.peers.length === 1)).peers).toEqual(['ghost']);
  });

  it('recovers by itself when the session is gone: a new session, the same name', async () => {
    const janus = new FakeJanus();
    const call = client(janus, { recovery: { delayMs: 10 } });
    const attempts: number[] = [];
    call.on('reconnecting', (e) => attempts.push(e.attempt));
    call.register('alice');
    await until(call, (v) => v.status === 'registered');
    const old = [...janus.sessions.keys()][0]!;
    janus.dropSession(old, 'timeout');
    expect(call.view.status).toBe('connecting');
    expect((call.view.error as TransportError).reason).toBe('session-gone');
    const back = await until(call, (v) => v.status === 'registered');
    expect(back.username).toBe('alice');
    expect(back.error).toBeNull();
    expect(attempts).toEqual([1]);
    expect([...janus.sessions.keys()]).not.toContain(old);
    expect(janus.sessions.size).toBe(1);
  });

  it('resumes the same session after a network blip, without registering again', async () => {
    const janus = new FakeJanus();
    const call = client(janus, { recovery: { delayMs: 50 } });
    call.register('alice');
    await until(call, (v) => v.status === 'registered');
    const session = [...janus.sessions.keys()][0];
    janus.goOffline();
    expect(call.view.status).toBe('connecting');
    expect((call.view.error as TransportError).reason).toBe('network');
    janus.goOnline();
    const back = await until(call, (v) => v.status === 'registered' && v.error === null);
    expect(back.username).toBe('alice');
    expect([...janus.sessions.keys()]).toEqual([session]);
    expect(janus.requests.filter((r) => r.method === 'createSession')).toHaveLength(1);
    expect(janus.requests.filter((r) => r.body?.request === 'register')).toHaveLength(1);
  });

  it('gives up in failed after the allowed attempts, then reconnect() recovers by hand', async () => {
    const janus = new FakeJanus();
    const call = client(janus, { recovery: { attempts: 2, delayMs: 10 } });
    const failures: unknown[] = [];
    call.on('failed', (e) => failures.push(e.error));
    call.register('alice');
    await until(call, (v) => v.status === 'registered');
    janus.goOffline();
    const failed = await until(call, (v) => v.status === 'failed');
    expect((failed.error as TransportError).reason).toBe('network');
    expect(failures).toHaveLength(1);
    janus.goOnline();
    call.reconnect();
    expect((await until(call, (v) => v.status === 'registered')).username).toBe('alice');
  });

  it('with recovery off, a lost session fails at once and reconnect() registers the same name again', async () => {
    const janus = new FakeJanus();
    const call = client(janus, { recovery: false });
    call.register('alice');
    await until(call, (v) => v.status === 'registered');
    janus.dropSession([...janus.sessions.keys()][0]!, 'timeout');
    const failed = await until(call, (v) => v.status === 'failed');
    expect((failed.error as TransportError).reason).toBe('session-gone');
    call.reconnect();
    const back = await until(call, (v) => v.status === 'registered');
    expect(back.username).toBe('alice');
    expect(janus.sessions.size).toBe(1);
  });

  it('fails when createSession cannot reach the server', async () => {
    const janus = new FakeJanus();
    janus.goOffline();
    const call = client(janus, { recovery: false });
    const view = await until(call, (v) => v.status === 'failed');
    expect((view.error as TransportError).reason).toBe('network');
  });

  it('fails when attach is refused, and stop() releases the session', async () => {
    const janus = new FakeJanus();
    janus.failNext('attach', new TransportError('http', 'HTTP 500', { status: 500 }));
    const call = client(janus);
    await until(call, (v) => v.status === 'failed');
    expect(janus.sessions.size).toBe(1);
    await call.stop();
    expect(janus.sessions.size).toBe(0);
    expect(call.view.status).toBe('stopped');
  });
});

describe('createJanusCall: stop()', () => {
  it('detaches and destroys on the server, and resolves once stopped', async () => {
    const janus = new FakeJanus();
    const call = client(janus);
    call.register('alice');
    await until(call, (v) => v.status === 'registered');
    await call.stop();
    expect(call.view.status).toBe('stopped');
    expect(call.actor.getSnapshot().status).toBe('done');
    expect(janus.sessions.size).toBe(0);
    expect(janus.registeredNames()).toEqual([]);
    const tail = janus.requests.slice(-2).map((r) => r.method);
    expect(tail).toEqual(['detach', 'destroy']);
  });

  it('is idempotent', async () => {
    const janus = new FakeJanus();
    const call = client(janus);
    await until(call, (v) => v.status === 'idle');
    const [a, b] = [call.stop(), call.stop()];
    expect(a).toBe(b);
    await a;
    expect(janus.requests.filter((r) => r.method === 'destroy')).toHaveLength(1);
  });

  it('destroys a session whose creation was in flight when stop() was called', async () => {
    const janus = new FakeJanus();
    janus.hold('createSession');
    const call = client(janus);
    const stopped = call.stop();
    janus.release('createSession');
    await stopped;
    expect(janus.sessions.size).toBe(0);
    expect(janus.requests.map((r) => r.method)).toEqual(['createSession', 'destroy']);
  });

  it('is bounded in time when the server never answers', async () => {
    const janus = new FakeJanus();
    const call = client(janus, { stopTimeoutMs: 200 });
    await until(call, (v) => v.status === 'idle');
    janus.hold('detach');
    const started = Date.now();
    await call.stop();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(call.actor.getSnapshot().status).not.toBe('active');
  });

  it('leaves no timer behind (keepalive stops with the session)', async () => {
    vi.useFakeTimers();
    const janus = new FakeJanus();
    const call = client(janus, { keepaliveMs: 1000 });
    await vi.waitFor(() => expect(call.view.status).toBe('idle'));
    await vi.advanceTimersByTimeAsync(3500);
    expect(janus.requests.filter((r) => r.method === 'keepalive')).toHaveLength(3);
    const stopped = call.stop();
    await vi.runAllTimersAsync();
    await stopped;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports "session gone" from a keepalive', async () => {
    vi.useFakeTimers();
    const janus = new FakeJanus();
    const call = client(janus, { keepaliveMs: 1000, recovery: false });
    await vi.waitFor(() => expect(call.view.status).toBe('idle'));
    janus.failNext('keepalive', new TransportError('session-gone', 'No such session', { code: 458 }));
    await vi.advanceTimersByTimeAsync(1001);
    expect(call.view.status).toBe('failed');
    expect((call.view.error as TransportError).reason).toBe('session-gone');
  });
});
