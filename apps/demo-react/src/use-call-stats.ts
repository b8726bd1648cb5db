import type { CallStats } from '@janus-call/core';
import { useEffect, useState } from 'react';

/** kbit/s over the last interval; `null` until two samples exist. */
export interface CallRates {
  audio: { received: number; sent: number };
  video: { received: number; sent: number };
  roundTripTimeMs: number | null;
}

function kbps(before: number, after: number, ms: number): number {
  return ms > 0 ? Math.max(0, Math.round(((after - before) * 8) / ms)) : 0;
}

function ratesBetween(a: CallStats, b: CallStats): CallRates {
  const ms = b.timestamp - a.timestamp;
  const of = (kind: 'audio' | 'video') => ({
    received: kbps(a[kind].received.bytes, b[kind].received.bytes, ms),
    sent: kbps(a[kind].sent.bytes, b[kind].sent.bytes, ms),
  });
  return { audio: of('audio'), video: of('video'), roundTripTimeMs: b.roundTripTimeMs };
}

/** Polls `getStats()` while `active`, and turns the byte counters into rates. */
export function useCallStats(getStats: () => Promise<CallStats | null>, active: boolean, intervalMs = 1000): CallRates | null {
  const [rates, setRates] = useState<CallRates | null>(null);
  useEffect(() => {
    if (!active) return;
    let previous: CallStats | null = null;
    let stopped = false;
    const sample = async () => {
      const stats = await getStats().catch(() => null);
      if (stopped || !stats) return;
      if (previous) setRates(ratesBetween(previous, stats));
      previous = stats;
    };
    void sample();
    const timer = setInterval(sample, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
      setRates(null);
    };
  }, [getStats, active, intervalMs]);
  return active ? rates : null;
}
