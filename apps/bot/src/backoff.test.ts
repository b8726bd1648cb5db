import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.js';

describe('createBackoff', () => {
  it('doubles from the initial delay up to the cap, and starts over after reset', () => {
    const backoff = createBackoff({ initialMs: 100, maxMs: 1_000 }, () => 0.5);
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoff.attempt).toBe(6);
    backoff.reset();
    expect(backoff.attempt).toBe(0);
    expect(backoff.next()).toBe(100);
  });

  it('jitters by at most 20 % and never above the cap', () => {
    const low = createBackoff({ initialMs: 1_000, maxMs: 1_000 }, () => 0);
    const high = createBackoff({ initialMs: 1_000, maxMs: 1_000 }, () => 0.999);
    expect(low.next()).toBe(800);
    expect(high.next()).toBe(1_000);
  });
});
