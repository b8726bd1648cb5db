// What the e2e suite runs, for a person: a local Janus, the echo bot and a built demo app, until Ctrl-C.
//   node --import tsx e2e/src/serve-demo.ts [--framework react|vue] [--server URL] [--port N] [--janus-port N] [--check]
// scripts/demo.sh runs this (inside the network namespace when Janus needs one).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './browser.js';
import { DemoPage } from './demo-page.js';
import { FRAMEWORKS, type Framework, ROOT, type Stack, startStack } from './stack.js';

const { values } = parseArgs({
  options: {
    framework: { type: 'string', default: 'react' },
    server: { type: 'string' },
    port: { type: 'string' },
    'janus-port': { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});
if (!(FRAMEWORKS as readonly string[]).includes(values.framework)) {
  console.error(`demo: --framework must be one of ${FRAMEWORKS.join(', ')}`);
  process.exit(2);
}
const BOT = 'echo';
const say = (line: string) => console.log(`demo: ${line}`);

let stack: Stack | undefined;
let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  say('stopping');
  await stack?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Headless: load the page, register, call the bot if there is one, keep a screenshot. */
async function check(url: string, withBot: boolean): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await DemoPage.open(browser, stack!.appUrl, stack!.janusUrl);
    await page.register('demo-check');
    await page.waitForStatus(/Registered as demo-check/);
    say(`check: ${url} loaded and registered as demo-check`);
    if (withBot) {
      await page.call(BOT);
      await page.waitForStatus(new RegExp(`In a call with ${BOT}`));
      say('check: the call to the echo bot is up');
    }
    const shot = join(ROOT, 'e2e', 'artifacts', `demo-check-${values.framework}.png`);
    await page.screenshot(shot);
    say(`check: screenshot ${shot.slice(ROOT.length)}`);
    await page.close();
  } finally {
    await browser.close();
  }
}

try {
  stack = await startStack({
    framework: values.framework as Framework,
    ...(values.server && { server: values.server }),
    botUsername: values.server ? null : BOT,
    ...(values.port && { appPort: Number(values.port) }),
    ...(values['janus-port'] && { janusPort: Number(values['janus-port']) }),
    log: say,
  });
  const url = `${stack.appUrl}/?server=${encodeURIComponent(stack.janusUrl)}`;
  if (values.check) {
    await check(url, stack.bot !== null);
    await shutdown(0);
  }
  const namespace = process.env.JANUS_CALL_IN_NETNS;
  console.log(`\n  demo-${values.framework} is running:  ${url}\n`);
  if (stack.bot) console.log(`  Register a name, then call "${BOT}": the bot answers and sends your own video back.`);
  if (namespace) {
    console.log(`
  Janus runs in the network namespace ${namespace} (it needs a non-loopback interface for ICE, and the
  namespace has no route out), so this 127.0.0.1 is the namespace's, not your machine's. Open the page
  from inside it, as root, with a browser of your own:

    ip netns exec ${namespace} chromium --no-sandbox --user-data-dir=$(mktemp -d) '${url}'

  (add --use-fake-device-for-media-stream --use-fake-ui-for-media-stream to try it without a camera).
  On a machine with a real network interface, JANUS_CALL_NETNS=0 bash scripts/demo.sh runs it all here instead.`);
  }
  console.log('\n  Ctrl-C stops Janus, the bot and the web server.\n');
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
