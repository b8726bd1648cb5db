/** Where the demo looks for Janus when nothing else is said: Janus's own default HTTP port, on this machine. */
export const LOCAL_JANUS = 'http://127.0.0.1:8088/janus';

/** Meetecho's public demo server. Contacted only when a person picks it and presses Connect. */
export const MEETECHO_DEMO = 'https://janus.conf.meetecho.com/janus';

/** `?server=` wins, then the build's `VITE_JANUS_URL`, then the local default. */
export function initialServer(search: string = window.location.search): string {
  const fromQuery = new URLSearchParams(search).get('server');
  return fromQuery || import.meta.env.VITE_JANUS_URL || LOCAL_JANUS;
}

/** `?inspect` opens the Stately inspector as the page loads. */
export function inspectorRequested(search: string = window.location.search): boolean {
  return new URLSearchParams(search).has('inspect');
}
