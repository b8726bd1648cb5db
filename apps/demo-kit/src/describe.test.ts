import { MediaError, TransportError, UsageError, VideocallError } from '@janus-call/core';
import { describe, expect, it } from 'vitest';
import { LOCAL_JANUS, initialServer, inspectorRequested } from './config.js';
import { callEndText, errorText, statusText } from './describe.js';
import { formatDuration, ratesBetween } from './numbers.js';

const server = 'http://127.0.0.1:8088/janus';

describe('what the demos show', () => {
  it('says where the client is', () => {
    expect(statusText({ status: 'registered', username: 'alice', peer: null }, server)).toBe('Registered as alice.');
    expect(statusText({ status: 'mediaUp', username: 'alice', peer: 'bob' }, server)).toBe('In a call with bob.');
    expect(statusText({ status: 'connecting', username: null, peer: null }, server)).toBe(`Connecting to ${server}…`);
  });

  it('says how a call ended', () => {
    expect(callEndText({ cause: 'remote', reason: 'We did the hangup', peer: 'bob' })).toBe('bob hung up.');
    expect(callEndText({ cause: 'declined', reason: 'Call declined', peer: 'bob' })).toBe('The call was declined.');
    expect(callEndText({ cause: 'other', reason: 'Gremlins', peer: null })).toBe('The call ended: Gremlins.');
  });

  it('puts every kind of error in words, with no codes or object dumps', () => {
    const texts = [
      errorText(new VideocallError(476, "Username 'x' already taken"), { server, callee: null }),
      errorText(new VideocallError(478, "Username 'ghost' doesn't exist"), { server, callee: 'ghost' }),
      errorText(new TransportError('network', 'fetch failed'), { server, callee: null }),
      errorText(new MediaError('permission-denied', 'NotAllowedError'), { server, callee: null }),
      errorText(new UsageError('call-yourself', 'You cannot call yourself'), { server, callee: null }),
    ];
    expect(texts).toEqual([
      'That username is taken. Pick another one.',
      'No user called ghost is registered.',
      `Cannot reach the Janus server at ${server}. Check the address and that Janus is running.`,
      'Camera and microphone access was denied. Allow it in the site settings, then try again.',
      'You cannot call yourself.',
    ]);
    expect(errorText(new VideocallError(499, 'Odd'), { server, callee: null })).toBe('The videocall plugin refused: Odd (error 499).');
  });

  it('turns two stats samples into kbit/s, never negative', () => {
    const kind = (sent: number, received: number) => ({
      sent: { packets: 0, bytes: sent },
      received: { packets: 0, bytes: received, lost: 0 },
      roundTripTimeMs: null,
    });
    const a = { timestamp: 1_000, audio: kind(0, 0), video: kind(1_000, 5_000), roundTripTimeMs: null };
    const b = { timestamp: 2_000, audio: kind(4_000, 0), video: kind(126_000, 1_000), roundTripTimeMs: 12 };
    expect(ratesBetween(a, b)).toEqual({ audio: { received: 0, sent: 32 }, video: { received: 0, sent: 1000 }, roundTripTimeMs: 12 });
  });

  it('formats the call timer', () => {
    expect([0, 999, 61_000, 3_661_000].map(formatDuration)).toEqual(['0:00', '0:00', '1:01', '1:01:01']);
  });

  it('takes the server from ?server=, then the build, then this machine', () => {
    expect(initialServer('?server=http%3A%2F%2F10.0.0.2%3A8088%2Fjanus', 'http://env/janus')).toBe('http://10.0.0.2:8088/janus');
    expect(initialServer('', 'http://env/janus')).toBe('http://env/janus');
    expect(initialServer('?server=', undefined)).toBe(LOCAL_JANUS);
    expect([inspectorRequested('?inspect'), inspectorRequested('?x=1')]).toEqual([true, false]);
  });
});
