// A videocall bot: registers, answers every call, sends a test pattern or echoes the caller.
//   pnpm --filter bot start --server URL --username NAME [--echo] [--quiet]
//   pnpm --filter bot start --local --username NAME     (starts its own Janus; needs the namespace)
import { parseArgs } from 'node:util';
import { type Bot, startBot } from './bot.js';
import type { JanusServer } from './local-janus.js';

const USAGE = `Usage: janus-call-bot (--server URL | --local) --username NAME [--echo] [--quiet]
  --server URL       Janus REST base URL, e.g. http://127.0.0.1:8088/janus
  --local            start a local Janus (Debian's package) for this run instead
  --username NAME    the name callers dial
  --echo             send the caller's media back instead of the test pattern
  --quiet            print errors only`;

function fail(message: string, code = 2): never {
  console.error(`janus-call-bot: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      server: { type: 'string' },
      local: { type: 'boolean', default: false },
      username: { type: 'string' },
      echo: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!parsed.username) fail(`--username is required\n${USAGE}`);
if (!parsed.server === !parsed.local) fail(`give exactly one of --server URL and --local\n${USAGE}`);

let janus: JanusServer | undefined;
let bot: Bot | undefined;
let exiting = false;
const starting = new AbortController();
const shutdown = async (signal: string) => {
  if (exiting) {
    console.error(`janus-call-bot: ${signal} again, quitting without cleaning up`);
    process.exit(130);
  }
  exiting = true;
  if (!parsed.quiet) console.log(`${new Date().toISOString()}  ${signal}: hanging up and destroying the session`);
  // Still starting: the start sequence sees the abort, stops the client and exits below.
  if (!bot) return starting.abort();
  await bot.stop();
  await janus?.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  let server = parsed.server;
  if (parsed.local) {
    const { startLocalJanus } = await import('./local-janus.js');
    janus = await startLocalJanus();
    server = janus.url;
    if (!parsed.quiet) console.log(`${new Date().toISOString()}  started a local Janus (pid ${janus.pid}) at ${server}`);
  }
  if (exiting) starting.abort();
  bot = await startBot({ server: server!, username: parsed.username, echo: parsed.echo, quiet: parsed.quiet, signal: starting.signal });
} catch (error) {
  await janus?.stop();
  if (exiting) process.exit(0);
  fail(error instanceof Error ? error.message : String(error), 1);
}
