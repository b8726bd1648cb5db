import { type JanusCallOptions, UsageError } from '@janus-call/core';
import { type InjectionKey, type MaybeRefOrGetter, inject, provide } from 'vue';
import { type UseJanusCallReturn, useJanusCall } from './use-janus-call.js';

/** The key under which `provideJanusCall` shares its client with descendants. */
export const janusCallKey: InjectionKey<UseJanusCallReturn> = Symbol('janus-call');

/** Create one client (as `useJanusCall`) and share it with every descendant component. */
export function provideJanusCall(options: MaybeRefOrGetter<JanusCallOptions>): UseJanusCallReturn {
  const janusCall = useJanusCall(options);
  provide(janusCallKey, janusCall);
  return janusCall;
}

/** The client of the nearest `provideJanusCall` above this component. */
export function injectJanusCall(): UseJanusCallReturn {
  const janusCall = inject(janusCallKey, null);
  if (!janusCall) {
    throw new UsageError(
      'invalid-state',
      'injectJanusCall() found no client: call provideJanusCall(options) in a parent component (or app.provide(janusCallKey, …))',
    );
  }
  return janusCall;
}
