import { createActor } from 'xstate';
import { janusCallMachine } from './janus-call.machine.js';
import type { CallMedia } from './janus-call.types.js';
import { type JanusCallView, view } from './view.js';

let plain: JanusCallView | undefined;

/**
 * The view before a client starts (a first render, server rendering), taken from the machine's own
 * first snapshot so it cannot drift from the chart. The actor is never started: nothing runs.
 */
export function initialView(options: { media?: Partial<CallMedia> } = {}): JanusCallView {
  const first = () => view(createActor(janusCallMachine, { input: options.media ? { media: options.media } : {} }).getSnapshot());
  return options.media ? first() : (plain ??= first());
}
