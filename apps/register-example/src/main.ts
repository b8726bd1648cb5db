// Registers a user on a Janus videocall plugin and prints each state change.
//   pnpm --filter register-example start [--server URL] [--username NAME] [--hold]
// Without --server it starts a local Janus (Debian's package) for the run.
import { parseArgs } from 'node:util';
import { createJanusCall, type JanusCallView } from '@janus-call/core';
import { type JanusServer, startJanus } from '@janus-call/janus-harness';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    username: { type: 'string', default: `user-${Math.random().toString(36).slice(2, 7)}` },
    hold: { type: 'boolean', default: false },
  },
});

const started = performance.now();
const stamp = () => `${String(Math.round(performance.now() - started)).padStart(5)} ms`;

let janus: JanusServer | undefined;
let server = values.server;
if (!server) {
  janus = await startJanus();
  server = janus.url;
  console.log(`${stamp()}  started a local Janus (pid ${janus.pid}) at ${server}`);
}

const call = createJanusCall({ server });
const describe = (v: JanusCallView) =>
  [
    v.status,
    v.username && `username=${v.username}`,
    v.peers.length > 0 && `peers=[${v.peers.join(', ')}]`,
    v.error && `error=${v.error.name}(${v.error.code ?? ''}): ${v.error.message}`,
  ]
    .filter(Boolean)
    .join('  ');

console.log(`${stamp()}  ${describe(call.view)}`);
call.subscribe((view) => console.log(`${stamp()}  ${describe(view)}`));
call.on('registered', ({ username }) => console.log(`${stamp()}  event: registered as ${username}`));

let done = false;
const shutdown = async (code: number) => {
  if (done) return;
  done = true;
  await call.stop();
  await janus?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

call.register(values.username);
const unsubscribe = call.subscribe((view) => {
  if (view.status === 'failed') void shutdown(1);
  if (view.status === 'registered' && !values.hold) {
    unsubscribe();
    // Let the automatic peer list arrive, then show a clean stop.
    setTimeout(() => void shutdown(0), 300);
  }
});
if (values.hold) console.log(`${stamp()}  holding the registration; Ctrl-C to hang up and leave`);
