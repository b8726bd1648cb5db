/**
 * An experiment, not a fix: a `fetch` for the SDK that holds each handle's `trickle` POSTs until
 * Janus acked the POST carrying the JSEP, as baseline.ts does. Comparing it with the plain SDK
 * shows what sending candidates ahead of the offer/answer costs.
 */
export function trickleAfterAckFetch(inner: typeof fetch = fetch): typeof fetch {
  // Per handle URL: resolved once the JSEP of the current call was acked; a call's last trickle (`completed`) closes it.
  const gates = new Map<string, { open: boolean; wait: Promise<void>; release: () => void }>();
  const gate = (url: string) => {
    let g = gates.get(url);
    if (!g) {
      let release!: () => void;
      const wait = new Promise<void>((resolve) => (release = resolve));
      g = { open: false, wait, release };
      gates.set(url, g);
    }
    return g;
  };
  return async (input, init) => {
    const url = String(input);
    if (init?.method !== 'POST' || typeof init.body !== 'string') return inner(input, init);
    const body = JSON.parse(init.body) as { janus?: string; jsep?: unknown; candidate?: { completed?: boolean } };
    if (body.janus === 'trickle' && !gate(url).open) await gate(url).wait;
    if (body.janus === 'trickle' && body.candidate?.completed) gates.delete(url);
    const response = await inner(input, init);
    if (body.janus === 'message' && body.jsep !== undefined) {
      const g = gate(url);
      g.open = true;
      g.release();
    }
    return response;
  };
}
