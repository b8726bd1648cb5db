// The harness is a dev tool of this repository, not a dependency of the bot: `--local` only works from a checkout.
import { type JanusServer, hasUsableInterface, startJanus } from '../../../tools/janus-harness/src/index.js';

export type { JanusServer };

/** Start Debian's Janus for this run; explains the network namespace when ICE could not work. */
export async function startLocalJanus(): Promise<JanusServer> {
  if (!hasUsableInterface()) {
    throw new Error('Janus gathers no ICE candidates on loopback: run the bot through tools/janus-harness/bin/in-netns.sh');
  }
  return startJanus();
}
