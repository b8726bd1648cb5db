/** Janus's own default HTTP port on this machine: where the demo looks when nothing else is said. */
export const LOCAL_JANUS = 'http://127.0.0.1:8088/janus';

/** Meetecho's public demo server: a choice offered, contacted only when a person picks it and presses Connect. */
export const MEETECHO_DEMO = 'https://janus.conf.meetecho.com/janus';

/** `?server=` wins, then the build's `VITE_JANUS_URL`, then the local default. */
export function initialServer(search: string, fromEnv: string | undefined): string {
  return new URLSearchParams(search).get('server')?.trim() || fromEnv?.trim() || LOCAL_JANUS;
}

/** `?inspect` opens the Stately inspector as the page loads. */
export function inspectorRequested(search: string): boolean {
  return new URLSearchParams(search).has('inspect');
}
