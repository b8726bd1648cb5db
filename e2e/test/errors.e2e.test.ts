import { describe, expect, it } from 'vitest';
import { uniqueName } from '../src/browser.js';
import { useDemo } from './fixtures.js';

const demo = useDemo();
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('errors, in words', () => {
  it('a taken username shows an alert', async () => {
    const [first, second] = await Promise.all([demo.open(), demo.open()]);
    const name = uniqueName('taken');
    await first.register(name);
    await first.waitForStatus(new RegExp(`Registered as ${name}`));
    await second.register(name);
    const text = await second.waitForAlert(/username is taken/i);
    expect(text).not.toMatch(/476|undefined|\[object/);
    // The name stays free to pick again: the form still offers Register.
    expect(await second.button('Register').isEnabled()).toBe(true);
  });

  it('calling an unknown user shows an alert naming them', async () => {
    const me = await demo.open();
    const name = uniqueName('lonely');
    const ghost = uniqueName('nobody');
    await me.register(name);
    await me.waitForStatus(new RegExp(`Registered as ${name}`));
    await me.call(ghost);
    await me.waitForAlert(new RegExp(`No user called ${ghost} is registered`));
    await me.waitForStatus(new RegExp(`Registered as ${name}`));
  });

  it('a hostile username is shown as text, everywhere, and runs nothing', async () => {
    const [mallory, victim] = await Promise.all([demo.open(), demo.open()]);
    const name = uniqueName('victim');
    await mallory.register(HOSTILE);
    await mallory.waitForStatus(/Registered as /);
    expect(await mallory.status().textContent()).toContain(HOSTILE);
    await victim.register(name);
    await victim.waitForStatus(new RegExp(`Registered as ${name}`));
    const item = await victim.waitForPeer(HOSTILE);
    expect((await item.textContent())?.trim()).toBe(HOSTILE);

    // Ringing shows the caller's name too.
    await mallory.call(name);
    await victim.incomingCall().waitFor();
    expect(await victim.incomingCall().textContent()).toContain(HOSTILE);
    await victim.decline();
    await mallory.waitForStatus(/Registered as /);

    for (const page of [mallory, victim]) {
      expect(await page.page.getByRole('img').count()).toBe(0);
      expect(page.dialogs).toEqual([]);
    }
  });
});
