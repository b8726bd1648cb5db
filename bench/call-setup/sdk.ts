// The SDK side of the call-setup benchmark, next to the protocol floor (baseline.ts). Starts its own
// Janus and runs baseline.ts as a child; run it inside the namespace, from the repository root:
//
//   bash tools/janus-harness/bin/in-netns.sh pnpm --filter @janus-call/bench-call-setup bench
//   (or: … in-netns.sh node_modules/.bin/tsx --conditions=source --expose-gc bench/call-setup/sdk.ts [options])
//
// Options: --calls 20  --registrations 20  --sessions 200  --idle-ms 5000  --hold-first 2000  --no-baseline
// It prints figures and never asserts timings.
import { register } from 'node:module';

// Workspace packages resolve to their sources (the "source" export condition) without a build.
register('data:text/javascript,export function resolve(s, c, n) { return n(s, { ...c, conditions: [...c.conditions, "source"] }); }');
const { run } = await import('./src/run.js');
await run();
