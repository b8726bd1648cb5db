import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Workspace packages are used from src/ through their `source` export condition: no build step first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Served only on loopback: the demo talks to a Janus on the same machine (or namespace).
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022' },
});
