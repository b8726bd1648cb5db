import { type Ref, computed, onScopeDispose, ref, watch } from 'vue';

/** "m:ss" (or "h:mm:ss") since `since` (ms since the epoch); '' while it is null. */
export function useElapsed(since: Readonly<Ref<number | null>>): Readonly<Ref<string>> {
  const now = ref(Date.now());
  // Ticks twice a second so the shown second is never more than half a second late.
  const timer = setInterval(() => (now.value = Date.now()), 500);
  onScopeDispose(() => clearInterval(timer));
  // Restart from the start time itself, not from the last tick.
  watch(since, () => (now.value = Date.now()));
  return computed(() => (since.value === null ? '' : formatDuration(now.value - since.value)));
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
