import { type JanusCallView, janusCallMachine, view } from '@janus-call/core';
import { createActor } from 'xstate';

let initial: JanusCallView | undefined;

/**
 * The view before the client starts (first render, SSR), taken from the machine's own initial
 * snapshot so it never drifts from the core. An actor that is never started has no side effects.
 */
export function initialView(): JanusCallView {
  initial ??= view(createActor(janusCallMachine, { input: {} }).getSnapshot());
  return initial;
}
