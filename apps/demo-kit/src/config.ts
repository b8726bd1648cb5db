/** Where the demo looks for Janus when nothing else is said: Janus's own default HTTP port, on this machine. */
export const LOCAL_JANUS = 'http://127.0.0.1:8088/janus';

/** Meetecho's public demo server. Contacted only when a person picks it and presses Connect. */
export const MEETECHO_DEMO = 'https://janus.conf.meetecho.com/janus';

/** Caps on what the peer sends us, in bits/s; 0 removes the cap. */
export const BITRATE_CAPS = [
  [0, 'No cap'],
  [128_000, '128 kbit/s'],
  [256_000, '256 kbit/s'],
  [512_000, '512 kbit/s'],
  [1_024_000, '1 Mbit/s'],
  [2_048_000, '2 Mbit/s'],
] as const;

/** `?server=` wins, then the build's `VITE_JANUS_URL` (`fromEnv`), then the local default. */
export function initialServer(search: string, fromEnv: string | undefined): string {
  return new URLSearchParams(search).get('server')?.trim() || fromEnv?.trim() || LOCAL_JANUS;
}

/** `?inspect` opens the Stately inspector as the page loads. */
export function inspectorRequested(search: string): boolean {
  return new URLSearchParams(search).has('inspect');
}
