import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { hasUsableInterface, type JanusServer, startJanus } from './janus-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    janusUrl: string;
    janusAdminUrl: string;
    janusAdminSecret: string;
  }
}

let janus: JanusServer | undefined;

export async function setup(project: TestProject) {
  if (!hasUsableInterface()) {
    throw new Error('No non-loopback interface: run the integration tests through tools/janus-harness/bin/in-netns.sh');
  }
  janus = await startJanus();
  project.provide('janusUrl', janus.url);
  project.provide('janusAdminUrl', janus.adminUrl);
  project.provide('janusAdminSecret', janus.adminSecret);
}

export async function teardown() {
  await janus?.stop();
  janus = undefined;
}
