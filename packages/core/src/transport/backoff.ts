/** How the long-poll retries after network errors and HTTP 5xx. */
export interface RetryPolicy {
  /** Consecutive failed polls tolerated (each followed by a wait); one more failure is fatal. */
  attempts: number;
  /** Cap of the first wait; it doubles per consecutive failure. */
  baseDelayMs: number;
  /** Upper bound of any single wait. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * Wait before retry number `failures` (1-based), with "full jitter": uniformly in
 * [0, min(maxDelayMs, baseDelayMs · 2^(failures-1))). Jitter spreads reconnecting clients apart.
 */
export function backoffDelay(failures: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.max(0, failures - 1);
  // Clamp before exponentiating so a long outage cannot overflow to Infinity.
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * cap);
}

/** Fill in a partial retry option with the defaults, refusing nonsense values. */
export function retryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const pick = (value: number | undefined, fallback: number): number =>
    value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  return {
    attempts: Math.floor(pick(partial?.attempts, DEFAULT_RETRY.attempts)),
    baseDelayMs: pick(partial?.baseDelayMs, DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: pick(partial?.maxDelayMs, DEFAULT_RETRY.maxDelayMs),
  };
}
