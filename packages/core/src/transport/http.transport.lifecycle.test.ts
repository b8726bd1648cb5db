import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JanusError, TransportError } from '../protocol/errors.js';
import type { JanusHandleEvent } from '../protocol/janus.schema.js';
import { createFakeFetch, settle, type FakeCall } from './fake-fetch.js';
import { createHttpTransport, type HttpTransportOptions } from './http.transport.js';
import type { PollHandlers } from './transport.js';

const SERVER = 'http://127.0.0.1:8088/janus';
const S = 1111;
const H = 2222;
const c1 = { candidate: 'candidate:1 1 udp 2122260223 10.211.0.2 50001 typ host', sdpMid: '0', sdpMLineIndex: 0 };
const c2 = { candidate: 'candidate:2 1 udp 2122260223 10.211.0.2 50002 typ host', sdpMid: '1', sdpMLineIndex: 1 };
const c3 = { candidate: 'candidate:3 1 tcp 1518280447 10.211.0.2 9 typ host tcptype active', sdpMid: null, sdpMLineIndex: 0 };

function setup(overrides: Partial<HttpTransportOptions> = {}) {
  const fake = createFakeFetch();
  const transport = createHttpTransport({ server: SERVER, fetch: fake.fetch, random: () => 0.5, ...overrides });
  const events: JanusHandleEvent[] = [];
  const errors: TransportError[] = [];
  const handlers: PollHandlers = { onEvent: (e) => events.push(e), onError: (e) => errors.push(e) };
  return { fake, transport, events, errors, handlers };
}

const reasonOf = (outcome: { ok: boolean; error?: unknown }) =>
  outcome.ok ? 'resolved' : outcome.error instanceof TransportError ? outcome.error.reason : `other: ${String(outcome.error)}`;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('trickle batching', () => {
  it('sends a lone candidate as `candidate` after the batch window, resolving on the ack', async () => {
    const { fake, transport } = setup({ trickleBatchMs: 20 });
    const sent = settle(transport.trickle(S, H, { ...c1, extra: 'dropped' } as typeof c1));
    await vi.advanceTimersByTimeAsync(19);
    expect(fake.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    const post = await fake.next();
    expect(post.url).toBe(`${SERVER}/${S}/${H}`);
    expect(post.body).toEqual({ janus: 'trickle', candidate: c1, transaction: expect.any(String) });
    let done = false;
    void sent.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    post.reply({ janus: 'ack' });
    expect(await sent).toEqual({ ok: true, value: undefined });
  });

  it('sends candidates queued within the window as one `candidates` array, in order', async () => {
    const { fake, transport } = setup({ trickleBatchMs: 20 });
    const all = [c1, c2, c3].map((c) => settle(transport.trickle(S, H, c)));
    await vi.advanceTimersByTimeAsync(20);
    const post = await fake.next();
    expect(post.body).toEqual({ janus: 'trickle', candidates: [c1, c2, c3], transaction: expect.any(String) });
    post.reply({ janus: 'ack' });
    expect(await Promise.all(all)).toEqual([
      { ok: true, value: undefined },
      { ok: true, value: undefined },
      { ok: true, value: undefined },
    ]);
    expect(fake.calls).toHaveLength(1);
  });

  it('on null flushes pending candidates first, then sends completed once they are acked', async () => {
    const { fake, transport } = setup({ trickleBatchMs: 20 });
    const a = settle(transport.trickle(S, H, c1));
    const b = settle(transport.trickle(S, H, c2));
    const end = settle(transport.trickle(S, H, null));
    // No waiting for the window: end-of-candidates flushes at once.
    const first = await fake.next();
    expect(first.body).toEqual({ janus: 'trickle', candidates: [c1, c2], transaction: expect.any(String) });
    await vi.advanceTimersByTimeAsync(50);
    expect(fake.calls).toHaveLength(1);
    first.reply({ janus: 'ack' });
    const second = await fake.next();
    expect(second.body).toEqual({ janus: 'trickle', candidate: { completed: true }, transaction: expect.any(String) });
    second.reply({ janus: 'ack' });
    expect([await a, await b, await end].map(reasonOf)).toEqual(['resolved', 'resolved', 'resolved']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends a lone null as completed right away', async () => {
    const { fake, transport } = setup();
    const end = settle(transport.trickle(S, H, null));
    const post = await fake.next();
    expect(post.body).toEqual({ janus: 'trickle', candidate: { completed: true }, transaction: expect.any(String) });
    post.reply({ janus: 'ack' });
    expect(reasonOf(await end)).toBe('resolved');
  });

  it('keeps handles apart', async () => {
    const { fake, transport } = setup({ trickleBatchMs: 5 });
    const a = settle(transport.trickle(S, H, c1));
    const b = settle(transport.trickle(S, H + 1, c2));
    await vi.advanceTimersByTimeAsync(5);
    const urls = fake.open().map((call) => [call.url, call.body?.candidate]);
    expect(urls).toEqual([
      [`${SERVER}/${S}/${H}`, c1],
      [`${SERVER}/${S}/${H + 1}`, c2],
    ]);
    fake.open().forEach((call) => call.reply({ janus: 'ack' }));
    expect([await a, await b].map(reasonOf)).toEqual(['resolved', 'resolved']);
  });

  it('rejects every candidate of a failed POST with a typed error, and later batches still go out', async () => {
    const { fake, transport } = setup({ trickleBatchMs: 0 });
    const a = settle(transport.trickle(S, H, c1));
    const b = settle(transport.trickle(S, H, c2));
    await vi.advanceTimersByTimeAsync(0);
    (await fake.next()).reply({ janus: 'error', error: { code: 459, reason: 'No such handle' } });
    const outcomes = [await a, await b];
    for (const outcome of outcomes) {
      expect(!outcome.ok && outcome.error).toBeInstanceOf(JanusError);
      expect(!outcome.ok && outcome.error).toMatchObject({ code: 459 });
    }
    const c = settle(transport.trickle(S, H, c3));
    await vi.advanceTimersByTimeAsync(0);
    const retry = await fake.next();
    expect(retry.body?.candidate).toEqual(c3);
    retry.fail();
    expect(reasonOf(await c)).toBe('network');
  });
});

describe('message() timeout and abort', () => {
  it('rejects with reason timeout when no event follows the ack within messageTimeoutMs', async () => {
    const { fake, transport, handlers, events } = setup({ messageTimeoutMs: 5000 });
    const stop = transport.poll(S, handlers);
    const get = await fake.next();
    const answer = settle(transport.message(S, H, { request: 'register', username: 'a' }));
    const post = await fake.next();
    // The clock only starts at the ack.
    await vi.advanceTimersByTimeAsync(3000);
    post.reply({ janus: 'ack' });
    await vi.advanceTimersByTimeAsync(4999);
    let done = false;
    void answer.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(reasonOf(await answer)).toBe('timeout');
    // A late answer is no longer claimed: it reaches onEvent.
    const late = { janus: 'event', sender: H, transaction: post.body?.transaction, plugindata: { plugin: 'janus.plugin.videocall', data: { x: 1 } } };
    get.respond([late]);
    await fake.next();
    expect(events).toEqual([late]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours a per-call timeoutMs', async () => {
    const { fake, transport } = setup({ messageTimeoutMs: 60_000 });
    const answer = settle(transport.message(S, H, { request: 'list' }, { timeoutMs: 100 }));
    (await fake.next()).reply({ janus: 'ack' });
    await vi.advanceTimersByTimeAsync(100);
    expect(reasonOf(await answer)).toBe('timeout');
  });

  it('rejects with reason aborted when its signal aborts while the POST is in flight, aborting the POST', async () => {
    const { fake, transport } = setup();
    const controller = new AbortController();
    const answer = settle(transport.message(S, H, { request: 'list' }, { signal: controller.signal }));
    const post = await fake.next();
    controller.abort();
    expect(reasonOf(await answer)).toBe('aborted');
    expect(post.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with reason aborted when its signal aborts while waiting for the event', async () => {
    const { fake, transport } = setup();
    const controller = new AbortController();
    const answer = settle(transport.message(S, H, { request: 'list' }, { signal: controller.signal }));
    (await fake.next()).reply({ janus: 'ack' });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(reasonOf(await answer)).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once, sending nothing, when the signal is already aborted', async () => {
    const { fake, transport } = setup();
    const outcome = await settle(transport.message(S, H, { request: 'list' }, { signal: AbortSignal.abort() }));
    expect(reasonOf(outcome)).toBe('aborted');
    const created = await settle(transport.createSession({ signal: AbortSignal.abort() }));
    expect(reasonOf(created)).toBe('aborted');
    expect(fake.calls).toHaveLength(0);
  });

  it('createSession does not fall over to the next server when aborted', async () => {
    const { fake, transport } = setup({ server: ['http://a/janus', 'http://b/janus'] });
    const controller = new AbortController();
    const created = settle(transport.createSession({ signal: controller.signal }));
    await fake.next();
    controller.abort();
    expect(reasonOf(await created)).toBe('aborted');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('detach and destroy', () => {
  it('detach frees messages still waiting on that handle only', async () => {
    const { fake, transport } = setup();
    const mine = settle(transport.message(S, H, { request: 'list' }));
    (await fake.next()).reply({ janus: 'ack' });
    const other = settle(transport.message(S, H + 1, { request: 'list' }));
    (await fake.next()).reply({ janus: 'ack' });
    const detached = settle(transport.detach(S, H));
    (await fake.next()).reply({ janus: 'success' });
    expect(reasonOf(await detached)).toBe('resolved');
    expect(reasonOf(await mine)).toBe('aborted');
    let otherDone = false;
    void other.then(() => (otherDone = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(otherDone).toBe(false);
    transport.close();
    expect(reasonOf(await other)).toBe('aborted');
  });

  it('destroy stops the session poll quietly and rejects its pending messages', async () => {
    const { fake, transport, handlers, errors } = setup();
    transport.poll(S, handlers);
    const get = await fake.next();
    const pending = settle(transport.message(S, H, { request: 'list' }));
    (await fake.next()).reply({ janus: 'ack' });
    const destroyed = settle(transport.destroy(S));
    (await fake.next()).reply({ janus: 'success' });
    expect(reasonOf(await destroyed)).toBe('resolved');
    expect(get.signal.aborted).toBe(true);
    expect(reasonOf(await pending)).toBe('aborted');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(errors).toEqual([]);
    expect(fake.calls.filter((call) => call.method === 'GET')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('close()', () => {
  it('aborts every request, timer and poll; pending work rejects with aborted; nothing outlives it', async () => {
    const { fake, transport, handlers, errors } = setup({ trickleBatchMs: 20 });
    const results: Array<Promise<{ ok: boolean; error?: unknown }>> = [];

    // Session S: a live long-poll, a message waiting for its event, a message POST in flight.
    transport.poll(S, handlers);
    await fake.next();
    results.push(settle(transport.message(S, H, { request: 'register', username: 'a' })));
    (await fake.next()).reply({ janus: 'ack' });
    results.push(settle(transport.message(S, H, { request: 'list' })));
    await fake.next();
    // Session S+1: its long-poll waits in a backoff.
    transport.poll(S + 1, handlers);
    (await fake.next()).fail();
    await vi.advanceTimersByTimeAsync(0);
    // A keepalive in flight, a create in flight and candidates waiting for the batch window.
    results.push(settle(transport.keepalive(S)));
    results.push(settle(transport.createSession()));
    results.push(settle(transport.trickle(S, H, c1)));
    results.push(settle(transport.trickle(S, H, c2)));
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBeGreaterThan(4);
    const inFlight: FakeCall[] = fake.open();
    expect(inFlight.length).toBe(4);

    transport.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(inFlight.every((call) => call.signal.aborted)).toBe(true);
    expect((await Promise.all(results)).map(reasonOf)).toEqual(Array(results.length).fill('aborted'));

    await vi.advanceTimersByTimeAsync(120_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.calls.every((call) => call.signal.aborted)).toBe(true);
    expect(fake.open()).toEqual([]);
    expect(errors).toEqual([]);
    transport.close();
  });

  it('makes every later call reject with aborted, without any request', async () => {
    const { fake, transport } = setup();
    transport.close();
    const outcomes = await Promise.all([
      settle(transport.createSession()),
      settle(transport.attach(S, 'janus.plugin.videocall')),
      settle(transport.message(S, H, { request: 'list' })),
      settle(transport.trickle(S, H, c1)),
      settle(transport.keepalive(S)),
      settle(transport.detach(S, H)),
      settle(transport.destroy(S)),
    ]);
    expect(outcomes.map(reasonOf)).toEqual(Array(7).fill('aborted'));
    expect(fake.calls).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a poll() after close reports aborted asynchronously, unless stopped first', async () => {
    const { fake, transport } = setup();
    transport.close();
    const onError = vi.fn();
    transport.poll(S, { onEvent: vi.fn(), onError });
    expect(onError).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'transport', reason: 'aborted' });

    const quiet = vi.fn();
    transport.poll(S + 1, { onEvent: vi.fn(), onError: quiet })();
    await vi.advanceTimersByTimeAsync(0);
    expect(quiet).not.toHaveBeenCalled();
    expect(fake.calls).toHaveLength(0);
  });

  it('leaves no timer behind even after a completed exchange', async () => {
    const { fake, transport } = setup();
    fake.autoRespond((call) => ({ body: { janus: 'success', transaction: call.body?.transaction, data: { id: 3 } } }));
    await transport.createSession();
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.calls[0]?.signal.aborted).toBe(true);
  });
});
