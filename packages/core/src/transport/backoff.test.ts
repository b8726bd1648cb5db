import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, retryPolicy } from './backoff.js';

describe('backoffDelay', () => {
  const policy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8000 };

  it('doubles its cap per failure up to maxDelayMs', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => backoffDelay(n, policy, top))).toEqual([499, 999, 1999, 3999, 7999, 7999, 7999]);
  });

  it('scales with the jitter source (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, policy, () => 0.25)).toBe(500);
  });

  it('stays within [0, cap) for any random value, even broken ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 10_000 }), fc.double(), (failures, r) => {
        const delay = backoffDelay(failures, policy, () => r);
        const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(cap);
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });
});

describe('retryPolicy', () => {
  it('fills the defaults and ignores nonsense', () => {
    expect(retryPolicy(undefined)).toEqual(DEFAULT_RETRY);
    expect(retryPolicy({ attempts: 2.7, baseDelayMs: -1, maxDelayMs: Number.NaN })).toEqual({
      attempts: 2,
      baseDelayMs: DEFAULT_RETRY.baseDelayMs,
      maxDelayMs: DEFAULT_RETRY.maxDelayMs,
    });
    expect(retryPolicy({ attempts: 0 })).toEqual({ ...DEFAULT_RETRY, attempts: 0 });
  });
});
