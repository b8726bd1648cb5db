import { fileURLToPath } from 'node:url';
import { hasUsableInterface, startJanus } from '@janus-call/janus-harness';
import { weriftRtc } from '@janus-call/werift';
import { type BaselineReport, runBaseline } from './baseline-run.js';
import { runChild } from './child.js';
import { type Round, reportCallSetup } from './report.js';
import { type SdkCallsReport, measureSdkCalls, reportSdkCalls } from './sdk-calls.js';
import { measureIdleSessions, measureRegistration } from './sessions.js';
import { type Summary, fmt, numberArg, ratio, summary } from './stats.js';

const calls = numberArg('--calls', 20) || 20;
const rounds = numberArg('--rounds', 3) || 3;
const registrations = numberArg('--registrations', 20) || 20;
const sessions = numberArg('--sessions', 200);
const idleMs = numberArg('--idle-ms', 5000);
const holdFirstMs = numberArg('--hold-first', 2000);
const argAfter = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const part = argAfter('--part') ?? 'all';
const variant = argAfter('--variant') === 'trickle-after-ack' ? 'trickle-after-ack' : 'sdk';

const say = (line = '') => console.log(line);
const indent = (prefix: string) => (line: string) => console.log(`  ${prefix}${line}`);
const sdkScript = fileURLToPath(new URL('../sdk.ts', import.meta.url));

/** Peer creation and local media: the SDK's clock includes them, baseline.ts starts its clock after them. */
async function peerSetupCost(count: number): Promise<Summary> {
  const rtc = weriftRtc();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const peer = rtc.createPeer({ iceServers: [] });
    peer.addLocalMedia(await rtc.getLocalMedia({ audio: true, video: true }));
    times.push(performance.now() - t0);
    peer.close();
  }
  return summary(times);
}

/** `--part calls`: only the SDK calls, against a Janus of their own; the result is one JSON line. */
async function callsOnly(): Promise<void> {
  const janus = await startJanus();
  try {
    const outcome = await measureSdkCalls(janus.url, calls, holdFirstMs, say, variant);
    const report = reportSdkCalls(outcome);
    const of = (pick: (c: SdkCallsReport['perCall'][number]) => number) => fmt(summary(report.perCall.map(pick)));
    say(`${variant}: webrtcup caller ${of((c) => c.callerWebrtcup)}; callee ${of((c) => c.calleeWebrtcup)}`);
    say(`${variant}: mediaUp caller ${of((c) => c.callerMediaUp)}; callee ${of((c) => c.calleeMediaUp)}`);
    if (report.held) say(`${variant}: first call held ${report.held.ms} ms, packets in: ${JSON.stringify(report.held.packetsIn)}`);
    console.log(JSON.stringify({ bench: 'call-setup', run: variant, calls, ...report }));
    if (outcome.results.length === 0) process.exitCode = 1;
  } finally {
    await janus.stop();
  }
}

/** Baseline and SDK call runs, each a child process with a Janus of its own, alternating in order so drift in machine load hits both. */
async function callRounds(): Promise<Round[]> {
  const all: Round[] = [];
  for (let i = 1; i <= rounds; i++) {
    let baseline: BaselineReport | undefined;
    let sdk: SdkCallsReport | undefined;
    const runBaselineNow = async () => {
      say(`\n== round ${i}: baseline.ts (raw fetch + werift, no SDK), ${calls} calls ==`);
      baseline = await runBaseline(calls, indent('[baseline] '));
    };
    const runSdkNow = async () => {
      say(`\n== round ${i}: SDK, ${calls} calls, alice → bob, bob accepts on incomingcall ==`);
      const args = ['--part', 'calls', '--calls', String(calls), '--hold-first', String(holdFirstMs), '--variant', variant];
      sdk = (await runChild(sdkScript, args, indent('[sdk] '))) as unknown as SdkCallsReport;
    };
    if (i % 2 === 1) await runBaselineNow().then(runSdkNow);
    else await runSdkNow().then(runBaselineNow);
    all.push({ baseline: baseline!.perCall, sdk: sdk!.perCall });
  }
  return all;
}

export async function run(): Promise<void> {
  if (!hasUsableInterface()) throw new Error('No non-loopback interface: run through tools/janus-harness/bin/in-netns.sh');
  if (part === 'calls') return callsOnly();
  say(`call-setup bench: Node ${process.version}; ${rounds} rounds × ${calls} calls (${variant}); ${registrations} registrations; ${sessions} idle sessions`);

  const callSetup = await callRounds();

  const janus = await startJanus();
  const admin = { adminUrl: janus.adminUrl, adminSecret: janus.adminSecret };
  let idle: Awaited<ReturnType<typeof measureIdleSessions>> | null = null;
  let registration: Awaited<ReturnType<typeof measureRegistration>>;
  try {
    // Before anything else allocates in this process (the calls ran in children), so the RSS delta is the sessions'.
    if (sessions > 0) {
      say(`\n== ${sessions} idle registered sessions (one HTTP long-poll each), idle ${idleMs} ms ==`);
      idle = await measureIdleSessions(janus.url, admin, janus.pid, sessions, idleMs);
      say(`  registered ${idle.registered}/${idle.sessions} in ${idle.registerAllMs} ms (batches of 20); gc before readings: ${idle.gc ? 'yes' : 'NO (run with --expose-gc)'}`);
      say(`  this process RSS: ${idle.rssBeforeMb} MB before → ${idle.rssAfterMb} MB with them: ${idle.rssPerSessionKb} KB per session (JS heap ${idle.heapPerSessionKb} KB per session)`);
      if (idle.janusRssBeforeMb !== null) say(`  Janus RSS: ${idle.janusRssBeforeMb} MB → ${idle.janusRssAfterMb} MB`);
      say(`  stop() of all ${idle.sessions} at once: ${idle.stopAllMs} ms; sessions left on the server (Admin API): ${idle.serverSessionsLeft}`);
    }
    say(`\n== createJanusCall → registered, ${registrations} one after another ==`);
    registration = await measureRegistration(janus.url, registrations);
    say(`  SDK: ${fmt(registration.sdk)} ms`);
    say(`  raw fetch (create → attach → register): ${fmt(registration.raw)} ms; SDK/raw medians ${ratio(registration.sdk.median, registration.raw.median)}`);
  } finally {
    await janus.stop();
  }

  const peerSetup = await peerSetupCost(20);
  const pooled = reportCallSetup(callSetup, calls, peerSetup);
  console.log(JSON.stringify({ bench: 'call-setup', run: 'all', variant, node: process.version, rounds, calls, callSetup: pooled, peerSetup, registration, idle }));
  if (callSetup.every((r) => r.sdk.length === 0)) process.exitCode = 1;
}
