import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// The `source` export condition points workspace packages at their src/, so tests need no build.
const conditions = ['source', 'module', 'node', 'development|production'];

// One config, several projects. `unit*` need nothing but Node; `integration` and `e2e` need a real
// Janus and a network namespace (see tools/janus-harness/bin/in-netns.sh), e2e also Debian's Chromium.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tools/*/src/**/*.test.ts'],
          exclude: ['packages/react/**', 'packages/vue/**', '**/node_modules/**'],
          // *.test-d.ts: the public API's types, checked by tsc and counted as tests.
          typecheck: { enabled: true, include: ['packages/core/src/**/*.test-d.ts'], tsconfig: 'packages/core/tsconfig.json' },
        },
      },
      {
        extends: true,
        resolve: { conditions: ['source', 'browser', 'module', 'development|production'] },
        test: {
          name: 'unit-react',
          environment: 'jsdom',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        plugins: [vue()],
        resolve: { conditions: ['source', 'browser', 'module', 'development|production'] },
        test: {
          name: 'unit-vue',
          environment: 'jsdom',
          include: ['packages/vue/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.integration.test.ts', 'apps/*/test/**/*.integration.test.ts'],
          globalSetup: ['tools/janus-harness/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
