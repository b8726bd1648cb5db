// The protocol floor of call setup: raw fetch against the Janus REST API and two werift peers
// from weriftRtc(), no SDK state machine. Starts its own Janus; run it inside the namespace:
//
//   bash tools/janus-harness/bin/in-netns.sh npx tsx bench/call-setup/baseline.ts [--calls 20] [--hold-first 2000] [--actpass]
//
// Measures, per call, the time from just before createOffer to `webrtcup` on each side.
import { register } from 'node:module';
import type { CallStats, Jsep, LocalCandidate, RtcPeer } from '@janus-call/core';

// Workspace packages resolve to their sources (the "source" export condition) without a build.
register('data:text/javascript,export function resolve(s, c, n) { return n(s, { ...c, conditions: [...c.conditions, "source"] }); }');
const { startJanus, hasUsableInterface } = await import('@janus-call/janus-harness');
const { weriftRtc } = await import('@janus-call/werift');

type Msg = Record<string, unknown> & { janus: string; transaction?: string; jsep?: Jsep };
type Logged = { at: number; msg: Msg };

const WAIT_MS = 10_000;
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? Number.NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const calls = arg('--calls', 20) || 20;
/** How long the first call stays up before its packet counts are read. */
const holdFirstMs = arg('--hold-first', 2000);
/** Offer a=setup:actpass as werift writes it, to see what the setup:active rewrite saves. */
const actpass = process.argv.includes('--actpass');
const tx = () => Math.random().toString(36).slice(2, 12);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const result = (m: Msg) => ((m.plugindata as { data?: { result?: Record<string, unknown> } } | undefined)?.data?.result ?? {});

/** One Janus session with one videocall handle and its long-poll. Every event is logged with its arrival time. */
class Party {
  readonly log: Logged[] = [];
  private waiters: Array<() => void> = [];
  private readonly poller = new AbortController();
  private failure: Error | null = null;
  private constructor(
    readonly name: string,
    private readonly url: string,
    readonly session: number,
    public handle = 0,
  ) {}

  static async create(name: string, url: string): Promise<Party> {
    const created = await post(url, { janus: 'create' });
    const party = new Party(name, url, (created.data as { id: number }).id);
    party.handle = ((await post(`${url}/${party.session}`, { janus: 'attach', plugin: 'janus.plugin.videocall' })).data as { id: number }).id;
    void party.poll();
    return party;
  }

  private async poll() {
    try {
      while (!this.poller.signal.aborted) {
        const res = await fetch(`${this.url}/${this.session}?maxev=10`, { signal: this.poller.signal });
        if (res.status === 404) throw new Error('session gone (404 on the long-poll)');
        const body = (await res.json()) as Msg | Msg[];
        const at = performance.now();
        for (const msg of Array.isArray(body) ? body : [body]) if (msg.janus !== 'keepalive') this.log.push({ at, msg });
        for (const wake of this.waiters.splice(0)) wake();
      }
    } catch (error) {
      // A dead poll fails the waits, so the run still hangs up and stops Janus.
      if (!this.poller.signal.aborted) this.failure = error instanceof Error ? error : new Error(String(error));
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** The first logged event from index `from` on that matches; waits for it up to WAIT_MS. */
  async waitFor(what: string, match: (m: Msg) => boolean, from = 0): Promise<Logged> {
    const deadline = performance.now() + WAIT_MS;
    for (;;) {
      const hit = this.log.slice(from).find((entry) => match(entry.msg));
      if (hit) return hit;
      if (this.failure) throw new Error(`${this.name}: long-poll failed: ${this.failure.message}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.name}: no ${what} within ${WAIT_MS} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** Send a plugin request; resolves with the plugin's event of the same transaction. */
  async request(body: Record<string, unknown>, jsep?: Jsep, onAck?: () => void): Promise<Logged> {
    const transaction = tx();
    const from = this.log.length;
    await post(`${this.url}/${this.session}/${this.handle}`, { janus: 'message', body, jsep, transaction }, 'ack');
    onAck?.();
    const reply = await this.waitFor(`reply to ${String(body.request)}`, (m) => m.transaction === transaction, from);
    const error = (reply.msg.plugindata as { data?: { error?: string } } | undefined)?.data?.error;
    if (error) throw new Error(`${this.name}: ${String(body.request)} failed: ${error}`);
    return reply;
  }

  /**
   * Trickle local candidates once released (after Janus acked the JSEP): what is queued goes in
   * one request, later ones batched per tick, then `completed`.
   */
  trickle(peer: RtcPeer): { release: () => void; done: Promise<void> } {
    const path = `${this.url}/${this.session}/${this.handle}`;
    const queue: LocalCandidate[] = [];
    let released = false;
    let complete = false;
    let scheduled = false;
    let settle!: { resolve: () => void; reject: (error: unknown) => void };
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    done.catch(() => undefined); // awaited later; never an unhandled rejection meanwhile
    const flush = () => {
      scheduled = false;
      if (!released) return;
      if (queue.length > 0) post(path, { janus: 'trickle', candidates: queue.splice(0) }, 'ack').catch(settle.reject);
      if (complete) post(path, { janus: 'trickle', candidate: { completed: true } }, 'ack').then(settle.resolve, settle.reject);
      complete = false;
    };
    peer.onLocalCandidate((candidate) => {
      if (candidate) queue.push(candidate);
      else complete = true;
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    });
    return {
      release: () => {
        released = true;
        flush();
      },
      done,
    };
  }

  async close() {
    await post(`${this.url}/${this.session}/${this.handle}`, { janus: 'detach' }).catch(() => undefined);
    await post(`${this.url}/${this.session}`, { janus: 'destroy' }).catch(() => undefined);
    this.poller.abort();
  }
}

async function post(url: string, body: Record<string, unknown>, expect = 'success'): Promise<Msg> {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify({ transaction: tx(), ...body }), signal: AbortSignal.timeout(WAIT_MS) });
  const msg = (await res.json()) as Msg;
  if (msg.janus !== expect) throw new Error(`${String(body.janus)} → ${JSON.stringify(msg)}`);
  return msg;
}

const isEvent = (name: string) => (m: Msg) => m.janus === 'event' && result(m).event === name;
const flowing = (s: CallStats) => s.audio.received.packets > 0 && s.video.received.packets > 0;

/** Waits until both kinds arrived on this peer (up to 5 s) and returns its stats. */
async function mediaArrived(peer: RtcPeer): Promise<CallStats> {
  let stats = await peer.getStats();
  for (let i = 0; i < 50 && !flowing(stats); i++) stats = await sleep(100).then(() => peer.getStats());
  return stats;
}

interface CallResult {
  caller: number;
  callee: number;
  stats: [CallStats, CallStats];
  heldMs: number;
}

async function oneCall(alice: Party, bob: Party, rtc: ReturnType<typeof weriftRtc>, holdMs: number): Promise<CallResult> {
  const peers: RtcPeer[] = [];
  const [fromA, fromB] = [alice.log.length, bob.log.length];
  try {
    const aPeer = rtc.createPeer({ iceServers: [] });
    peers.push(aPeer);
    aPeer.addLocalMedia(await rtc.getLocalMedia({ audio: true, video: true }));
    const aTrickle = alice.trickle(aPeer);

    const t0 = performance.now();
    const mark = (what: string) => process.env.BENCH_DEBUG && console.log(`  ${what} +${(performance.now() - t0).toFixed(1)}`);
    const offer = await aPeer.createOffer();
    mark('offer');
    await aPeer.setLocalDescription(offer);
    mark('alice SLD');
    const calling = alice.request({ request: 'call', username: 'bob' }, offer, aTrickle.release);
    calling.catch(() => undefined); // awaited below, after bob answered

    const incoming = await bob.waitFor('incomingcall', isEvent('incomingcall'), fromB);
    mark('incomingcall');
    const bPeer = rtc.createPeer({ iceServers: [] });
    peers.push(bPeer);
    const bTrickle = bob.trickle(bPeer);
    await bPeer.setRemoteDescription(incoming.msg.jsep!);
    bPeer.addLocalMedia(await rtc.getLocalMedia({ audio: true, video: true }));
    const answer = await bPeer.createAnswer();
    await bPeer.setLocalDescription(answer);
    mark('bob SLD');
    await bob.request({ request: 'accept' }, answer, bTrickle.release);
    mark('accepted (bob)');

    await calling;
    const accepted = await alice.waitFor('accepted', isEvent('accepted'), fromA);
    mark('accepted (alice)');
    await aPeer.setRemoteDescription(accepted.msg.jsep!);
    mark('alice SRD');
    aPeer.onConnectionState((st) => mark(`alice ${st}`));
    bPeer.onConnectionState((st) => mark(`bob ${st}`));

    const [upA, upB] = await Promise.all([
      alice.waitFor('webrtcup', (m) => m.janus === 'webrtcup', fromA),
      bob.waitFor('webrtcup', (m) => m.janus === 'webrtcup', fromB),
    ]);
    await Promise.all([aTrickle.done, bTrickle.done]);
    let stats = (await Promise.all([mediaArrived(aPeer), mediaArrived(bPeer)])) as [CallStats, CallStats];
    // Optionally keep the call up, to see media keep flowing at its nominal rate.
    if (holdMs > 0) stats = await sleep(holdMs).then(() => Promise.all([aPeer.getStats(), bPeer.getStats()]));
    return { caller: upA.at - t0, callee: upB.at - t0, stats, heldMs: holdMs };
  } finally {
    // Hang up before closing: Janus would keep the call 40 s otherwise.
    const [hA, hB] = [alice.log.length, bob.log.length];
    await alice.request({ request: 'hangup' }).catch(() => undefined);
    // The plugin's `hangup` event comes first; the handle is free for a new call (no 480) only once
    // Janus closed its PeerConnection, which the core `hangup` event tells.
    await Promise.all([
      alice.waitFor('hangup', (m) => m.janus === 'hangup', hA).catch(() => undefined),
      bob.waitFor('hangup', (m) => m.janus === 'hangup', hB).catch(() => undefined),
    ]);
    for (const peer of peers) peer.close();
  }
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0] ?? Number.NaN), max: round(sorted.at(-1) ?? Number.NaN) };
}

const packets = (s: CallStats) => `audio ${s.audio.received.packets} / video ${s.video.received.packets} pkts in`;

async function main() {
  if (!hasUsableInterface()) throw new Error('No non-loopback interface: run through tools/janus-harness/bin/in-netns.sh');
  const janus = await startJanus();
  const parties: Party[] = [];
  const results: CallResult[] = [];
  let failures = 0;
  try {
    const [alice, bob] = await Promise.all([Party.create('alice', janus.url), Party.create('bob', janus.url)]);
    parties.push(alice, bob);
    await Promise.all([alice.request({ request: 'register', username: 'alice' }), bob.request({ request: 'register', username: 'bob' })]);
    const rtc = weriftRtc({ preferSetupActive: !actpass });
    for (let i = 1; i <= calls; i++) {
      try {
        const r = await oneCall(alice, bob, rtc, i === 1 ? holdFirstMs : 0);
        const ok = flowing(r.stats[0]) && flowing(r.stats[1]);
        if (ok) results.push(r);
        else failures++;
        console.log(
          `call ${i}: caller ${r.caller.toFixed(1)} ms, callee ${r.callee.toFixed(1)} ms; alice ${packets(r.stats[0])}, bob ${packets(r.stats[1])}${ok ? '' : ' — MEDIA MISSING'}`,
        );
      } catch (error) {
        failures++;
        console.log(`call ${i}: FAILED ${error instanceof Error ? error.message : String(error)}`);
        if (process.env.BENCH_DEBUG) for (const p of [alice, bob]) console.log(p.name, JSON.stringify(p.log.slice(-8).map((e) => ({ ...e.msg, jsep: undefined }))));
      }
    }
  } finally {
    await Promise.all(parties.map((p) => p.close()));
    await janus.stop();
  }
  const caller = summary(results.map((r) => r.caller));
  const callee = summary(results.map((r) => r.callee));
  const held = results.find((r) => r.heldMs > 0);
  console.log(`\n${results.length}/${calls} calls with media both ways; call → webrtcup (ms):`);
  console.log(`  caller: median ${caller.median}, p95 ${caller.p95} (min ${caller.min}, max ${caller.max})`);
  console.log(`  callee: median ${callee.median}, p95 ${callee.p95} (min ${callee.min}, max ${callee.max})`);
  const received = (s: CallStats) => ({ audio: s.audio.received, video: s.video.received });
  const media = held && { heldMs: held.heldMs, alice: received(held.stats[0]), bob: received(held.stats[1]) };
  if (held) console.log(`  first call, held ${held.heldMs} ms: alice ${packets(held.stats[0])}, bob ${packets(held.stats[1])}`);
  console.log(JSON.stringify({ bench: 'call-setup', run: actpass ? 'baseline-actpass' : 'baseline', calls, succeeded: results.length, failed: failures, caller, callee, heldCall: media }));
  if (results.length === 0) process.exitCode = 1;
}

await main();
