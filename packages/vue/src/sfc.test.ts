import { createJanusCall } from '@janus-call/core';
import { FakeJanus, FakeRtc, until } from '@janus-call/core/testing';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CallPanel from './__fixtures__/call-panel.vue';

const hostile = '<img src=x onerror=alert(1)>';

afterEach(() => cleanup());

describe('useJanusCall in a <script setup> SFC', () => {
  it('registers, lists an untrusted name as text, calls it and shows its video', async () => {
    const janus = new FakeJanus();
    const rtc = new FakeRtc();
    const other = createJanusCall({ server: 'fake://janus', transport: janus.transport(), rtc });
    other.register(hostile);
    await until(other, (v) => v.status === 'registered');

    const { container, unmount } = render(CallPanel, { props: { transport: janus.transport(), rtc } });
    await fireEvent.update(screen.getByLabelText('Username'), 'alice');
    await fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('registered as alice'));

    await fireEvent.click(screen.getByRole('button', { name: 'Refresh peers' }));
    const callButton = await screen.findByRole('button', { name: `Call ${hostile}` });
    expect(within(screen.getByRole('list', { name: 'Peers' })).getAllByRole('listitem')).toHaveLength(1);
    expect(container.querySelector('img')).toBeNull();

    await fireEvent.click(callButton);
    await until(other, (v) => v.status === 'incoming');
    other.accept();
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('mediaUp as alice'));
    const video = container.querySelector('video[aria-label="Remote video"]') as HTMLVideoElement;
    expect(video.srcObject).toEqual({ id: expect.stringMatching(/^remote-/) });

    await fireEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    await until(other, (v) => v.lastCall?.cause === 'remote');
    unmount();
    await other.stop();
    await vi.waitFor(() => expect(janus.sessions.size).toBe(0));
    expect(rtc.openPeers).toBe(0);
  });
});
