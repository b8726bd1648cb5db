import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JanusCallProvider, useJanusCallContext } from './janus-call-context.js';
import { MODES, fakeServer } from './test/fixtures.js';
import type { UseJanusCallResult } from './use-janus-call.js';

describe.each(MODES)('JanusCallProvider (%s)', (_mode, Mode) => {
  afterEach(cleanup);

  it('shares one client, and one session, with every consumer below it', async () => {
    const { janus, count, options } = fakeServer();
    const seen: UseJanusCallResult[] = [];
    function Status() {
      const call = useJanusCallContext();
      seen.push(call);
      return <p>{call.status === 'registered' ? `Registered as ${call.username}` : call.status}</p>;
    }
    function RegisterButton() {
      const { register } = useJanusCallContext();
      return <button onClick={() => register('carol')}>Register</button>;
    }
    const { unmount } = render(
      <Mode>
        <JanusCallProvider {...options}>
          <Status />
          <RegisterButton />
        </JanusCallProvider>
      </Mode>,
    );
    await screen.findByText('idle');
    act(() => screen.getByRole('button', { name: 'Register' }).click());
    await screen.findByText('Registered as carol');
    expect(count('createSession')).toBe(1);
    expect(janus.registeredNames()).toEqual(['carol']);
    expect(new Set(seen.map((s) => s.client).filter(Boolean)).size).toBe(1);
    unmount();
    await waitFor(() => expect(janus.sessions.size).toBe(0));
  });

  it('says where the provider is missing', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Orphan() {
      useJanusCallContext();
      return null;
    }
    expect(() => render(<Mode><Orphan /></Mode>)).toThrow(/inside a <JanusCallProvider>/);
    quiet.mockRestore();
  });
});
