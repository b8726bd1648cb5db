import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { eventually } from './browser.js';

export type MediaToggle = 'Microphone' | 'Camera';
export interface VideoState {
  width: number;
  time: number;
  paused: boolean;
  frames: number;
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/**
 * One person using a demo app, driven only through accessible roles and names, so the same
 * spec runs against every framework's demo. The contract it relies on is in e2e/README.md.
 */
export class DemoPage {
  /** Messages of any alert()/confirm() the page opened: there must never be one. */
  readonly dialogs: string[] = [];
  private readonly inflight = new Set<unknown>();

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => this.inflight.add(request));
    page.on('requestfinished', (request) => this.inflight.delete(request));
    page.on('requestfailed', (request) => this.inflight.delete(request));
  }

  /** A fresh browser profile on the demo, connected to `janusUrl` through `?server=`. */
  static async open(browser: Browser, appUrl: string, janusUrl: string): Promise<DemoPage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const demo = new DemoPage(await context.newPage(), context);
    await demo.page.goto(`${appUrl}/?server=${encodeURIComponent(janusUrl)}`);
    await demo.waitForStatus(/Connected/);
    return demo;
  }

  status(): Locator {
    return this.page.getByRole('status');
  }
  alert(): Locator {
    return this.page.getByRole('alert');
  }
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
  field(label: 'Server' | 'Username' | 'Peer'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
  video(which: 'Local' | 'Remote'): Locator {
    return this.page.getByLabel(`${which} video`, { exact: true });
  }
  onlineUsers(): Locator {
    return this.page.getByRole('list', { name: 'Online users' });
  }
  incomingCall(): Locator {
    return this.page.getByRole('region', { name: 'Incoming call' });
  }

  async waitForStatus(text: RegExp, timeout = 15_000): Promise<void> {
    await this.status().filter({ hasText: text }).waitFor({ timeout });
  }
  async waitForAlert(text: RegExp, timeout = 15_000): Promise<string> {
    await this.alert().filter({ hasText: text }).waitFor({ timeout });
    return (await this.alert().textContent()) ?? '';
  }

  async register(username: string): Promise<void> {
    await this.field('Username').fill(username);
    await this.button('Register').click();
  }

  /** Refreshes the list until `username` is on it (the list changes only on refresh). */
  async waitForPeer(username: string): Promise<Locator> {
    const item = this.onlineUsers().getByRole('listitem').filter({ hasText: exactly(username) });
    await eventually(async () => {
      if ((await item.count()) === 1) return true;
      await this.button('Refresh').click();
      return false;
    }, `${username} in the Online users list`);
    return item;
  }

  async call(username: string): Promise<void> {
    await this.field('Peer').fill(username);
    await this.button('Call').click();
  }
  async accept(): Promise<void> {
    await this.incomingCall().getByRole('button', { name: 'Accept', exact: true }).click();
  }
  async decline(): Promise<void> {
    await this.incomingCall().getByRole('button', { name: 'Decline', exact: true }).click();
  }
  async hangUp(): Promise<void> {
    await this.button('Hang up').click();
  }

  async pressed(toggle: MediaToggle): Promise<boolean> {
    return (await this.button(toggle).getAttribute('aria-pressed')) === 'true';
  }
  async toggle(toggle: MediaToggle): Promise<boolean> {
    const before = await this.pressed(toggle);
    await this.button(toggle).click();
    await eventually(async () => (await this.pressed(toggle)) !== before, `${toggle} aria-pressed to flip`, 5_000);
    return !before;
  }

  async videoState(which: 'Local' | 'Remote'): Promise<VideoState> {
    return this.video(which).evaluate((element) => {
      const video = element as HTMLVideoElement;
      return { width: video.videoWidth, time: video.currentTime, paused: video.paused, frames: video.getVideoPlaybackQuality().totalVideoFrames };
    });
  }

  /** Waits until the video shows pictures and its clock moves on: it really plays. */
  async waitForPlaying(which: 'Local' | 'Remote', timeout = 15_000): Promise<VideoState> {
    await this.video(which).waitFor({ timeout });
    const first = await eventually(async () => {
      const state = await this.videoState(which);
      return state.width > 0 && !state.paused && state.time > 0 && state.frames > 0 && state;
    }, `the ${which.toLowerCase()} video to play`, timeout);
    return eventually(async () => {
      const later = await this.videoState(which);
      return later.time > first.time && later.frames > first.frames && later;
    }, `the ${which.toLowerCase()} video's clock to advance`, 5_000);
  }

  /** kbit/s in the "Call statistics" table: the row named by the kind, the Received or Sent column. */
  async rate(kind: 'Audio' | 'Video', column: 'Received' | 'Sent'): Promise<number | null> {
    const row = this.page.getByRole('table', { name: 'Call statistics' }).getByRole('row', { name: new RegExp(`^${kind}`) });
    const text = (await row.getByRole('cell').nth(column === 'Received' ? 0 : 1).textContent()) ?? '';
    const value = Number.parseFloat(text);
    return Number.isFinite(value) ? value : null;
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }

  /** Disconnects (the session is destroyed, the name freed), then closes the browser profile. */
  async close(): Promise<void> {
    try {
      if (await this.button('Disconnect').isEnabled({ timeout: 1_000 })) {
        await this.button('Disconnect').click({ timeout: 2_000 });
        await this.waitForStatus(/Disconnected/, 5_000);
        // The hang-up, detach and destroy requests finish (and the long-poll ends) before the profile goes.
        await eventually(async () => this.inflight.size === 0, 'requests to settle', 5_000);
      }
    } catch {
      // Best effort: the page may already be broken; closing it is what matters.
    }
    await this.context.close();
  }
}
