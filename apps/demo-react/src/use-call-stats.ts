import type { CallStats } from '@janus-call/core';
import { type CallRates, ratesBetween } from 'demo-kit';
import { useEffect, useState } from 'react';

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
