import { FakeJanus, FakeRtc } from '@janus-call/core/testing';
import { Fragment, StrictMode } from 'react';
import { type UseJanusCallOptions, type UseJanusCallResult, useJanusCall } from '../use-janus-call.js';

/** Every suite runs twice: StrictMode double-invokes renders and effects, Fragment does not. */
export const MODES = [
  ['strict', StrictMode],
  ['plain', Fragment],
] as const;

/** A fake Janus, a fake rtc and a transport bound to them, fresh for each test. */
export function fakeServer() {
  const janus = new FakeJanus();
  const rtc = new FakeRtc();
  const transport = janus.transport();
  const count = (method: string) => janus.requests.filter((r) => r.method === method).length;
  return { janus, rtc, transport, count, options: { server: 'fake://janus', transport, rtc } satisfies UseJanusCallOptions };
}

/** Renders `useJanusCall` and keeps its latest result in `results[name]`, for tests to drive. */
export function Probe({ name, results, ...options }: UseJanusCallOptions & { name: string; results: Record<string, UseJanusCallResult> }) {
  const call = useJanusCall(options);
  results[name] = call;
  return (
    <p data-testid={name}>
      {call.status} {call.username ?? '-'} {call.error?.message ?? ''}
    </p>
  );
}
