import { readFileSync } from 'node:fs';
import { type JanusCall, createJanusCall } from '@janus-call/core';
import { until } from '@janus-call/core/testing';
import { type AdminTarget, listSessions } from '@janus-call/janus-harness';
import { weriftRtc } from '@janus-call/werift';
import { rawRegister } from './raw-register.js';
import { type Summary, collect, mb, sleep, summary } from './stats.js';

const unique = (prefix: string, i: number) => `${prefix}-${i}-${Math.random().toString(36).slice(2, 7)}`;

export interface RegistrationResult {
  sdk: Summary;
  raw: Summary;
}

/**
 * `createJanusCall` → `registered`, one client at a time, alternating with the raw floor
 * (create → attach → register over fetch) so both see the same server state.
 */
export async function measureRegistration(url: string, count: number): Promise<RegistrationResult> {
  const sdk: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const call = createJanusCall({ server: url, rtc: weriftRtc() });
    call.register(unique('reg', i));
    try {
      await until(call, (v) => v.status === 'registered', 10_000);
      sdk.push(performance.now() - t0);
    } finally {
      await call.stop();
    }
    raw.push(await rawRegister(url, unique('raw', i)));
  }
  return { sdk: summary(sdk), raw: summary(raw) };
}

export interface IdleSessionsResult {
  sessions: number;
  registered: number;
  idleMs: number;
  gc: boolean;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssPerSessionKb: number;
  heapPerSessionKb: number;
  janusRssBeforeMb: number | null;
  janusRssAfterMb: number | null;
  registerAllMs: number;
  stopAllMs: number;
  serverSessionsLeft: number;
}

/** VmRSS of a process in bytes, from /proc; null where /proc is missing. */
function rssOf(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/**
 * RSS of this process with `count` registered, idle clients on the HTTP transport (one
 * long-poll each), then stops them all and asks the Admin API what is left on the server.
 */
export async function measureIdleSessions(url: string, admin: AdminTarget, janusPid: number, count: number, idleMs: number): Promise<IdleSessionsResult> {
  const gc = collect();
  await sleep(200);
  collect();
  const before = process.memoryUsage();
  const janusBefore = rssOf(janusPid);

  const clients: JanusCall[] = [];
  const t0 = performance.now();
  // Batches of 20: a burst of 200 session creations measures Janus's accept queue, not the SDK.
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) => {
      const call = createJanusCall({ server: url, rtc: weriftRtc() });
      clients.push(call);
      call.register(unique('idle', i + j));
      return until(call, (v) => v.status === 'registered', 20_000).then(
        () => true,
        () => false,
      );
    });
    await Promise.all(batch);
  }
  const registerAllMs = performance.now() - t0;
  const registered = clients.filter((c) => c.view.status === 'registered').length;

  await sleep(idleMs);
  collect();
  await sleep(200);
  collect();
  const after = process.memoryUsage();
  const janusAfter = rssOf(janusPid);

  const t1 = performance.now();
  await Promise.all(clients.map((c) => c.stop()));
  const stopAllMs = performance.now() - t1;
  const left = await listSessions(admin);

  return {
    sessions: count,
    registered,
    idleMs,
    gc,
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
    rssPerSessionKb: Math.round(((after.rss - before.rss) / count / 1024) * 10) / 10,
    heapPerSessionKb: Math.round(((after.heapUsed - before.heapUsed) / count / 1024) * 10) / 10,
    janusRssBeforeMb: janusBefore === null ? null : mb(janusBefore),
    janusRssAfterMb: janusAfter === null ? null : mb(janusAfter),
    registerAllMs: Math.round(registerAllMs),
    stopAllMs: Math.round(stopAllMs),
    serverSessionsLeft: left.length,
  };
}
