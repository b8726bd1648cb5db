import { createJanusCall } from '@janus-call/core';
import { FakeJanus, FakeRtc, until } from '@janus-call/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bot, BotStartError, startBot } from './bot.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function fakeBot(janus: FakeJanus, username = 'echo') {
  const lines: string[] = [];
  const bot: Bot = await startBot({
    server: 'http://fake/janus',
    username,
    rtc: new FakeRtc(),
    client: { transport: janus.transport() },
    reconnect: { initialMs: 10, maxMs: 40 },
    log: (line) => lines.push(line),
    warn: (line) => lines.push(line),
  });
  stops.push(() => bot.stop());
  return { bot, lines };
}

describe('startBot', () => {
  it('rejects with a clear BotStartError when the name is taken, and stops its client', async () => {
    const janus = new FakeJanus();
    await fakeBot(janus, 'echo');
    const error = await fakeBot(janus, 'echo').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BotStartError);
    expect((error as BotStartError).message).toBe('The username "echo" is already taken on this Janus (476); pick another with --username');
    expect(janus.sessions.size).toBe(1);
  });

  it('rejects when aborted before it registered', async () => {
    const janus = new FakeJanus();
    janus.hold('createSession');
    const controller = new AbortController();
    const starting = startBot({
      server: 'http://fake/janus',
      username: 'echo',
      rtc: new FakeRtc(),
      client: { transport: janus.transport() },
      log: () => {},
      signal: controller.signal,
    });
    controller.abort();
    janus.release('createSession');
    await expect(starting).rejects.toThrow(/Stopped before the registration completed/);
    expect(janus.sessions.size).toBe(0);
  });

  it('after the session is lost, the client replaces it and the bot retries the registration while the old name is still held', async () => {
    const janus = new FakeJanus();
    const { bot, lines } = await fakeBot(janus);
    const sessionId = bot.call.actor.getSnapshot().context.sessionId!;
    // Another client holds the name for a moment, as a lingering old session would on a real Janus.
    const squatter = createJanusCall({ server: 'http://fake/janus', transport: janus.transport(), rtc: new FakeRtc() });
    await until(squatter, (v) => v.status === 'idle');
    janus.dropSession(sessionId);
    squatter.register('echo');
    await until(squatter, (v) => v.status === 'registered');
    await until(bot.call, (v) => v.status === 'idle' && v.error?.code === 476, 2000);
    await squatter.stop();

    await until(bot.call, (v) => v.status === 'registered', 2000);
    const text = lines.join('\n');
    expect(text).not.toMatch(/client failed/);
    expect(text).toMatch(/re-registration refused \(VideocallError 476: .*\); retrying in \d+ ms \(attempt 1\)/);
    expect(text).toMatch(/registered again as echo/);
    expect(janus.sessions.size).toBe(1);
  });

  it('when the client gives up (recovery off), the bot reconnects it itself with a backoff', async () => {
    const janus = new FakeJanus();
    const lines: string[] = [];
    const bot = await startBot({
      server: 'http://fake/janus',
      username: 'echo',
      rtc: new FakeRtc(),
      client: { transport: janus.transport(), recovery: false },
      reconnect: { initialMs: 10, maxMs: 40 },
      log: (line) => lines.push(line),
      warn: (line) => lines.push(line),
    });
    stops.push(() => bot.stop());
    janus.dropSession(bot.call.actor.getSnapshot().context.sessionId!);
    await until(bot.call, (v) => v.status === 'failed', 2000);
    await until(bot.call, (v) => v.status === 'registered', 2000);
    const text = lines.join('\n');
    expect(text).toMatch(/client failed/);
    expect(text).toMatch(/reconnecting; retrying in \d+ ms \(attempt 1\)/);
    expect(text).toMatch(/registered again as echo/);
    expect(janus.sessions.size).toBe(1);
  });
});
