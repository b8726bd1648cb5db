import { describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../src/browser.js';
import { artifact, useDemo } from './fixtures.js';

const demo = useDemo();

describe('calling the Node echo bot', () => {
  it('sees its own video come back from the bot', async () => {
    // The bot (apps/bot) is started by the global setup; say plainly why it is missing, if it is.
    const botError = inject('botError');
    expect(botError, `the echo bot is not running: ${botError}`).toBe('');
    const bot = inject('botUsername');

    const me = await demo.open();
    const name = uniqueName('echo-caller');
    await me.register(name);
    await me.waitForStatus(new RegExp(`Registered as ${name}`));
    await me.waitForPeer(bot);
    await me.call(bot);
    await me.waitForStatus(new RegExp(`In a call with ${bot}`));
    const back = await me.waitForPlaying('Remote').catch(async (error: Error) => {
      // Say which half broke: the call and the bytes, or the picture.
      const [video, rate] = await Promise.all([me.videoState('Remote'), me.rate('Video', 'Received')]);
      throw new Error(
        `${error.message}. The call is up and echoed video arrives at ${rate ?? '?'} kbit/s, but the Remote video shows no frame ` +
          `(${JSON.stringify(video)}): Chromium cannot decode what the bot sends back.`,
      );
    });
    expect(back.width).toBeGreaterThan(0);
    await me.screenshot(artifact('echo-bot-call.png'));
    await me.hangUp();
    await me.waitForStatus(new RegExp(`Registered as ${name}`));
  });

  it('calls the bot again right after hanging up, three times, and sees video every time', async () => {
    expect(inject('botError')).toBe('');
    const bot = inject('botUsername');
    const me = await demo.open();
    const name = uniqueName('redialer');
    await me.register(name);
    await me.waitForStatus(new RegExp(`Registered as ${name}`));
    await me.waitForPeer(bot);
    for (let i = 0; i < 3; i++) {
      // No wait for the bot's side: Janus may still count it in the last call, and the SDK dials again.
      await me.call(bot);
      await me.waitForStatus(new RegExp(`In a call with ${bot}`));
      expect((await me.waitForPlaying('Remote')).width).toBeGreaterThan(0);
      await me.hangUp();
      await me.waitForStatus(new RegExp(`Registered as ${name}`));
    }
    expect(await me.page.getByText(/busy/).count()).toBe(0);
  });
});
