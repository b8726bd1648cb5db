import type { CallStats } from '@janus-call/core';
import { type Ref, onScopeDispose, shallowRef, watch } from 'vue';

/** kbit/s over the last interval, per kind and direction. */
export interface CallRates {
  audio: { received: number; sent: number };
  video: { received: number; sent: number };
  roundTripTimeMs: number | null;
}

const kbps = (before: number, after: number, ms: number) => (ms > 0 ? Math.max(0, Math.round(((after - before) * 8) / ms)) : 0);

export function ratesBetween(a: CallStats, b: CallStats): CallRates {
  const ms = b.timestamp - a.timestamp;
  const of = (kind: 'audio' | 'video') => ({
    received: kbps(a[kind].received.bytes, b[kind].received.bytes, ms),
    sent: kbps(a[kind].sent.bytes, b[kind].sent.bytes, ms),
  });
  return { audio: of('audio'), video: of('video'), roundTripTimeMs: b.roundTripTimeMs };
}

/** Samples `getStats()` every second while `active`; null until two samples exist. */
export function useCallStats(getStats: () => Promise<CallStats | null>, active: Readonly<Ref<boolean>>) {
  const rates = shallowRef<CallRates | null>(null);
  let timer: ReturnType<typeof setInterval> | undefined;
  // A sample still in flight when the call ends must not write into the next one.
  let run = 0;
  const stop = () => {
    run++;
    clearInterval(timer);
    rates.value = null;
  };
  watch(
    active,
    (on) => {
      stop();
      if (!on) return;
      let previous: CallStats | null = null;
      const mine = run;
      const sample = async () => {
        const stats = await getStats().catch(() => null);
        if (!stats || mine !== run) return;
        if (previous) rates.value = ratesBetween(previous, stats);
        previous = stats;
      };
      void sample();
      timer = setInterval(sample, 1000);
    },
    { immediate: true },
  );
  onScopeDispose(stop);
  return rates;
}
