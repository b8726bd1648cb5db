import type { Unsubscribe } from './rtc-adapter.js';

/** A listener set. With `replay`, values emitted while nobody listens are kept for the first listener. */
export interface Emitter<T> {
  emit(value: T): void;
  subscribe(listener: (value: T) => void): Unsubscribe;
  clear(): void;
}

export function createEmitter<T>(options: { replay?: boolean } = {}): Emitter<T> {
  const listeners = new Set<(value: T) => void>();
  let pending: T[] = [];
  return {
    emit(value) {
      if (listeners.size === 0) {
        if (options.replay) pending.push(value);
        return;
      }
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      const replayed = pending;
      pending = [];
      for (const value of replayed) listener(value);
      return () => {
        listeners.delete(listener);
      };
    },
    clear() {
      listeners.clear();
      pending = [];
    },
  };
}
