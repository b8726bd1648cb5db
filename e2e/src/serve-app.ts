import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './processes.js';
import { type Framework, ROOT } from './stack.js';
import { serveStatic } from './static-server.js';

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds apps/demo-FRAMEWORK with vite into a folder of its own and serves it on 127.0.0.1, for tests that
 * need a second demo beside the one the global setup serves. `close` stops the server and removes the build.
 */
export async function serveApp(framework: Framework): Promise<ServedApp> {
  const app = join(ROOT, 'apps', `demo-${framework}`);
  const outDir = mkdtempSync(join(tmpdir(), `janus-call-demo-${framework}-`));
  try {
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    await run(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: app });
    const served = await serveStatic(outDir);
    return {
      url: served.url,
      async close() {
        await served.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}
