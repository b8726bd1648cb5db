import { writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../src/browser.js';
import type { DemoPage } from '../src/demo-page.js';
import { artifact, useDemo } from './fixtures.js';

const demo = useDemo();
const CALLS = 10;

const GIVE_UP_MS = 15_000;

/**
 * Installs, in the caller's page, a clock that starts when the Call button is clicked and stops
 * when the Remote video shows a frame and its time moves; resolves with the milliseconds, or
 * `null` when no picture came within GIVE_UP_MS.
 */
function armStopwatch(page: DemoPage): Promise<number | null> {
  return page.page.evaluate(
    (giveUpMs) =>
      new Promise<number | null>((resolve) => {
        let clicked = 0;
        const onClick = (event: MouseEvent) => {
          const button = (event.target as Element | null)?.closest('button');
          if (button?.textContent?.trim() === 'Call') clicked = performance.now();
        };
        document.addEventListener('click', onClick, true);
        const started = performance.now();
        const poll = setInterval(() => {
          if (performance.now() - started > giveUpMs) {
            clearInterval(poll);
            resolve(null);
          }
          const video = document.querySelector<HTMLVideoElement>('video[aria-label="Remote video"]');
          if (clicked && video && video.videoWidth > 0 && video.currentTime > 0 && !video.paused) {
            clearInterval(poll);
            document.removeEventListener('click', onClick, true);
            resolve(performance.now() - clicked);
          }
        }, 5);
      }),
    GIVE_UP_MS,
  );
}

/** In the callee's page: press Accept the moment the banner shows, as a person never could. */
async function autoAccept(page: DemoPage): Promise<void> {
  await page.page.evaluate(() => {
    new MutationObserver(() => {
      const accept = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Accept');
      accept?.click();
    }).observe(document.body, { subtree: true, childList: true });
  });
}

/** Times CALLS calls; stops at the first one that shows no picture (and says so) rather than waiting out the rest. */
async function measure(caller: DemoPage, callerName: string, callee: string, answer?: DemoPage, answerName?: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const stopwatch = armStopwatch(caller);
    await caller.call(callee);
    const ms = await stopwatch;
    if (ms === null) {
      const [status, alert] = await Promise.all([caller.status().allTextContents(), caller.alert().allTextContents()]);
      console.warn(`call ${i + 1} to ${callee}: no remote picture within ${GIVE_UP_MS} ms (status "${status}", alert "${alert}"); measured ${times.length} calls`);
      if (await caller.button('Hang up').isVisible()) await caller.hangUp();
      break;
    }
    times.push(Math.round(ms));
    await caller.hangUp();
    await caller.waitForStatus(new RegExp(`Registered as ${callerName}`));
    if (answer) await answer.waitForStatus(new RegExp(`Registered as ${answerName}`));
  }
  return times;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};
const summary = (label: string, times: number[]) =>
  `${label}: median ${median(times)} ms, min ${Math.min(...times)}, max ${Math.max(...times)} over ${times.length} calls [${times.join(', ')}]`;

describe('call setup time (printed, not asserted)', () => {
  it(`click Call → remote video playing, ${CALLS} calls between two browsers and to the echo bot`, async () => {
    const [caller, callee] = await Promise.all([demo.open(), demo.open()]);
    const [a, b] = [uniqueName('bench-a'), uniqueName('bench-b')];
    await caller.register(a);
    await callee.register(b);
    await callee.waitForStatus(new RegExp(`Registered as ${b}`));
    await caller.waitForPeer(b);
    await autoAccept(callee);

    const figures: Record<string, number[]> = { browser: await measure(caller, a, b, callee, b) };
    if (inject('botError') === '') figures.bot = await measure(caller, a, inject('botUsername'));

    const lines = [
      `[${inject('framework')}] ${summary('click Call → remote video playing, browser ↔ browser (callee auto-accepts)', figures.browser!)}`,
      !figures.bot
        ? 'echo bot: not running, not measured'
        : figures.bot.length
          ? `[${inject('framework')}] ${summary('click Call → remote video playing, browser → echo bot', figures.bot)}`
          : 'echo bot: no remote picture, not measured',
    ];
    console.log(lines.join('\n'));
    writeFileSync(artifact('call-setup.json'), `${JSON.stringify({ calls: CALLS, medianMs: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.length ? median(v) : null])), figures }, null, 2)}\n`);
    expect(figures.browser).toHaveLength(CALLS);
  }, 240_000);
});
