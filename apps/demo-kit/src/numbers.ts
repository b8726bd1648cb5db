import type { CallStats } from '@janus-call/core';

/** kbit/s over the last interval, per kind and direction. */
export interface CallRates {
  audio: { received: number; sent: number };
  video: { received: number; sent: number };
  roundTripTimeMs: number | null;
}

const kbps = (before: number, after: number, ms: number) => (ms > 0 ? Math.max(0, Math.round(((after - before) * 8) / ms)) : 0);

/** Rates between two `getStats()` samples. */
export function ratesBetween(a: CallStats, b: CallStats): CallRates {
  const ms = b.timestamp - a.timestamp;
  const of = (kind: 'audio' | 'video') => ({
    received: kbps(a[kind].received.bytes, b[kind].received.bytes, ms),
    sent: kbps(a[kind].sent.bytes, b[kind].sent.bytes, ms),
  });
  return { audio: of('audio'), video: of('video'), roundTripTimeMs: b.roundTripTimeMs };
}

/** A call timer: "m:ss", or "h:mm:ss" past the hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
