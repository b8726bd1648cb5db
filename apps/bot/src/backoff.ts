export interface Backoff {
  /** Attempts made since the last reset. */
  readonly attempt: number;
  /** The delay before the next attempt, in ms; counts the attempt. */
  next(): number;
  reset(): void;
}

/** Doubling delays from `initialMs`, capped at `maxMs`, with ±20 % jitter so many bots do not retry in step. */
export function createBackoff(options: { initialMs?: number; maxMs?: number } = {}, random = Math.random): Backoff {
  const initialMs = Math.max(0, options.initialMs ?? 1_000);
  const maxMs = Math.max(initialMs, options.maxMs ?? 30_000);
  let attempt = 0;
  return {
    get attempt() {
      return attempt;
    },
    next() {
      const base = Math.min(maxMs, initialMs * 2 ** attempt);
      attempt += 1;
      return Math.round(Math.min(maxMs, base * (0.8 + 0.4 * random())));
    },
    reset() {
      attempt = 0;
    },
  };
}
