import { type JanusCallOptions, type JanusCallView, janusCallMachine, view } from '@janus-call/core';
import { createActor } from 'xstate';
import { type ComputedRef, type Ref, computed, hasInjectionContext, inject, ssrContextKey } from 'vue';

/** Each field of the core's view as its own read-only ref, so `const { status, peers } = …` stays reactive. */
export type JanusCallRefs = { readonly [K in keyof JanusCallView]: ComputedRef<JanusCallView[K]> };

/**
 * What a client shows before its actor exists (during SSR), from the machine's own first snapshot so it
 * cannot drift from the core. An actor that is never started runs nothing.
 */
export function placeholderView(options: JanusCallOptions): JanusCallView {
  return view(createActor(janusCallMachine, { input: { ...(options.media && { media: options.media }) } }).getSnapshot());
}

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
