import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  // React and the SDK belong to the app: one copy each, never bundled in.
  deps: { neverBundle: [/^react($|\/)/, /^react-dom($|\/)/, /^@xstate\/react$/, /^xstate$/, /^@janus-call\/core$/] },
  clean: true,
});
