import { afterEach, describe, expect, it, vi } from 'vitest';
import { JanusError, TransportError, UsageError, type ProtocolError } from '../protocol/errors.js';
import type { JanusHandleEvent } from '../protocol/janus.schema.js';
import { createFakeFetch, settle, type FakeCall } from './fake-fetch.js';
import { createHttpTransport, type HttpTransportOptions } from './http.transport.js';
import type { PollHandlers } from './transport.js';

const SERVER = 'http://127.0.0.1:8088/janus';
const S = 1111;
const H = 2222;
const videocall = (data: Record<string, unknown>) => ({ plugin: 'janus.plugin.videocall', data });

function setup(overrides: Partial<HttpTransportOptions> = {}) {
  const fake = createFakeFetch();
  const transport = createHttpTransport({ server: SERVER, fetch: fake.fetch, random: () => 0.999, ...overrides });
  const events: JanusHandleEvent[] = [];
  const seqs: number[] = [];
  const errors: TransportError[] = [];
  const protocolErrors: ProtocolError[] = [];
  const handlers: PollHandlers = {
    onEvent: (event, seq) => {
      events.push(event);
      seqs.push(seq);
    },
    onError: (error) => errors.push(error),
    onProtocolError: (error) => protocolErrors.push(error),
  };
  return { fake, transport, events, seqs, errors, protocolErrors, handlers };
}

/** Let promise chains (fetch → text → parse → dispatch) run to completion. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  // Fake timers also fake setImmediate; there, advancing by zero yields to the real loop instead.
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
  else await new Promise((resolve) => setImmediate(resolve));
}

const isGet = (call: FakeCall) => call.method === 'GET';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('message() and the long-poll', () => {
  it('resolves on the event carrying its transaction, not on the ack; other events go to onEvent', async () => {
    const { fake, transport, events, seqs, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const get1 = await fake.next();

    const answer = settle(transport.message(S, H, { request: 'register', username: 'alice' }));
    const post = await fake.next();
    const transaction = post.body?.transaction;
    post.reply({ janus: 'ack', session_id: S });
    await flush();
    let resolved = false;
    void answer.then(() => (resolved = true));
    await flush();
    expect(resolved).toBe(false);

    const other = { janus: 'event', session_id: S, sender: H, transaction: 'not-ours', plugindata: videocall({ videocall: 'event', result: { event: 'x' } }) };
    const bare = { janus: 'event', session_id: S, sender: H, plugindata: videocall({ videocall: 'event', result: { event: 'incomingcall', username: 'bob' } }) };
    get1.respond([other, bare]);
    const get2 = await fake.next();
    await flush();
    expect(resolved).toBe(false);
    expect(events).toEqual([other, bare]);

    const mine = { janus: 'event', session_id: S, sender: H, transaction, plugindata: videocall({ videocall: 'event', result: { event: 'registered', username: 'alice' } }) };
    get2.respond([mine]);
    expect(await answer).toEqual({
      ok: true,
      value: { sender: H, data: { videocall: 'event', result: { event: 'registered', username: 'alice' } }, seq: 3 },
    });
    await fake.next();
    await flush();
    expect(events).toHaveLength(2);
    expect(seqs).toEqual([1, 2]);
    stop();
  });

  it('resolves when the event overtakes the ack, and ignores the late ack', async () => {
    const { fake, transport, events, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const get = await fake.next();
    const answer = settle(transport.message(S, H, { request: 'list' }));
    const post = await fake.next();
    const jsep = { type: 'answer', sdp: 'v=0\r\n' };
    get.respond({ janus: 'event', sender: H, transaction: post.body?.transaction, plugindata: videocall({ list: ['a'] }), jsep });
    expect(await answer).toEqual({ ok: true, value: { sender: H, data: { list: ['a'] }, jsep, seq: 1 } });
    post.reply({ janus: 'ack' });
    await flush();
    expect(events).toEqual([]);
    stop();
  });

  it('resolves on a synchronous success carrying plugindata', async () => {
    const { fake, transport } = setup();
    const answer = settle(transport.message(S, H, { request: 'list' }));
    (await fake.next()).reply({ janus: 'success', session_id: S, sender: H, plugindata: videocall({ videocall: 'event', result: { list: ['bob'] } }) });
    expect(await answer).toEqual({ ok: true, value: { sender: H, data: { videocall: 'event', result: { list: ['bob'] } }, seq: 1 } });
  });

  it('still resolves when the plugin data carries error_code: the plugin layer decides', async () => {
    const { fake, transport, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const get = await fake.next();
    const answer = settle(transport.message(S, H, { request: 'register', username: 'taken' }));
    const post = await fake.next();
    post.reply({ janus: 'ack' });
    get.respond([{ janus: 'event', sender: H, transaction: post.body?.transaction, plugindata: videocall({ videocall: 'event', error_code: 476, error: 'Username taken' }) }]);
    expect(await answer).toEqual({ ok: true, value: { sender: H, data: { videocall: 'event', error_code: 476, error: 'Username taken' }, seq: 1 } });
    stop();
  });

  it('rejects with JanusError when the poll carries a core error for its transaction', async () => {
    const { fake, transport, events, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const get = await fake.next();
    const answer = settle(transport.message(S, H, { request: 'call', username: 'bob' }));
    const post = await fake.next();
    post.reply({ janus: 'ack' });
    get.respond([{ janus: 'error', transaction: post.body?.transaction, error: { code: 490, reason: 'Error setting ICE locally' } }]);
    const outcome = await answer;
    expect(!outcome.ok && outcome.error).toBeInstanceOf(JanusError);
    expect(!outcome.ok && outcome.error).toMatchObject({ code: 490 });
    expect(events).toEqual([]);
    stop();
  });

  it('numbers events and replies of a session in arrival order, sync replies included', async () => {
    const { fake, transport, events, seqs, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const get = await fake.next();
    const answer = settle(transport.message(S, H, { request: 'call', username: 'bob' }));
    const post = await fake.next();
    post.reply({ janus: 'ack' });
    const before = { janus: 'event', sender: H, plugindata: videocall({ videocall: 'event', result: { event: 'slow_link' } }) };
    const reply = { janus: 'event', sender: H, transaction: post.body?.transaction, plugindata: videocall({ videocall: 'event', result: { event: 'calling' } }) };
    const after = { janus: 'event', sender: H, plugindata: videocall({ videocall: 'event', result: { event: 'accepted', username: 'bob' } }) };
    get.respond([before, reply, after]);
    const outcome = await answer;
    expect(outcome.ok && outcome.value.seq).toBe(2);
    expect(seqs).toEqual([1, 3]);
    expect(events).toEqual([before, after]);
    const get2 = await fake.next();

    const sync = settle(transport.message(S, H, { request: 'list' }));
    (await fake.next()).reply({ janus: 'success', sender: H, plugindata: videocall({ list: [] }) });
    const syncOutcome = await sync;
    expect(syncOutcome.ok && syncOutcome.value.seq).toBe(4);
    get2.respond([{ janus: 'webrtcup', sender: H }]);
    await fake.next();
    expect(seqs).toEqual([1, 3, 5]);

    // Sessions count on their own.
    const stopOther = transport.poll(S + 1, handlers);
    (await fake.next()).respond([{ janus: 'webrtcup', sender: H + 1 }]);
    await fake.next();
    expect(seqs).toEqual([1, 3, 5, 1]);
    stop();
    stopOther();
  });

  it('forwards every handle event with a sender and reports ones without a sender as protocol errors', async () => {
    const { fake, transport, events, protocolErrors, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const handleEvents = [
      { janus: 'webrtcup', session_id: S, sender: H },
      { janus: 'media', session_id: S, sender: H, mid: '0', type: 'audio', receiving: true },
      { janus: 'slowlink', session_id: S, sender: H, mid: '1', media: 'video', uplink: false, lost: 3 },
      { janus: 'hangup', session_id: S, sender: H, reason: 'DTLS alert' },
      { janus: 'trickle', session_id: S, sender: H, candidate: { completed: true } },
      { janus: 'ice-failed', session_id: S, sender: H },
      { janus: 'detached', session_id: S, sender: H },
      { janus: 'error', session_id: S, sender: H, error: { code: 490, reason: 'boom' } },
    ];
    (await fake.next()).respond([
      ...handleEvents,
      { janus: 'webrtcup', session_id: S },
      { janus: 'success', transaction: 'late' },
      { janus: 'ack' },
    ]);
    await fake.next();
    await flush();
    expect(events).toEqual(handleEvents);
    expect(protocolErrors).toHaveLength(1);
    expect(protocolErrors[0]?.raw).toContain('webrtcup');
    stop();
  });
});

describe('long-poll loop', () => {
  it('ignores keepalives and accepts both array and single-object bodies', async () => {
    const { fake, transport, events, errors, protocolErrors, handlers } = setup();
    const stop = transport.poll(S, handlers);
    (await fake.next()).respond({ janus: 'keepalive' });
    (await fake.next()).respond([{ janus: 'keepalive' }]);
    (await fake.next()).respond({ janus: 'webrtcup', sender: H });
    (await fake.next()).respond([{ janus: 'hangup', sender: H, reason: 'Close PC' }, { janus: 'keepalive' }]);
    const fifth = await fake.next();
    expect(fifth.method).toBe('GET');
    expect(events.map((event) => event.janus)).toEqual(['webrtcup', 'hangup']);
    expect([errors, protocolErrors]).toEqual([[], []]);
    stop();
    expect(fifth.signal.aborted).toBe(true);
  });

  it('reports bad elements as protocol errors, delivers the good ones and goes on', async () => {
    const { fake, transport, events, errors, protocolErrors, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const huge = 'y'.repeat(100_000);
    (await fake.next()).respond(
      `[{"janus":"media","sender":${H},"type":"audio","receiving":"yes"},{"janus":"webrtcup","sender":${H}},{"janus":"hangup","sender":${H},"reason":"${huge}"},42]`,
    );
    const next = await fake.next();
    expect(next.method).toBe('GET');
    expect(events).toEqual([{ janus: 'webrtcup', sender: H }]);
    expect(protocolErrors).toHaveLength(3);
    expect(protocolErrors[0]?.raw).toContain('"receiving":"yes"');
    expect(protocolErrors[1]?.raw.length).toBeLessThan(5000);
    expect(protocolErrors[2]?.raw).toBe('42');
    expect(errors).toEqual([]);
    stop();
  });

  it('reports a garbage body as a protocol error and retries after a backoff', async () => {
    vi.useFakeTimers();
    const { fake, transport, errors, protocolErrors, handlers } = setup();
    const stop = transport.poll(S, handlers);
    (await fake.next()).respond('{"janus":"keepal');
    await flush();
    expect(protocolErrors).toHaveLength(1);
    expect(protocolErrors[0]?.raw).toBe('{"janus":"keepal');
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect((await fake.next()).method).toBe('GET');
    expect(errors).toEqual([]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends with session-gone on HTTP 404, without retrying, and rejects pending messages', async () => {
    vi.useFakeTimers();
    const { fake, transport, errors, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const get = await fake.next();
    const answer = settle(transport.message(S, H, { request: 'list' }));
    (await fake.next()).reply({ janus: 'ack' });
    get.respond('', 404);
    const outcome = await answer;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TransportError);
    expect(errors[0]).toMatchObject({ reason: 'session-gone', status: 404 });
    expect(!outcome.ok && outcome.error).toBe(errors[0]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls.filter(isGet)).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('ends with session-gone on a timeout event, after delivering what came before it', async () => {
    const { fake, transport, events, errors, handlers } = setup();
    transport.poll(S, handlers);
    (await fake.next()).respond([{ janus: 'webrtcup', sender: H }, { janus: 'timeout', session_id: S }, { janus: 'media', sender: H, type: 'video', receiving: false }]);
    await flush();
    expect(events.map((event) => event.janus)).toEqual(['webrtcup']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'transport', reason: 'session-gone' });
    expect(fake.calls).toHaveLength(1);
    // The loop has ended, so the session may be polled again.
    const stop = transport.poll(S, handlers);
    expect(fake.calls).toHaveLength(2);
    stop();
  });

  it('ends with reason http on a 4xx other than 404', async () => {
    const { fake, transport, errors, handlers } = setup();
    transport.poll(S, handlers);
    (await fake.next()).respond('{"janus":"error","error":{"code":403,"reason":"Unauthorized"}}', 403);
    await flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'http', status: 403 });
    expect(fake.calls).toHaveLength(1);
  });

  it('retries network errors and 5xx with growing, bounded, jittered delays, and recovers', async () => {
    vi.useFakeTimers();
    const random = vi.fn(() => 0.999);
    const { fake, transport, events, errors, handlers } = setup({ random, retry: { attempts: 5, baseDelayMs: 500, maxDelayMs: 3000 } });
    let gets = 0;
    // Fail five polls (four network errors, one 503), then leave the sixth for the test to answer.
    fake.autoRespond((call) => {
      if (!isGet(call)) return undefined;
      gets += 1;
      if (gets === 3) return { body: 'Service Unavailable', status: 503 };
      return gets <= 5 ? 'fail' : undefined;
    });
    const stop = transport.poll(S, handlers);
    await vi.advanceTimersByTimeAsync(20_000);
    const sixth = await fake.next();
    const times = fake.calls.map((call) => call.at);
    const waits = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(waits).toEqual([499, 999, 1998, 2997, 2997]);
    expect(random).toHaveBeenCalledTimes(5);
    expect(errors).toEqual([]);

    // A success resets the count: the next failure waits the first delay again.
    sixth.respond([{ janus: 'webrtcup', sender: H }]);
    const seventh = await fake.next();
    seventh.fail();
    await vi.advanceTimersByTimeAsync(498);
    expect(fake.calls).toHaveLength(7);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.calls).toHaveLength(8);
    expect(events).toHaveLength(1);
    expect(errors).toEqual([]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('draws the jitter from random(): a zero retries at once', async () => {
    vi.useFakeTimers();
    const { fake, transport, handlers } = setup({ random: () => 0 });
    const stop = transport.poll(S, handlers);
    (await fake.next()).fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls).toHaveLength(2);
    stop();
  });

  it('gives up after the retry bound with one onError network and rejects pending messages', async () => {
    vi.useFakeTimers();
    const { fake, transport, errors, handlers } = setup({ retry: { attempts: 3 } });
    fake.autoRespond((call) => (isGet(call) ? 'fail' : undefined));
    const stop = transport.poll(S, handlers);
    const answer = settle(transport.message(S, H, { request: 'list' }));
    (await fake.next()).reply({ janus: 'ack' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls.filter(isGet)).toHaveLength(4);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TransportError);
    expect(errors[0]).toMatchObject({ reason: 'network' });
    expect(errors[0]?.message).toContain('4 failed polls');
    const outcome = await answer;
    expect(!outcome.ok && outcome.error).toBe(errors[0]);
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('retries a GET that hangs past pollTimeoutMs', async () => {
    vi.useFakeTimers();
    const { fake, transport, errors, handlers } = setup({ pollTimeoutMs: 40_000 });
    const stop = transport.poll(S, handlers);
    const first = await fake.next();
    await vi.advanceTimersByTimeAsync(40_000);
    expect(first.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(499);
    expect((await fake.next()).method).toBe('GET');
    expect(errors).toEqual([]);
    stop();
  });
});

describe('one poll per session, and stopping it', () => {
  it('refuses a second poll() of the same session while one runs, with a UsageError', async () => {
    const { fake, transport, handlers } = setup();
    const stop = transport.poll(S, handlers);
    expect(() => transport.poll(S, handlers)).toThrow(UsageError);
    await flush();
    expect(fake.calls).toHaveLength(1);
    // Another session is fine.
    const stopOther = transport.poll(S + 1, handlers);
    expect(fake.calls).toHaveLength(2);
    stop();
    stopOther();
  });

  it('allows a new poll after stop(), and a stale stop() does not end the new one', async () => {
    const { fake, transport, handlers } = setup();
    const stop1 = transport.poll(S, handlers);
    const first = await fake.next();
    stop1();
    expect(first.signal.aborted).toBe(true);
    const stop2 = transport.poll(S, handlers);
    const second = await fake.next();
    stop1();
    expect(second.signal.aborted).toBe(false);
    stop2();
    expect(second.signal.aborted).toBe(true);
  });

  it('stop() during a backoff clears the timer and reports nothing', async () => {
    vi.useFakeTimers();
    const { fake, transport, errors, handlers } = setup();
    const stop = transport.poll(S, handlers);
    (await fake.next()).fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('stop() aborts the GET in flight and reports nothing', async () => {
    const { fake, transport, errors, handlers } = setup();
    const stop = transport.poll(S, handlers);
    const get = await fake.next();
    stop();
    expect(get.signal.aborted).toBe(true);
    await flush();
    expect(fake.calls).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('a handler that throws does not kill the loop; its error goes to reportError', async () => {
    const reported: unknown[] = [];
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error));
    const { fake, transport } = setup();
    const boom = new Error('handler bug');
    const seen: string[] = [];
    const stop = transport.poll(S, {
      onEvent: (event) => {
        seen.push(event.janus);
        if (event.janus === 'webrtcup') throw boom;
      },
      onError: vi.fn(),
    });
    (await fake.next()).respond([{ janus: 'webrtcup', sender: H }, { janus: 'detached', sender: H }]);
    expect((await fake.next()).method).toBe('GET');
    expect(seen).toEqual(['webrtcup', 'detached']);
    expect(reported).toEqual([boom]);
    stop();
  });
});
