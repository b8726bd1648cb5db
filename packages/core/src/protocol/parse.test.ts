import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.js';
import { parseBody, parseInbound, parseVideocallData } from './parse.js';

const session = 7604401319419681;
const handle = 2112;

describe('parseBody: what Janus really sends', () => {
  it('reads a create success', () => {
    const [msg] = parseBody(JSON.stringify({ janus: 'success', transaction: 't', data: { id: session } })) as never[];
    expect(msg).toEqual({ janus: 'success', transaction: 't', data: { id: session } });
  });

  it('reads a long-poll array of events, each validated on its own', () => {
    const body = JSON.stringify([
      { janus: 'webrtcup', session_id: session, sender: handle },
      { janus: 'media', session_id: session, sender: handle, mid: '0', type: 'audio', receiving: true },
      { janus: 'bogus', session_id: session, sender: handle },
      { janus: 'hangup', session_id: session, sender: handle, reason: 'DTLS alert' },
    ]);
    const out = parseBody(body);
    expect(Array.isArray(out)).toBe(true);
    const list = out as unknown[];
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ janus: 'webrtcup' });
    expect(list[1]).toMatchObject({ janus: 'media', type: 'audio', receiving: true });
    expect(list[2]).toBeInstanceOf(ProtocolError);
    expect(list[3]).toMatchObject({ janus: 'hangup', reason: 'DTLS alert' });
  });

  it('keeps fields Janus may add later (loose objects)', () => {
    const [msg] = parseBody(JSON.stringify({ janus: 'webrtcup', sender: handle, future: { x: 1 } })) as Record<string, unknown>[];
    expect(msg?.future).toEqual({ x: 1 });
  });

  it('reads the core error shape', () => {
    const [msg] = parseBody('{"janus":"error","transaction":"t","error":{"code":458,"reason":"No such session 1"}}') as never[];
    expect(msg).toMatchObject({ janus: 'error', error: { code: 458, reason: 'No such session 1' } });
  });
});

describe('parseBody: hostile and broken input never throws', () => {
  it.each([
    ['empty', ''],
    ['truncated', '{"janus":"success","data":{"id":1'],
    ['html error page', '<html><body>502 Bad Gateway</body></html>'],
    ['null', 'null'],
    ['number', '42'],
    ['string', '"ack"'],
  ])('%s → ProtocolError with the raw text', (_name, text) => {
    const out = parseBody(text);
    const errors = out instanceof ProtocolError ? [out] : out.filter((m): m is ProtocolError => m instanceof ProtocolError);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.raw).toBe(text);
    expect(errors[0]?.kind).toBe('protocol');
  });

  it.each([
    ['session id as string', { janus: 'success', data: { id: '123' } }],
    ['negative id', { janus: 'success', data: { id: -1 } }],
    ['id beyond 2^53', { janus: 'success', data: { id: 2 ** 60 } }],
    ['fractional id', { janus: 'success', data: { id: 1.5 } }],
    ['error without code', { janus: 'error', error: { reason: 'x' } }],
    ['media with bad type', { janus: 'media', sender: 1, type: 'smell', receiving: true }],
    ['media receiving as string', { janus: 'media', sender: 1, type: 'audio', receiving: 'yes' }],
    ['event without plugindata', { janus: 'event', sender: 1 }],
    ['jsep with unknown type', { janus: 'event', sender: 1, plugindata: { plugin: 'p', data: {} }, jsep: { type: 'pranswer', sdp: '' } }],
    ['unknown janus type', { janus: 'server_info' }],
    ['missing janus', { transaction: 'x' }],
    ['array as message', [[1, 2]]],
  ])('%s → ProtocolError naming the problem', (_name, value) => {
    const result = parseInbound(Array.isArray(value) ? value[0] : value);
    expect(result).toBeInstanceOf(ProtocolError);
    expect((result as ProtocolError).issues.length).toBeGreaterThan(0);
  });

  it('caps what a huge body keeps in memory', () => {
    const huge = JSON.stringify({ janus: 'hangup', sender: 1, reason: 'x'.repeat(2_000_000) });
    const [msg] = parseBody(huge) as unknown[];
    expect(msg).toBeInstanceOf(ProtocolError);
    expect((msg as ProtocolError).raw.length).toBeLessThan(5000);
  });

  it('property: any JSON value gives a message or a ProtocolError, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = parseBody(JSON.stringify(value) ?? 'null');
        const items = out instanceof ProtocolError ? [out] : out;
        for (const item of items) {
          if (item instanceof ProtocolError) expect(typeof item.raw).toBe('string');
          else expect(typeof item.janus).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: any string gives a result, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        expect(() => parseBody(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('property: Janus-shaped messages with random field values are accepted or rejected, never thrown', () => {
    const janus = fc.constantFrom('success', 'ack', 'error', 'event', 'webrtcup', 'media', 'slowlink', 'hangup', 'detached', 'timeout', 'keepalive', 'trickle', 'ice-failed');
    const message = fc.record(
      { janus, sender: fc.anything(), session_id: fc.anything(), transaction: fc.anything(), error: fc.anything(), plugindata: fc.anything(), jsep: fc.anything(), candidate: fc.anything(), type: fc.anything(), receiving: fc.anything(), reason: fc.anything() },
      { requiredKeys: ['janus'] },
    );
    fc.assert(
      fc.property(message, (value) => {
        const result = parseInbound(value);
        if (!(result instanceof ProtocolError)) expect(result.janus).toBe(value.janus);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseVideocallData', () => {
  it.each([
    [{ videocall: 'event', result: { list: ['a', 'b'] } }, { ok: true, result: { list: ['a', 'b'] } }],
    [{ videocall: 'event', result: { event: 'registered', username: 'a' } }, { ok: true, result: { event: 'registered', username: 'a' } }],
    [{ videocall: 'event', result: { event: 'calling' } }, { ok: true, result: { event: 'calling' } }],
    [{ videocall: 'event', result: { event: 'hangup', username: 'b', reason: 'User busy' } }, { ok: true, result: { event: 'hangup', username: 'b', reason: 'User busy' } }],
    [{ videocall: 'event', error_code: 476, error: "Username 'a' already taken" }, { ok: false, code: 476, reason: "Username 'a' already taken" }],
  ])('%j', (data, expected) => {
    expect(parseVideocallData(data)).toEqual(expected);
  });

  it.each([
    [{ videocall: 'event', result: { event: 'registered' } }],
    [{ videocall: 'event', result: { event: 'teleported' } }],
    [{ videocall: 'event', result: { list: 'a,b' } }],
    [{ videocall: 'event', error_code: '476' }],
    [{ videoroom: 'event', result: { event: 'registered', username: 'a' } }],
    [null],
  ])('rejects %j as a ProtocolError', (data) => {
    expect(parseVideocallData(data)).toBeInstanceOf(ProtocolError);
  });

  it('property: never throws on arbitrary plugin data', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const out = parseVideocallData(data);
        expect(out instanceof ProtocolError || typeof out.ok === 'boolean').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
