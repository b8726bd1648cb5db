import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { hasUsableInterface } from '@janus-call/janus-harness';
import { FRAMEWORKS, type Framework, type Stack, startStack } from './stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    framework: Framework;
    appUrl: string;
    janusUrl: string;
    janusAdminUrl: string;
    janusAdminSecret: string;
    /** The echo bot's username; `botError` says why it is missing when it is. */
    botUsername: string;
    botError: string;
  }
}

export const BOT_USERNAME = 'echo';
let stack: Stack | undefined;

export function selectedFramework(): Framework {
  const value = process.env.FRAMEWORK ?? 'react';
  if (!(FRAMEWORKS as readonly string[]).includes(value)) throw new Error(`FRAMEWORK=${value}: expected one of ${FRAMEWORKS.join(', ')}`);
  return value as Framework;
}

/** Janus, the selected demo (FRAMEWORK=react|vue, built and served on 127.0.0.1) and the echo bot, for the whole run. */
export async function setup(project: TestProject) {
  if (!hasUsableInterface()) {
    throw new Error('No non-loopback interface: run the e2e suite through tools/janus-harness/bin/in-netns.sh');
  }
  const framework = selectedFramework();
  stack = await startStack({ framework, botUsername: BOT_USERNAME, log: (line) => console.log(`[e2e] ${line}`) });
  project.provide('framework', framework);
  project.provide('appUrl', stack.appUrl);
  project.provide('janusUrl', stack.janusUrl);
  project.provide('janusAdminUrl', stack.janus!.adminUrl);
  project.provide('janusAdminSecret', stack.janus!.adminSecret);
  project.provide('botUsername', BOT_USERNAME);
  project.provide('botError', stack.botError ?? '');
}

export async function teardown() {
  // E2E_BOT_LOG=1 prints what the echo bot logged, for a failure that involves it.
  if (process.env.E2E_BOT_LOG && stack?.bot) console.log(`[e2e] echo bot log:\n${stack.bot.output()}`);
  await stack?.stop();
  stack = undefined;
}
