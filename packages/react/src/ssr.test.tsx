// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every read of a browser global, with the stack that made it.
const reads: string[] = [];
const BROWSER_GLOBALS = ['window', 'navigator', 'document', 'RTCPeerConnection'] as const;

beforeAll(() => {
  for (const name of BROWSER_GLOBALS) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        // The frame right below this getter is the code that read the global.
        const caller = (new Error().stack ?? '').split('\n').filter((line) => line.includes(' at '))[1] ?? '';
        reads.push(`${name} read by ${caller.trim()}`);
        return undefined;
      },
    });
  }
});

afterAll(() => {
  for (const name of BROWSER_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
});

/** Reads made by our own source files; libraries may probe `typeof window` harmlessly. */
const ours = () => reads.filter((read) => /packages\/(react|core)\/src\/(?!ssr\.test)/.test(read));

describe('server-side rendering', () => {
  it('imports and renders in plain Node without touching browser globals', async () => {
    const { renderToString } = await import('react-dom/server');
    const { JanusCallProvider, JanusVideo, useJanusCall, useJanusCallContext } = await import('./index.js');
    function Status() {
      const { status, localStream } = useJanusCallContext();
      return (
        <>
          <p>{status}</p>
          <JanusVideo stream={localStream} muted aria-label="Local video" />
        </>
      );
    }
    function Standalone() {
      return <p>{useJanusCall({ server: 'http://127.0.0.1:1/janus' }).peers.length} peers</p>;
    }
    const html = renderToString(
      <JanusCallProvider server="http://127.0.0.1:1/janus">
        <Status />
        <Standalone />
      </JanusCallProvider>,
    );
    expect(html).toContain('<p>connecting</p>');
    expect(html).toMatch(/<video[^>]*autoPlay|<video[^>]*autoplay/);
    expect(html).toContain('0<!-- --> peers');
    expect(reads.length).toBeGreaterThan(0);
    expect(ours()).toEqual([]);
  });
});
