import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JanusCallError, JanusError, ProtocolError, TransportError, UsageError } from '../protocol/errors.js';
import { createFakeFetch, settle, type FakeCall } from './fake-fetch.js';
import { createHttpTransport, type HttpTransportOptions } from './http.transport.js';

const SERVER = 'http://127.0.0.1:8088/janus';

function setup(overrides: Partial<HttpTransportOptions> = {}) {
  const fake = createFakeFetch();
  const transport = createHttpTransport({ server: SERVER, fetch: fake.fetch, random: () => 0.5, ...overrides });
  return { fake, transport };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createSession / attach / message: requests on the wire', () => {
  it('creates a session, attaches a plugin and sends a message with exact bodies and URLs', async () => {
    const { fake, transport } = setup();

    const created = transport.createSession();
    const create = await fake.next();
    expect(create.method).toBe('POST');
    expect(create.url).toBe(SERVER);
    expect(create.headers['content-type']).toBe('application/json');
    expect(create.body).toEqual({ janus: 'create', transaction: expect.stringMatching(/^[0-9a-f]{24}$/) });
    create.reply({ janus: 'success', data: { id: 1111 } });
    await expect(created).resolves.toEqual({ sessionId: 1111, server: SERVER });

    const attached = transport.attach(1111, 'janus.plugin.videocall', { opaqueId: 'me-1' });
    const attach = await fake.next();
    expect(attach.url).toBe(`${SERVER}/1111`);
    expect(attach.body).toEqual({
      janus: 'attach',
      plugin: 'janus.plugin.videocall',
      opaque_id: 'me-1',
      transaction: expect.any(String),
    });
    attach.reply({ janus: 'success', session_id: 1111, data: { id: 2222 } });
    await expect(attached).resolves.toBe(2222);

    const stop = transport.poll(1111, { onEvent: vi.fn(), onError: vi.fn() });
    const get = await fake.next();
    expect(get.method).toBe('GET');

    const jsep = { type: 'offer' as const, sdp: 'v=0\r\n' };
    const answer = settle(transport.message(1111, 2222, { request: 'call', username: 'bob' }, { jsep }));
    const message = await fake.next();
    expect(message.url).toBe(`${SERVER}/1111/2222`);
    expect(message.body).toEqual({
      janus: 'message',
      body: { request: 'call', username: 'bob' },
      jsep,
      transaction: expect.any(String),
    });
    message.reply({ janus: 'ack', session_id: 1111 });
    get.respond([
      {
        janus: 'event',
        session_id: 1111,
        sender: 2222,
        transaction: message.body?.transaction,
        plugindata: { plugin: 'janus.plugin.videocall', data: { videocall: 'event', result: { event: 'calling' } } },
      },
    ]);
    expect(await answer).toEqual({
      ok: true,
      value: { sender: 2222, data: { videocall: 'event', result: { event: 'calling' } }, seq: 1 },
    });
    stop();
  });

  it('strips trailing slashes from server URLs', async () => {
    const { fake, transport } = setup({ server: `${SERVER}//` });
    const created = transport.createSession();
    const create = await fake.next();
    expect(create.url).toBe(SERVER);
    create.reply({ janus: 'success', data: { id: 5 } });
    await expect(created).resolves.toEqual({ sessionId: 5, server: SERVER });
  });

  it('sends keepalive, trickle, detach and destroy on the right paths and expects their answers', async () => {
    const { fake, transport } = setup();
    const keepalive = settle(transport.keepalive(7));
    const k = await fake.next();
    expect([k.url, k.body]).toEqual([`${SERVER}/7`, { janus: 'keepalive', transaction: expect.any(String) }]);
    k.reply({ janus: 'ack', session_id: 7 });
    expect(await keepalive).toEqual({ ok: true, value: undefined });

    const detach = settle(transport.detach(7, 8));
    const d = await fake.next();
    expect([d.url, d.body]).toEqual([`${SERVER}/7/8`, { janus: 'detach', transaction: expect.any(String) }]);
    d.reply({ janus: 'success', session_id: 7 });
    expect(await detach).toEqual({ ok: true, value: undefined });

    const destroy = settle(transport.destroy(7));
    const x = await fake.next();
    expect([x.url, x.body]).toEqual([`${SERVER}/7`, { janus: 'destroy', transaction: expect.any(String) }]);
    x.reply({ janus: 'success', session_id: 7 });
    expect(await destroy).toEqual({ ok: true, value: undefined });
  });

  it('uses a unique transaction per request', async () => {
    const { fake, transport } = setup();
    fake.autoRespond(() => ({ body: { janus: 'ack' } }));
    await Promise.all([transport.keepalive(1), transport.keepalive(1), transport.keepalive(1)]);
    const transactions = new Set(fake.calls.map((call) => call.body?.transaction));
    expect(transactions.size).toBe(3);
  });

  it('looks up globalThis.fetch at call time, not at creation', async () => {
    const transport = createHttpTransport({ server: SERVER });
    const fake = createFakeFetch();
    fake.autoRespond((call) => ({ body: { janus: 'success', transaction: call.body?.transaction, data: { id: 9 } } }));
    vi.stubGlobal('fetch', fake.fetch);
    await expect(transport.createSession()).resolves.toEqual({ sessionId: 9, server: SERVER });
    expect(fake.calls).toHaveLength(1);
  });

  it('rejects with a UsageError when there is no fetch at all', async () => {
    const transport = createHttpTransport({ server: SERVER });
    vi.stubGlobal('fetch', undefined);
    const error = await transport.createSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).reason).toBe('invalid-argument');
  });

  it('refuses an empty server list at creation', () => {
    expect(() => createHttpTransport({ server: [] })).toThrow(UsageError);
  });
});

describe('auth', () => {
  it('adds token and apisecret to every POST body and to the long-poll query', async () => {
    const { fake, transport } = setup({ token: 'tok en', apiSecret: 's3cr&t' });
    const created = transport.createSession();
    const create = await fake.next();
    expect(create.body).toEqual({ janus: 'create', transaction: expect.any(String), token: 'tok en', apisecret: 's3cr&t' });
    create.reply({ janus: 'success', data: { id: 1 } });
    await created;

    const attached = settle(transport.attach(1, 'janus.plugin.videocall'));
    const attach = await fake.next();
    expect(attach.body).toMatchObject({ token: 'tok en', apisecret: 's3cr&t' });
    attach.reply({ janus: 'success', data: { id: 2 } });
    await attached;

    const stop = transport.poll(1, { onEvent: vi.fn(), onError: vi.fn() });
    const get = await fake.next();
    const url = new URL(get.url);
    expect(url.origin + url.pathname).toBe(`${SERVER}/1`);
    expect(url.searchParams.get('maxev')).toBe('10');
    expect(url.searchParams.get('token')).toBe('tok en');
    expect(url.searchParams.get('apisecret')).toBe('s3cr&t');
    expect(Number(url.searchParams.get('rid'))).toBeGreaterThan(0);
    expect(get.body).toBeUndefined();
    stop();
  });

  it('sends neither field when not configured', async () => {
    const { fake, transport } = setup({ maxEvents: 3 });
    const stop = transport.poll(1, { onEvent: vi.fn(), onError: vi.fn() });
    const get = await fake.next();
    const url = new URL(get.url);
    expect([...url.searchParams.keys()].sort()).toEqual(['maxev', 'rid']);
    expect(url.searchParams.get('maxev')).toBe('3');
    stop();
    const keepalive = settle(transport.keepalive(1));
    const k = await fake.next();
    expect(Object.keys(k.body ?? {}).sort()).toEqual(['janus', 'transaction']);
    k.reply({ janus: 'ack' });
    await keepalive;
  });
});

describe('errors of POSTs', () => {
  it('maps a core error to JanusError with its code and reason', async () => {
    const { fake, transport } = setup();
    const attached = transport.attach(1, 'janus.plugin.nope').catch((e: unknown) => e);
    (await fake.next()).reply({ janus: 'error', error: { code: 460, reason: 'No such plugin' } });
    const error = await attached;
    expect(error).toBeInstanceOf(JanusError);
    expect((error as JanusError).code).toBe(460);
    expect((error as JanusError).message).toBe('No such plugin');
  });

  it('maps 458 (no such session) to TransportError session-gone with code 458', async () => {
    const { fake, transport } = setup();
    const kept = transport.keepalive(99).catch((e: unknown) => e);
    (await fake.next()).reply({ janus: 'error', session_id: 99, error: { code: 458, reason: 'No such session 99' } });
    const error = await kept;
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ reason: 'session-gone', code: 458, message: 'No such session 99' });
  });

  it('rejects message() on a synchronous core error', async () => {
    const { fake, transport } = setup();
    const sent = transport.message(1, 2, { request: 'list' }).catch((e: unknown) => e);
    (await fake.next()).reply({ janus: 'error', error: { code: 459, reason: 'No such handle 2' } });
    expect(await sent).toMatchObject({ kind: 'janus', code: 459 });
  });

  it('maps an HTTP error status to TransportError http with the status', async () => {
    const { fake, transport } = setup();
    const kept = transport.keepalive(1).catch((e: unknown) => e);
    (await fake.next()).respond('<html>bad gateway</html>', 502);
    expect(await kept).toMatchObject({ kind: 'transport', reason: 'http', status: 502 });
  });

  it('maps a network failure to TransportError network, keeping the cause', async () => {
    const { fake, transport } = setup();
    const kept = transport.keepalive(1).catch((e: unknown) => e);
    const cause = new TypeError('fetch failed');
    (await fake.next()).fail(cause);
    const error = await kept;
    expect(error).toMatchObject({ kind: 'transport', reason: 'network' });
    expect((error as Error).cause).toBe(cause);
  });

  it('rejects a POST that gets no answer within requestTimeoutMs with reason timeout, and aborts it', async () => {
    vi.useFakeTimers();
    const { fake, transport } = setup({ requestTimeoutMs: 1000 });
    const kept = settle(transport.keepalive(1));
    const call = await fake.next();
    await vi.advanceTimersByTimeAsync(999);
    expect(call.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const outcome = await kept;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatchObject({ reason: 'timeout' });
    expect(call.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects an answer of the wrong kind with a ProtocolError', async () => {
    const { fake, transport } = setup();
    const created = transport.createSession().catch((e: unknown) => e);
    (await fake.next()).reply({ janus: 'ack' });
    const error = await created;
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).raw).toContain('"ack"');
  });

  it('rejects a success without data.id with a ProtocolError', async () => {
    const { fake, transport } = setup();
    const created = transport.createSession().catch((e: unknown) => e);
    (await fake.next()).reply({ janus: 'success' });
    expect(await created).toBeInstanceOf(ProtocolError);
  });

  it('rejects an answer carrying another transaction with a ProtocolError', async () => {
    const { fake, transport } = setup();
    const created = transport.createSession().catch((e: unknown) => e);
    (await fake.next()).respond({ janus: 'success', transaction: 'someone-else', data: { id: 1 } });
    expect(await created).toBeInstanceOf(ProtocolError);
  });

  const garbage: Array<[string, string]> = [
    ['non-JSON', '<html>Janus is down</html>'],
    ['truncated JSON', '{"janus":"success","data":{"id":12'],
    ['wrong types', '{"janus":"success","data":{"id":"12"}}'],
    ['an unknown janus kind', '{"janus":"bogus"}'],
    ['an empty body', ''],
    ['an array of two', '[{"janus":"ack"},{"janus":"ack"}]'],
    ['a huge string', `{"janus":"error","error":{"code":490,"reason":"${'x'.repeat(200_000)}"}}`],
  ];
  it.each(garbage)('turns %s into a ProtocolError that keeps the raw text', async (_name, body) => {
    const { fake, transport } = setup();
    const created = transport.createSession().catch((e: unknown) => e);
    (await fake.next()).respond(body);
    const error = await created;
    expect(error).toBeInstanceOf(ProtocolError);
    const raw = (error as ProtocolError).raw;
    expect(raw.slice(0, 30)).toBe(body.slice(0, 30));
    expect(raw.length).toBeLessThanOrEqual(4096 + 40);
  });

  it('never rejects with anything but a JanusCallError, whatever the body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), fc.integer({ min: 200, max: 599 }), async (body, status) => {
        const { fake, transport } = setup();
        fake.autoRespond(() => ({ body, status }));
        const outcome = await settle(transport.createSession());
        if (!outcome.ok) expect(outcome.error).toBeInstanceOf(JanusCallError);
        else expect(Number.isSafeInteger(outcome.value.sessionId)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('createSession server fallback', () => {
  const A = 'http://127.0.0.1:1/janus';
  const B = 'http://127.0.0.1:2/janus';
  const C = 'http://127.0.0.1:3/janus';

  it('tries servers in order past network errors, 5xx and timeouts, then remembers the one that worked', async () => {
    vi.useFakeTimers();
    const { fake, transport } = setup({ server: [A, B, C, 'http://never'], requestTimeoutMs: 100 });
    const created = settle(transport.createSession());
    const a = await fake.next();
    expect(a.url).toBe(A);
    a.fail();
    const b = await fake.next();
    expect(b.url).toBe(B);
    b.respond('', 503);
    const c1 = await fake.next();
    expect(c1.url).toBe(C);
    c1.reply({ janus: 'success', data: { id: 42 } });
    expect(await created).toEqual({ ok: true, value: { sessionId: 42, server: C } });
    expect(fake.calls.map((call) => call.url)).toEqual([A, B, C]);

    const attached = settle(transport.attach(42, 'janus.plugin.videocall'));
    const attach = await fake.next();
    expect(attach.url).toBe(`${C}/42`);
    attach.reply({ janus: 'success', data: { id: 43 } });
    await attached;
    const stop = transport.poll(42, { onEvent: vi.fn(), onError: vi.fn() });
    expect((await fake.next()).url.startsWith(`${C}/42?`)).toBe(true);
    stop();
    const sent = settle(transport.message(42, 43, { request: 'list' }));
    const message = await fake.next();
    expect(message.url).toBe(`${C}/42/43`);
    message.reply({ janus: 'success', plugindata: { plugin: 'janus.plugin.videocall', data: { list: [] } } });
    await sent;
  });

  it('falls over on a timeout too', async () => {
    vi.useFakeTimers();
    const { fake, transport } = setup({ server: [A, B], requestTimeoutMs: 100 });
    const created = settle(transport.createSession());
    const a = await fake.next();
    await vi.advanceTimersByTimeAsync(100);
    expect(a.signal.aborted).toBe(true);
    (await fake.next()).reply({ janus: 'success', data: { id: 7 } });
    expect(await created).toEqual({ ok: true, value: { sessionId: 7, server: B } });
  });

  it('rejects with the last TransportError, naming every server tried, when all fail', async () => {
    const { fake, transport } = setup({ server: [A, B] });
    fake.autoRespond((call) => (call.url === A ? 'fail' : { body: 'oops', status: 500 }));
    const error = await transport.createSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ reason: 'http', status: 500 });
    expect((error as Error).message).toContain(A);
    expect((error as Error).message).toContain(B);
  });

  it('reports reason network when the last server was unreachable', async () => {
    const { fake, transport } = setup({ server: [A, B] });
    fake.autoRespond(() => 'fail');
    const error = await transport.createSession().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transport', reason: 'network' });
    expect(fake.calls).toHaveLength(2);
  });

  it('does not fall over on an answer Janus meant (403 unauthorized)', async () => {
    const { fake, transport } = setup({ server: [A, B] });
    fake.autoRespond((call) => ({ body: { janus: 'error', transaction: call.body?.transaction, error: { code: 403, reason: 'Unauthorized request (wrong or missing secret/token)' } } }));
    const error = await transport.createSession().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'janus', code: 403 });
    expect(fake.calls.map((call: FakeCall) => call.url)).toEqual([A]);
  });
});
