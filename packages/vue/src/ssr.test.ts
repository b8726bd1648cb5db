// @vitest-environment node
import { FakeJanus } from '@janus-call/core/testing';
import { renderToString } from '@vue/server-renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSSRApp, defineComponent, h } from 'vue';

// Any read of a browser global is recorded: the package must not need one to import or to render.
const touched: string[] = [];
const browserGlobals = ['window', 'navigator', 'document', 'RTCPeerConnection', 'MediaStream'] as const;

const saved = new Map<string, PropertyDescriptor | undefined>();

beforeAll(() => {
  // Vue's dev build probes `window` once for its devtools hook when it builds the SSR renderer: not ours.
  createSSRApp({ render: () => null });
  for (const name of browserGlobals) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => void touched.push(`${name} ${new Error().stack}`),
    });
  }
});

afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

describe('server-side rendering', () => {
  it('imports and renders without browser globals and without contacting Janus', async () => {
    const { JanusVideo, provideJanusCall, injectJanusCall } = await import('./index.js');
    const janus = new FakeJanus();
    const Child = defineComponent({
      setup() {
        const { status, peers, localStream, register } = injectJanusCall();
        register('ignored-on-the-server');
        return () => [
          h('p', { role: 'status' }, status.value),
          h('ul', peers.value.map((peer) => h('li', peer))),
          h(JanusVideo, { stream: localStream.value, muted: true, 'aria-label': 'Local video' }),
        ];
      },
    });
    const App = defineComponent({
      setup() {
        provideJanusCall({ server: 'http://127.0.0.1:1/janus', transport: janus.transport() });
        return () => h(Child);
      },
    });

    const html = await renderToString(createSSRApp(App));

    expect(html).toContain('<p role="status">connecting</p>');
    expect(html).toMatch(/<video[^>]*autoplay[^>]*playsinline[^>]*muted[^>]*aria-label="Local video"/);
    expect(janus.requests).toEqual([]);
    expect(touched).toEqual([]);
  });
});
