import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, uniqueName } from './src/browser.js';
import { DemoPage } from './src/demo-page.js';
import { type ServedApp, serveApp } from './src/serve-app.js';
import type { Framework } from './src/stack.js';

// The global setup serves only FRAMEWORK's demo; the other one is built and served here.
let browser: Browser | undefined;
let other: ServedApp | undefined;
const urls: Partial<Record<Framework, string>> = {};
const pages: DemoPage[] = [];

beforeAll(async () => {
  const served = inject('framework');
  const missing: Framework = served === 'react' ? 'vue' : 'react';
  urls[served] = inject('appUrl');
  [browser, other] = await Promise.all([launchChromium(), serveApp(missing)]);
  urls[missing] = other.url;
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});

afterAll(async () => {
  await browser?.close();
  await other?.close();
});

async function open(framework: Framework): Promise<DemoPage> {
  const page = await DemoPage.open(browser!, urls[framework]!, inject('janusUrl'));
  pages.push(page);
  return page;
}

async function registered(page: DemoPage, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await page.register(name);
  await page.waitForStatus(new RegExp(`Registered as ${name}`));
  return name;
}

describe('React and Vue demos on one Janus', () => {
  it.each([
    ['react', 'vue'],
    ['vue', 'react'],
  ] as const)('a %s page calls a %s page and both see the other', async (from, to) => {
    const [callerPage, calleePage] = await Promise.all([open(from), open(to)]);
    const [caller, callee] = await Promise.all([registered(callerPage, from), registered(calleePage, to)]);
    await callerPage.waitForPeer(callee);
    await callerPage.call(callee);
    await calleePage.incomingCall().waitFor();
    expect(await calleePage.incomingCall().textContent()).toContain(caller);
    await calleePage.accept();
    await Promise.all([
      callerPage.waitForStatus(new RegExp(`In a call with ${callee}`)),
      calleePage.waitForStatus(new RegExp(`In a call with ${caller}`)),
    ]);
    // waitForPlaying: a decoded picture (videoWidth > 0) and a clock (currentTime) that moves on.
    const [seenByCaller, seenByCallee] = await Promise.all([callerPage.waitForPlaying('Remote'), calleePage.waitForPlaying('Remote')]);
    expect(seenByCaller.width).toBeGreaterThan(0);
    expect(seenByCallee.width).toBeGreaterThan(0);
    await calleePage.hangUp();
    await Promise.all([
      callerPage.waitForStatus(new RegExp(`Registered as ${caller}`)),
      calleePage.waitForStatus(new RegExp(`Registered as ${callee}`)),
    ]);
    expect([...callerPage.dialogs, ...calleePage.dialogs]).toEqual([]);
  });
});
