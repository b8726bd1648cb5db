import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  dts: true,
  // No DOM or Node globals at import time, so it loads in browsers, SSR and workers alike.
  platform: 'neutral',
  deps: { neverBundle: ['vue', '@xstate/vue', 'xstate', /^@janus-call\//] },
  clean: true,
});
