import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import vueParser from 'vue-eslint-parser';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '.tmp/**', '**/test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', performance: 'readonly', globalThis: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/**', 'bench/**', 'scripts/**', 'tools/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
  // React adapter, React demo and the browser e2e suite: their code runs in browsers (e2e's inside
  // page.evaluate); e2e also runs in Node and prints progress.
  {
    files: ['packages/react/**', 'apps/demo-react/**', 'e2e/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['e2e/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  // Vue single-file components: eslint-plugin-vue's recommended rules; vue-eslint-parser reads the template and
  // hands <script lang="ts"> to typescript-eslint's parser. They run in browsers (.ts files need no globals:
  // typescript-eslint turns no-undef off for them).
  {
    files: ['**/*.vue'],
    extends: [pluginVue.configs['flat/recommended']],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
      globals: globals.browser,
    },
  },
);
