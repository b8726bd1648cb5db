import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type CallStats, type JanusCall, VideocallError, createJanusCall } from '@janus-call/core';
import { until } from '@janus-call/core/testing';
import { weriftRtc } from '@janus-call/werift';
import { afterEach, describe, expect, inject, it } from 'vitest';
// Relative, like src/local-janus.ts: the harness is a tool of this repository, not a dependency of the bot.
import { freePort, listSessions, startJanus } from '../../../tools/janus-harness/src/index.js';
import { type Bot, BotStartError, startBot } from '../src/bot.js';

const server = inject('janusUrl');
const admin = { adminUrl: inject('janusAdminUrl'), adminSecret: inject('janusAdminSecret') };
const root = fileURLToPath(new URL('../../../', import.meta.url));
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function caller(janusUrl = server): Promise<{ call: JanusCall; username: string }> {
  const call = createJanusCall({ server: janusUrl, rtc: weriftRtc() });
  cleanups.push(() => call.stop());
  const username = unique('caller');
  call.register(username);
  await until(call, (v) => v.status === 'registered', 10_000);
  return { call, username };
}

async function bot(options: { username?: string; janusUrl?: string; reconnect?: { initialMs: number; maxMs: number } } = {}) {
  const lines: string[] = [];
  const running: Bot = await startBot({
    server: options.janusUrl ?? server,
    username: options.username ?? unique('echo'),
    echo: true,
    log: (line) => lines.push(line),
    warn: (line) => lines.push(line),
    ...(options.reconnect && { reconnect: options.reconnect }),
  });
  cleanups.push(() => running.stop());
  return { bot: running, lines, username: running.call.view.username! };
}

const flowing = (s: CallStats | null) => !!s && s.audio.received.packets > 0 && s.video.received.packets > 0;

/** Polls stats until both kinds arrived (up to 8 s). */
async function received(call: JanusCall): Promise<CallStats | null> {
  let stats = await call.getStats();
  for (let i = 0; i < 80 && !flowing(stats); i++) stats = await sleep(100).then(() => call.getStats());
  return stats;
}

/** Calls `callee`, waits for mediaUp on the caller and for the echoed media to arrive. */
async function callUntilMedia(from: JanusCall, callee: string) {
  from.call(callee);
  await until(from, (v) => v.status === 'mediaUp', 10_000);
  const stats = await received(from);
  expect(stats?.audio.received.packets).toBeGreaterThan(0);
  expect(stats?.video.received.packets).toBeGreaterThan(0);
}

async function hangUp(from: JanusCall) {
  from.hangup();
  await until(from, (v) => v.status === 'registered' && v.peer === null, 10_000);
}

/** The bot as a user runs it: a child process through tsx, from the repository root. */
function spawnBot(args: string[]) {
  const child: ChildProcess = spawn('node_modules/.bin/tsx', ['--conditions=source', 'apps/bot/src/main.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(stdout)) {
      if (child.exitCode !== null) throw new Error(`bot exited (${child.exitCode}) before ${pattern}:\n${stdout}${stderr}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}${stderr}`);
      await sleep(50);
    }
  };
  return { child, exited, waitFor, output: () => ({ stdout, stderr }) };
}

describe('the echo bot against a real Janus', () => {
  it('answers every call: two calls in a row reach mediaUp with the echoed media, and it logs each state', async () => {
    const echo = await bot();
    const alice = await caller();

    await callUntilMedia(alice.call, echo.username);
    expect(echo.bot.call.view.status).toBe('mediaUp');
    expect(echo.bot.call.view.peer).toBe(alice.username);
    expect(flowing(await received(echo.bot.call))).toBe(true);
    await hangUp(alice.call);
    await until(echo.bot.call, (v) => v.status === 'registered' && v.lastCall !== null, 5000);

    await callUntilMedia(alice.call, echo.username);
    expect(echo.bot.answered).toBe(2);
    await hangUp(alice.call);
    await until(echo.bot.call, (v) => v.status === 'registered' && v.peer === null, 5000);

    const text = echo.lines.join('\n');
    expect(text).toMatch(new RegExp(`incoming {2}peer=${alice.username}`));
    expect(text).toMatch(new RegExp(`mediaUp {2}peer=${alice.username} {2}call=#2`));
    expect(text).toMatch(new RegExp(`registered {2}ended peer=${alice.username} cause=remote reason="We did the hangup"`));
    // One timestamped line each.
    for (const line of echo.lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z {2}\S/);
  }, 60_000);

  it('refuses to start when its username is taken (476), and leaves nothing behind', async () => {
    const first = await bot();
    const before = await listSessions(admin);
    const refused = await startBot({ server, username: first.username, log: () => {}, warn: () => {} }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(BotStartError);
    expect((refused as BotStartError).error).toBeInstanceOf(VideocallError);
    expect((refused as BotStartError).error?.code).toBe(476);
    expect((refused as BotStartError).message).toMatch(/already taken/);
    expect(await listSessions(admin)).toEqual(before);
  });

  it('as a process: answers, hangs up on SIGTERM, leaves no session, exits 0; a taken name exits 1', async () => {
    const before = new Set(await listSessions(admin));
    const username = unique('echo');
    const proc = spawnBot(['--server', server, '--username', username, '--echo']);
    await proc.waitFor(/ready: answering every call/);
    const botSessions = (await listSessions(admin)).filter((id) => !before.has(id));
    expect(botSessions).toHaveLength(1);

    // A second bot with the same name says why and exits non-zero.
    const clash = spawnBot(['--server', server, '--username', username, '--quiet']);
    expect((await clash.exited).code).toBe(1);
    expect(clash.output().stderr).toMatch(new RegExp(`"${username}" is already taken`));

    const alice = await caller();
    await callUntilMedia(alice.call, username);
    await proc.waitFor(/mediaUp {2}peer=/);

    proc.child.kill('SIGTERM');
    // The bot hangs up before it destroys its session: the caller is told, not left with dead media.
    const view = await until(alice.call, (v) => v.lastCall !== null, 10_000);
    expect(view.lastCall?.cause).toBe('remote');
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    const after = await listSessions(admin);
    expect(after.filter((id) => botSessions.includes(id))).toEqual([]);
    expect(proc.output().stdout).toMatch(/SIGTERM: hanging up and destroying the session/);
  }, 60_000);

  it('on SIGINT while idle it also destroys its session and exits 0', async () => {
    const before = new Set(await listSessions(admin));
    const proc = spawnBot(['--server', server, '--username', unique('pattern')]);
    await proc.waitFor(/ready: answering every call/);
    const botSessions = (await listSessions(admin)).filter((id) => !before.has(id));
    expect(botSessions).toHaveLength(1);
    proc.child.kill('SIGINT');
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    expect((await listSessions(admin)).filter((id) => botSessions.includes(id))).toEqual([]);
  }, 30_000);

  it('keeps going when Janus restarts: the client recovers, registers again and answers', async () => {
    const port = await freePort();
    let janus = await startJanus({ port });
    cleanups.push(() => janus.stop());
    const echo = await bot({ janusUrl: janus.url, reconnect: { initialMs: 200, maxMs: 1000 } });

    const statuses: string[] = [];
    echo.bot.call.subscribe((v) => statuses.push(v.status));
    await janus.kill();
    janus = await startJanus({ port });
    await until(echo.bot.call, (v) => statuses.includes('connecting') && v.status === 'registered', 20_000);
    expect(echo.lines.join('\n')).toMatch(/connection lost \(TransportError.*\); the client reconnects by itself \(attempt 1\)/);
    expect(echo.lines.join('\n')).toMatch(new RegExp(`registered again as ${echo.username}`));

    const alice = await caller(janus.url);
    await callUntilMedia(alice.call, echo.username);
  }, 60_000);
});
