import { describe, expect, it } from 'vitest';
import { eventually, uniqueName } from '../src/browser.js';
import type { DemoPage } from '../src/demo-page.js';
import { artifact, useDemo } from './fixtures.js';

const demo = useDemo();

/** Waits until the peer receives (or stops receiving) `kind` from the other side, per its Call statistics. */
async function waitForRate(page: DemoPage, kind: 'Audio' | 'Video', flowing: boolean) {
  return eventually(async () => {
    const rate = await page.rate(kind, 'Received');
    if (rate === null) return false;
    // Zero, or near it: a muted Opus stream or a disabled camera may still trickle a few bytes.
    return (flowing ? rate > 8 : rate <= 2) && rate;
  }, `${kind} received ${flowing ? 'flowing' : 'stopped'}`, 15_000);
}

describe('two people calling each other', () => {
  it('register, see each other, call, accept, both videos play, toggles take effect, hang up', async () => {
    const [alice, bob] = await Promise.all([demo.open(), demo.open()]);
    const [a, b] = [uniqueName('alice'), uniqueName('bob')];
    await alice.register(a);
    await bob.register(b);
    await alice.waitForStatus(new RegExp(`Registered as ${a}`));
    await bob.waitForStatus(new RegExp(`Registered as ${b}`));
    await alice.waitForPeer(b);

    await alice.call(b);
    await alice.waitForStatus(new RegExp(`Calling ${b}`));
    await bob.incomingCall().waitFor();
    expect(await bob.incomingCall().textContent()).toContain(a);
    await bob.accept();

    await Promise.all([alice.waitForStatus(new RegExp(`In a call with ${b}`)), bob.waitForStatus(new RegExp(`In a call with ${a}`))]);
    const [aliceSees, bobSees] = await Promise.all([alice.waitForPlaying('Remote'), bob.waitForPlaying('Remote')]);
    expect(aliceSees.width).toBeGreaterThan(0);
    expect(bobSees.width).toBeGreaterThan(0);
    await Promise.all([alice.waitForPlaying('Local'), bob.waitForPlaying('Local')]);
    expect(await alice.pressed('Microphone')).toBe(true);
    expect(await alice.pressed('Camera')).toBe(true);
    await waitForRate(bob, 'Video', true);
    await alice.page.getByRole('timer', { name: 'Call duration' }).waitFor();
    await Promise.all([alice.screenshot(artifact('in-call-caller.png')), bob.screenshot(artifact('in-call-callee.png'))]);

    // Camera off: Janus stops relaying alice's video, so bob's remote picture freezes.
    expect(await alice.toggle('Camera')).toBe(false);
    await waitForRate(bob, 'Video', false);
    const frozen = await bob.videoState('Remote');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await bob.videoState('Remote')).frames - frozen.frames).toBeLessThanOrEqual(2);
    expect(await alice.toggle('Camera')).toBe(true);
    await waitForRate(bob, 'Video', true);
    const moving = await bob.videoState('Remote');
    await eventually(async () => (await bob.videoState('Remote')).frames > moving.frames + 5, 'bob to see alice moving again');

    // Microphone off: bob receives no audio from alice.
    await waitForRate(bob, 'Audio', true);
    expect(await alice.toggle('Microphone')).toBe(false);
    await waitForRate(bob, 'Audio', false);
    expect(await alice.toggle('Microphone')).toBe(true);
    await waitForRate(bob, 'Audio', true);

    await alice.hangUp();
    await Promise.all([alice.waitForStatus(new RegExp(`Registered as ${a}`)), bob.waitForStatus(new RegExp(`Registered as ${b}`))]);
    await alice.page.getByText('You hung up.').waitFor();
    await bob.page.getByText(`${a} hung up.`).waitFor();
    expect(await alice.video('Remote').count()).toBe(0);
    expect([...alice.dialogs, ...bob.dialogs]).toEqual([]);
  });

  it('a declined call leaves both registered, and the caller is told', async () => {
    const [carol, dave] = await Promise.all([demo.open(), demo.open()]);
    const [c, d] = [uniqueName('carol'), uniqueName('dave')];
    await carol.register(c);
    await dave.register(d);
    await carol.waitForPeer(d);
    await carol.call(d);
    await dave.incomingCall().waitFor();
    await dave.decline();
    await Promise.all([carol.waitForStatus(new RegExp(`Registered as ${c}`)), dave.waitForStatus(new RegExp(`Registered as ${d}`))]);
    await carol.page.getByText(/declined/).waitFor();
  });
});
