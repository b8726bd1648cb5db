import { type CallStats, type JanusCall, createJanusCall } from '@janus-call/core';
import { until } from '@janus-call/core/testing';
import { weriftRtc } from '@janus-call/werift';
import { sleep } from './stats.js';
import { Timeline } from './timeline.js';
import { trickleAfterAckFetch } from './trickle-gate.js';

export interface SdkCallResult {
  /** ms from `call()` to the `janus.webrtcup` event, as the machine took it. */
  callerWebrtcup: number;
  calleeWebrtcup: number;
  /** ms from `call()` to the view's `mediaUp`. */
  callerMediaUp: number;
  calleeMediaUp: number;
  /** Every timed step of the call, relative to `call()`. */
  caller: Array<[string, number]>;
  callee: Array<[string, number]>;
  stats: [CallStats, CallStats];
}

const flowing = (s: CallStats | null): s is CallStats => !!s && s.audio.received.packets > 0 && s.video.received.packets > 0;

/** Waits until both kinds arrived (up to 5 s), as baseline.ts does. */
async function mediaArrived(call: JanusCall): Promise<CallStats | null> {
  let stats = await call.getStats();
  for (let i = 0; i < 50 && !flowing(stats); i++) stats = await sleep(100).then(() => call.getStats());
  return stats;
}

/** Resolves once the machine is back in `registered.idle`: a call made while it settles would be deferred and timed too long. */
function settled(call: JanusCall, timeoutMs = 10_000): Promise<void> {
  const idle = () => call.actor.getSnapshot().matches({ session: { ready: { registration: { registered: 'idle' } } } });
  if (idle()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`not idle after ${timeoutMs} ms (status ${call.view.status})`));
    }, timeoutMs);
    const subscription = call.actor.subscribe(() => {
      if (!idle()) return;
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve();
    });
  });
}

export interface SdkCallsOutcome {
  results: SdkCallResult[];
  failures: number;
  held: { ms: number; stats: [CallStats, CallStats] } | null;
}

/**
 * `calls` calls from alice to bob, two SDK clients with werift peers; bob accepts on `incomingcall`.
 * Each is timed from `call()` and must carry both kinds both ways to count.
 */
export async function measureSdkCalls(
  url: string,
  calls: number,
  holdFirstMs: number,
  log: (line: string) => void,
  variant: 'sdk' | 'trickle-after-ack' = 'sdk',
): Promise<SdkCallsOutcome> {
  const [aliceT, bobT] = [new Timeline(), new Timeline()];
  // BENCH_DEBUG also times every HTTP exchange and prints each call's steps, as baseline.ts prints its marks.
  const debug = Boolean(process.env.BENCH_DEBUG);
  const client = (timeline: Timeline) => {
    const base = debug ? timeline.tracingFetch() : fetch;
    const gated = variant === 'trickle-after-ack' ? trickleAfterAckFetch(base) : base;
    return createJanusCall({ server: url, rtc: weriftRtc(), inspect: timeline.inspect, fetch: gated });
  };
  const [alice, bob] = [client(aliceT), client(bobT)];
  const results: SdkCallResult[] = [];
  let failures = 0;
  let held: SdkCallsOutcome['held'] = null;
  try {
    const [a, b] = [`alice-${Math.random().toString(36).slice(2, 7)}`, `bob-${Math.random().toString(36).slice(2, 7)}`];
    alice.register(a);
    bob.register(b);
    await Promise.all([until(alice, (v) => v.status === 'registered', 10_000), until(bob, (v) => v.status === 'registered', 10_000)]);
    bob.on('incomingcall', () => bob.accept());
    aliceT.watch(alice);
    bobT.watch(bob);

    for (let i = 1; i <= calls; i++) {
      try {
        await Promise.all([settled(alice), settled(bob)]);
        aliceT.reset();
        bobT.reset();
        const t0 = performance.now();
        alice.call(b);
        await Promise.all([until(alice, (v) => v.status === 'mediaUp', 10_000), until(bob, (v) => v.status === 'mediaUp', 10_000)]);
        const [sa, sb] = await Promise.all([mediaArrived(alice), mediaArrived(bob)]);
        if (!flowing(sa) || !flowing(sb)) throw new Error('media missing');
        let stats: [CallStats, CallStats] = [sa, sb];
        if (i === 1 && holdFirstMs > 0) {
          await sleep(holdFirstMs);
          const [ha, hb] = await Promise.all([alice.getStats(), bob.getStats()]);
          if (ha && hb) stats = [ha, hb];
          held = { ms: holdFirstMs, stats };
        }
        const since = (t: Timeline, name: string) => (t.at(name) ?? Number.NaN) - t0;
        const r: SdkCallResult = {
          callerWebrtcup: since(aliceT, 'janus.webrtcup'),
          calleeWebrtcup: since(bobT, 'janus.webrtcup'),
          callerMediaUp: since(aliceT, 'status mediaUp'),
          calleeMediaUp: since(bobT, 'status mediaUp'),
          caller: aliceT.relative(t0),
          callee: bobT.relative(t0),
          stats,
        };
        results.push(r);
        if (debug) {
          const steps = [...r.caller.map(([n, at]) => `alice ${n}`.padEnd(40) + at.toFixed(1)), ...r.callee.map(([n, at]) => `bob ${n}`.padEnd(40) + at.toFixed(1))];
          for (const step of steps.sort((x, y) => Number(x.slice(40)) - Number(y.slice(40)))) log(`  ${step}`);
        }
        const f = (v: number) => v.toFixed(1);
        log(
          `call ${i}: webrtcup caller ${f(r.callerWebrtcup)} / callee ${f(r.calleeWebrtcup)} ms; mediaUp caller ${f(r.callerMediaUp)} / callee ${f(r.calleeMediaUp)} ms`,
        );
      } catch (error) {
        failures++;
        log(`call ${i}: FAILED ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        if (alice.view.peer !== null) alice.hangup();
        await Promise.all([
          until(alice, (v) => v.status === 'registered' && v.peer === null, 10_000),
          until(bob, (v) => v.status === 'registered' && v.peer === null, 10_000),
        ]).catch(() => undefined);
      }
    }
  } finally {
    await Promise.all([alice.stop(), bob.stop()]);
  }
  return { results, failures, held };
}

/** One call's figures, without its stats objects: what a child process reports. */
export type SdkCallFigures = Omit<SdkCallResult, 'stats'>;

export interface SdkCallsReport {
  succeeded: number;
  failed: number;
  perCall: SdkCallFigures[];
  held: { ms: number; packetsIn: Array<{ audio: number; video: number }> } | null;
}

/** The JSON-friendly figures of a run. */
export function reportSdkCalls(outcome: SdkCallsOutcome): SdkCallsReport {
  return {
    succeeded: outcome.results.length,
    failed: outcome.failures,
    perCall: outcome.results.map(({ stats: _stats, ...figures }) => figures),
    held: outcome.held && {
      ms: outcome.held.ms,
      packetsIn: outcome.held.stats.map((s) => ({ audio: s.audio.received.packets, video: s.video.received.packets })),
    },
  };
}
