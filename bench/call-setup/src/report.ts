import type { BaselineCall } from './baseline-run.js';
import type { SdkCallFigures } from './sdk-calls.js';
import { type Summary, ratio, summary } from './stats.js';

const say = (line = '') => console.log(line);
const pad = (text: string, width: number) => text.padEnd(width);
const cell = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(1)).padStart(8);

export interface Round {
  baseline: BaselineCall[];
  sdk: SdkCallFigures[];
}

export interface CallSetupFigures {
  baseline: { caller: Summary; callee: Summary };
  sdk: { callerWebrtcup: Summary; calleeWebrtcup: Summary; callerMediaUp: Summary; calleeMediaUp: Summary };
  ratios: Record<string, number>;
}

function figures(baseline: BaselineCall[], sdk: SdkCallFigures[]): CallSetupFigures {
  const b = { caller: summary(baseline.map((c) => c.caller)), callee: summary(baseline.map((c) => c.callee)) };
  const s = {
    callerWebrtcup: summary(sdk.map((c) => c.callerWebrtcup)),
    calleeWebrtcup: summary(sdk.map((c) => c.calleeWebrtcup)),
    callerMediaUp: summary(sdk.map((c) => c.callerMediaUp)),
    calleeMediaUp: summary(sdk.map((c) => c.calleeMediaUp)),
  };
  return {
    baseline: b,
    sdk: s,
    ratios: {
      callerWebrtcupMedian: ratio(s.callerWebrtcup.median, b.caller.median),
      calleeWebrtcupMedian: ratio(s.calleeWebrtcup.median, b.callee.median),
      callerWebrtcupP95: ratio(s.callerWebrtcup.p95, b.caller.p95),
      calleeWebrtcupP95: ratio(s.calleeWebrtcup.p95, b.callee.p95),
      callerMediaUpMedian: ratio(s.callerMediaUp.median, b.caller.median),
      calleeMediaUpMedian: ratio(s.calleeMediaUp.median, b.callee.median),
      callerMediaUpP95: ratio(s.callerMediaUp.p95, b.caller.p95),
      calleeMediaUpP95: ratio(s.calleeMediaUp.p95, b.callee.p95),
    },
  };
}

// Rows: [label, baseline.ts mark, SDK side, SDK step]. Baseline marks count from just before createOffer.
const STEPS: Array<[string, string | null, 'caller' | 'callee', string]> = [
  ['caller: offer made (after SLD)', 'alice SLD', 'caller', 'rtc.offer'],
  ['caller: `calling` reply', null, 'caller', 'calling reply'],
  ['callee: incomingcall', 'incomingcall', 'callee', 'videocall.incomingcall'],
  ['callee: answer made (after SLD)', 'bob SLD', 'callee', 'rtc.answer'],
  ['callee: `accepted` reply', 'accepted (bob)', 'callee', 'accept reply'],
  ['caller: accepted event', 'accepted (alice)', 'caller', 'videocall.accepted'],
  ['caller: PC connected', 'alice connected', 'caller', 'rtc connected'],
  ['callee: PC connected', 'bob connected', 'callee', 'rtc connected'],
  ['caller: webrtcup', null, 'caller', 'janus.webrtcup'],
  ['callee: webrtcup', null, 'callee', 'janus.webrtcup'],
  ['caller: remote track', null, 'caller', 'rtc.remoteStream'],
  ['caller: Janus receives audio', null, 'caller', 'janus media audio on'],
  ['caller: Janus receives video', null, 'caller', 'janus media video on'],
  ['caller: mediaUp', null, 'caller', 'status mediaUp'],
  ['callee: remote track', null, 'callee', 'rtc.remoteStream'],
  ['callee: Janus receives audio', null, 'callee', 'janus media audio on'],
  ['callee: Janus receives video', null, 'callee', 'janus media video on'],
  ['callee: mediaUp', null, 'callee', 'status mediaUp'],
];

const median = (values: number[]) => (values.length > 0 ? summary(values).median : undefined);
const sdkStep = (calls: SdkCallFigures[], side: 'caller' | 'callee', step: string) =>
  median(calls.flatMap((c) => c[side].filter(([name]) => name === step).map(([, at]) => at)));
const baselineStep = (calls: BaselineCall[], mark: string) => median(calls.flatMap((c) => (c.steps[mark] === undefined ? [] : [c.steps[mark]])));

/** Prints the per-round and pooled comparison; returns the pooled figures. */
export function reportCallSetup(rounds: Round[], calls: number, peerSetup: Summary): CallSetupFigures {
  const row = (label: string, v: Pick<Summary, 'median' | 'p95'>) => say(`  ${pad(label, 36)}${cell(v.median)} ${cell(v.p95)}`);
  say(`\n== call setup, ms from the start of the call ==`);
  rounds.forEach((round, i) => {
    const f = figures(round.baseline, round.sdk);
    say(
      `  round ${i + 1} (${round.baseline.length} baseline / ${round.sdk.length} SDK calls of ${calls}): webrtcup median caller ${f.baseline.caller.median} → ${f.sdk.callerWebrtcup.median} (${f.ratios.callerWebrtcupMedian}×), callee ${f.baseline.callee.median} → ${f.sdk.calleeWebrtcup.median} (${f.ratios.calleeWebrtcupMedian}×); SDK mediaUp caller ${f.sdk.callerMediaUp.median}, callee ${f.sdk.calleeMediaUp.median}`,
    );
  });
  const baseline = rounds.flatMap((r) => r.baseline);
  const sdk = rounds.flatMap((r) => r.sdk);
  const pooled = figures(baseline, sdk);
  say(`\n  all rounds pooled (${baseline.length} baseline, ${sdk.length} SDK calls):`);
  say(`  ${pad('', 36)}  median      p95`);
  row('baseline  caller → webrtcup', pooled.baseline.caller);
  row('baseline  callee → webrtcup', pooled.baseline.callee);
  row('SDK       caller → webrtcup', pooled.sdk.callerWebrtcup);
  row('SDK       callee → webrtcup', pooled.sdk.calleeWebrtcup);
  row('SDK       caller → mediaUp', pooled.sdk.callerMediaUp);
  row('SDK       callee → mediaUp', pooled.sdk.calleeMediaUp);
  say(`  (werift createPeer + local media, inside the SDK's clock but before the baseline's: median ${peerSetup.median}, p95 ${peerSetup.p95} ms)`);

  const r = pooled.ratios;
  say(`\n  SDK / baseline, call → webrtcup (the same event on both): caller ${r.callerWebrtcupMedian}× median, ${r.callerWebrtcupP95}× p95; callee ${r.calleeWebrtcupMedian}× median, ${r.calleeWebrtcupP95}× p95`);
  say(`  SDK mediaUp / baseline webrtcup (mediaUp also waits for Janus to receive our media): caller ${r.callerMediaUpMedian}× median, ${r.callerMediaUpP95}× p95; callee ${r.calleeMediaUpMedian}× median, ${r.calleeMediaUpP95}× p95`);
  const worst = Math.max(r.callerWebrtcupMedian!, r.calleeWebrtcupMedian!);
  say(`  target ≤ 1.10× (webrtcup, medians): ${worst <= 1.1 ? 'met' : 'NOT met'}, worst side ${worst}×`);

  say(`\n  where the time goes, median ms (baseline from just before createOffer, SDK from call()):`);
  say(`  ${pad('step', 36)}baseline      SDK`);
  for (const [label, mark, side, step] of STEPS) say(`  ${pad(label, 36)}${cell(mark === null ? undefined : baselineStep(baseline, mark))} ${cell(sdkStep(sdk, side, step))}`);
  say(`  ${pad('caller: webrtcup (poll arrival)', 36)}${cell(pooled.baseline.caller.median)}`);
  say(`  ${pad('callee: webrtcup (poll arrival)', 36)}${cell(pooled.baseline.callee.median)}`);
  const signalling = (sdkStep(sdk, 'caller', 'videocall.accepted') ?? Number.NaN) - (baselineStep(baseline, 'accepted (alice)') ?? Number.NaN);
  const media = (sdkStep(sdk, 'caller', 'janus.webrtcup') ?? Number.NaN) - (sdkStep(sdk, 'caller', 'videocall.accepted') ?? Number.NaN);
  const floorMedia = pooled.baseline.caller.median - (baselineStep(baseline, 'accepted (alice)') ?? Number.NaN);
  say(`  caller: call → accepted event, SDK minus baseline: ${signalling.toFixed(1)} ms; accepted → webrtcup: SDK ${media.toFixed(1)} ms, baseline ${floorMedia.toFixed(1)} ms`);
  return pooled;
}
