import type { CallStats } from '@janus-call/core';
import { type CallRates, ratesBetween } from 'demo-kit';
import { type Ref, onScopeDispose, shallowRef, watch } from 'vue';

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
