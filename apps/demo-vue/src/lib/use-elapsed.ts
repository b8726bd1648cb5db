import { formatDuration } from 'demo-kit';
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
