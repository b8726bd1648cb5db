import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MODES, Probe, fakeServer } from './test/fixtures.js';
import type { UseJanusCallResult } from './use-janus-call.js';

describe.each(MODES)('useJanusCall (%s)', (_mode, Mode) => {
  afterEach(cleanup);

  it('creates exactly one session, and destroys it on unmount', async () => {
    const { janus, count, options } = fakeServer();
    const results: Record<string, UseJanusCallResult> = {};
    const { unmount } = render(<Mode><Probe name="a" results={results} {...options} /></Mode>);
    expect(results.a!.status).toBe('connecting');
    await waitFor(() => expect(results.a!.status).toBe('idle'));
    expect(count('createSession')).toBe(1);
    expect(janus.sessions.size).toBe(1);
    unmount();
    await waitFor(() => expect(janus.sessions.size).toBe(0));
    expect(count('createSession')).toBe(1);
    expect(count('destroy')).toBe(1);
  });

  it('destroys a session that was still being created when the component unmounted', async () => {
    const { janus, count, options } = fakeServer();
    janus.hold('createSession');
    const { unmount } = render(<Mode><Probe name="a" results={{}} {...options} /></Mode>);
    await waitFor(() => expect(count('createSession')).toBe(1));
    unmount();
    janus.release('createSession');
    await waitFor(() => expect(count('destroy')).toBe(1));
    expect(janus.sessions.size).toBe(0);
    expect(count('createSession')).toBe(1);
  });

  it('reconnects when the server changes: a new session, the old one destroyed', async () => {
    const { janus, count, options } = fakeServer();
    const results: Record<string, UseJanusCallResult> = {};
    const { rerender } = render(<Mode><Probe name="a" results={results} {...options} /></Mode>);
    await waitFor(() => expect(results.a!.status).toBe('idle'));
    const [first] = janus.sessions.keys();
    rerender(<Mode><Probe name="a" results={results} {...options} server={['fake://other']} /></Mode>);
    await waitFor(() => expect(results.a!.status).toBe('idle'));
    await waitFor(() => expect(janus.sessions.has(first!)).toBe(false));
    expect(count('createSession')).toBe(2);
    expect(janus.sessions.size).toBe(1);
  });

  it('keeps the connection when other options or callbacks change', async () => {
    const { count, options } = fakeServer();
    const results: Record<string, UseJanusCallResult> = {};
    const { rerender } = render(<Mode><Probe name="a" results={results} {...options} /></Mode>);
    await waitFor(() => expect(results.a!.status).toBe('idle'));
    const { register } = results.a!;
    rerender(<Mode><Probe name="a" results={results} {...options} ringTimeoutMs={5_000} onError={() => {}} /></Mode>);
    expect(results.a!.register).toBe(register);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(count('createSession')).toBe(1);
  });

  it('runs commands made before the client exists once it does', async () => {
    const { options } = fakeServer();
    const results: Record<string, UseJanusCallResult> = {};
    render(<Mode><Probe name="a" results={results} {...options} /></Mode>);
    expect(results.a!.client).toBeNull();
    results.a!.register('early');
    await waitFor(() => expect(results.a!.status).toBe('registered'));
    expect(results.a!.username).toBe('early');
  });

  it('calls, rings, accepts, connects and hangs up between two clients', async () => {
    const { rtc, options } = fakeServer();
    const results: Record<string, UseJanusCallResult> = {};
    const onIncomingCall = vi.fn();
    const onHangup = vi.fn();
    render(
      <Mode>
        <Probe name="a" results={results} {...options} onHangup={onHangup} />
        <Probe name="b" results={results} {...options} onIncomingCall={onIncomingCall} />
      </Mode>,
    );
    act(() => {
      results.a!.register('alice');
      results.b!.register('bob');
    });
    await waitFor(() => expect(results.a!.peers).toContain('bob'));
    expect(await results.a!.getStats()).toBeNull();
    act(() => results.a!.call('bob'));
    await waitFor(() => expect(results.b!.status).toBe('incoming'));
    expect(onIncomingCall).toHaveBeenCalledTimes(1);
    expect(onIncomingCall).toHaveBeenCalledWith(expect.objectContaining({ type: 'incomingcall', peer: 'alice' }));
    act(() => results.b!.accept());
    await waitFor(() => expect([results.a!.status, results.b!.status]).toEqual(['mediaUp', 'mediaUp']));
    expect(results.a!.remoteStream).not.toBeNull();
    expect(results.b!.localStream).not.toBeNull();
    expect(results.a!.connectedAt).toEqual(expect.any(Number));
    expect((await results.a!.getStats())?.video.received.packets).toBeGreaterThan(0);
    act(() => results.a!.setMedia({ video: false }));
    await waitFor(() => expect(results.a!.media.video).toBe(false));
    act(() => results.a!.hangup());
    await waitFor(() => expect([results.a!.status, results.b!.status]).toEqual(['registered', 'registered']));
    expect(results.b!.lastCall).toMatchObject({ cause: 'remote', peer: 'alice' });
    expect(onHangup).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(rtc.openPeers).toBe(0));
  });

  it('reports a refusal in view.error and through onError, once', async () => {
    const { options } = fakeServer();
    const results: Record<string, UseJanusCallResult> = {};
    const onError = vi.fn();
    render(
      <Mode>
        <Probe name="a" results={results} {...options} />
        <Probe name="b" results={results} {...options} onError={onError} />
      </Mode>,
    );
    act(() => results.a!.register('alice'));
    await waitFor(() => expect(results.a!.status).toBe('registered'));
    act(() => results.b!.register('alice'));
    await waitFor(() => expect(results.b!.error?.code).toBe(476));
    expect(results.b!.error?.kind).toBe('plugin');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('b').textContent).toContain('already taken');
  });
});
