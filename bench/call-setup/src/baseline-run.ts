import { fileURLToPath } from 'node:url';
import { runChild } from './child.js';

export interface BaselineCall {
  /** ms from just before createOffer to `webrtcup` on the long-poll. */
  caller: number;
  callee: number;
  /** baseline.ts's own step marks (BENCH_DEBUG), same clock. */
  steps: Record<string, number>;
}

export interface BaselineReport {
  succeeded: number;
  failed: number;
  perCall: BaselineCall[];
}

const script = fileURLToPath(new URL('../baseline.ts', import.meta.url));

/** Runs baseline.ts in a child process with BENCH_DEBUG and collects each successful call's figures and marks. */
export async function runBaseline(calls: number, log: (line: string) => void): Promise<BaselineReport> {
  let marks: Record<string, number> = {};
  const perCall: BaselineCall[] = [];
  const onLine = (line: string) => {
    const mark = /^ {2}(.+) \+([\d.]+)$/.exec(line);
    if (mark) {
      marks[mark[1]!] ??= Number(mark[2]);
      return;
    }
    log(line);
    const done = /^call \d+: caller ([\d.]+) ms, callee ([\d.]+) ms/.exec(line);
    if (done && !line.includes('MISSING')) perCall.push({ caller: Number(done[1]), callee: Number(done[2]), steps: marks });
    if (/^call \d+:/.test(line)) marks = {};
  };
  const result = await runChild(script, ['--calls', String(calls)], onLine, { BENCH_DEBUG: '1' });
  return { succeeded: Number(result.succeeded), failed: Number(result.failed), perCall };
}
