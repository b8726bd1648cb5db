import type { JanusCall } from '../create-janus-call.js';
import type { JanusCallView } from '../machine/view.js';

/** Resolve with the first view that satisfies `predicate`; reject with the current view after `timeoutMs`. */
export function until(call: JanusCall, predicate: (view: JanusCallView) => boolean, timeoutMs = 5000): Promise<JanusCallView> {
  if (predicate(call.view)) return Promise.resolve(call.view);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      const v = call.view;
      reject(new Error(`timed out after ${timeoutMs} ms in status ${v.status}${v.error ? ` (${v.error.name}: ${v.error.message})` : ''}`));
    }, timeoutMs);
    const unsubscribe = call.subscribe((view) => {
      if (!predicate(view)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(view);
    });
  });
}
