import type { JanusCallView } from '@janus-call/core';
import { type ComputedRef, type Ref, computed, hasInjectionContext, inject, ssrContextKey } from 'vue';

/** Each field of the core's view as its own read-only ref, so `const { status, peers } = …` stays reactive. */
export type JanusCallRefs = { readonly [K in keyof JanusCallView]: ComputedRef<JanusCallView[K]> };

/** Views compare field by field: a snapshot that changed nothing visible triggers nothing. */
export function sameView(a: JanusCallView, b: JanusCallView): boolean {
  return (Object.keys(a) as (keyof JanusCallView)[]).every((key) => a[key] === b[key]);
}

export function toFieldRefs(state: Readonly<Ref<JanusCallView>>): JanusCallRefs {
  const entries = Object.keys(state.value).map((key) => [key, computed(() => state.value[key as keyof JanusCallView])]);
  return Object.fromEntries(entries) as JanusCallRefs;
}

/** True inside `renderToString`: @vue/server-renderer provides its context under `ssrContextKey`. */
export function isServerRendering(): boolean {
  return hasInjectionContext() && inject(ssrContextKey, null) !== null;
}
