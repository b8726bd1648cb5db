import { rmSync } from 'node:fs';
import { type Framework, buildDemo } from './stack.js';
import { serveStatic } from './static-server.js';

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds apps/demo-FRAMEWORK and serves it on 127.0.0.1, for tests that need a second demo beside the
 * one the global setup serves. `close` stops the server and removes the build.
 */
export async function serveApp(framework: Framework): Promise<ServedApp> {
  const outDir = await buildDemo(framework);
  try {
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
