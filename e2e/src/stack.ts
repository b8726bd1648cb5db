import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JanusServer, startJanus } from '@janus-call/janus-harness';
import { type Child, run, start } from './processes.js';
import { type StaticServer, serveStatic } from './static-server.js';
import { waitForUser } from './janus-probe.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FRAMEWORKS = ['react', 'vue'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface StackOptions {
  framework: Framework;
  /** Use this Janus instead of starting one; no bot then. */
  server?: string;
  /** Register the echo bot under this name; `null` for none. */
  botUsername?: string | null;
  appPort?: number;
  janusPort?: number;
  log?: (line: string) => void;
}

export interface Stack {
  appUrl: string;
  janusUrl: string;
  janus: JanusServer | null;
  bot: Child | null;
  /** Why the bot is not there, in words; `null` when it is. */
  botError: string | null;
  stop(): Promise<void>;
}

/** The selected demo, built with vite into a folder of its own (the caller removes it). */
export async function buildDemo(framework: Framework): Promise<string> {
  const app = join(ROOT, 'apps', `demo-${framework}`);
  if (!existsSync(join(app, 'index.html'))) throw new Error(`apps/demo-${framework} has no index.html: nothing to build`);
  const outDir = mkdtempSync(join(tmpdir(), `janus-call-demo-${framework}-`));
  await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: app });
  return outDir;
}

/** The Node echo bot from apps/bot, registered and answering, or why not. */
async function startEchoBot(janusUrl: string, username: string): Promise<Child> {
  const main = join(ROOT, 'apps/bot/src/main.ts');
  if (!existsSync(main)) throw new Error('apps/bot/src/main.ts does not exist (yet)');
  // Plain node with tsx as a loader: one process, so stopping it by PID stops the bot itself.
  const bot = start(process.execPath, ['--conditions=source', '--import', 'tsx', main, '--server', janusUrl, '--username', username, '--echo'], {
    cwd: ROOT,
    detached: true,
  });
  try {
    await waitForUser(janusUrl, username, bot.exited);
  } catch (error) {
    await bot.stop();
    throw new Error(`the echo bot did not register as "${username}": ${(error as Error).message}\n${bot.output()}`);
  }
  return bot;
}

/** Janus, the built demo on a static server and the echo bot: what the e2e suite and the demo script run. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  // Filled in as each part starts, so that `stop` stops exactly what exists.
  const parts: { janus: JanusServer | null; served: StaticServer | null; outDir: string | null; bot: Child | null } = {
    janus: null,
    served: null,
    outDir: null,
    bot: null,
  };
  const stop = async () => {
    await parts.bot?.stop();
    await parts.served?.close();
    await parts.janus?.stop();
    if (parts.outDir) rmSync(parts.outDir, { recursive: true, force: true });
  };
  try {
    // Both at once; each result is kept as soon as it exists, so a failure of the other still stops it.
    const results = await Promise.allSettled([
      buildDemo(options.framework).then((dir) => (parts.outDir = dir)),
      options.server ? null : startJanus(options.janusPort ? { port: options.janusPort } : {}).then((janus) => (parts.janus = janus)),
    ]);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
    const { janus } = parts;
    const janusUrl = options.server ?? janus!.url;
    log(janus ? `Janus ${janus.url} (pid ${janus.pid})` : `Janus ${janusUrl} (yours)`);
    const served = (parts.served = await serveStatic(parts.outDir!, options.appPort));
    log(`demo-${options.framework} built and served at ${served.url}`);
    let botError: string | null = null;
    if (janus && options.botUsername) {
      parts.bot = await startEchoBot(janusUrl, options.botUsername).catch((error: Error) => {
        botError = error.message;
        return null;
      });
      log(parts.bot ? `echo bot registered as "${options.botUsername}" (pid ${parts.bot.pid})` : `echo bot: ${botError}`);
    }
    return { appUrl: served.url, janusUrl, janus, bot: parts.bot, botError, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
