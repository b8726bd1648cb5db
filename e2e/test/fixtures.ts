import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchChromium } from '../src/browser.js';
import { DemoPage } from '../src/demo-page.js';
import { ROOT } from '../src/stack.js';

/** One Chromium per test file; every page a test opens is disconnected and closed after it, pass or fail. */
export function useDemo() {
  let browser: Browser | undefined;
  const pages: DemoPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** A new person on the demo, connected to the run's Janus. */
    async open(): Promise<DemoPage> {
      const page = await DemoPage.open(browser!, inject('appUrl'), inject('janusUrl'));
      pages.push(page);
      return page;
    },
  };
}

/** Where screenshots and figures go: e2e/artifacts/ (git-ignored), prefixed with the framework. */
export function artifact(name: string): string {
  const dir = join(ROOT, 'e2e', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${inject('framework')}-${name}`);
}
