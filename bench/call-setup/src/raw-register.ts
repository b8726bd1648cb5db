// The protocol floor of registration: create → attach → register over raw fetch, one long-poll, no SDK.
type Msg = Record<string, unknown> & { janus: string; transaction?: string };

const tx = () => Math.random().toString(36).slice(2, 12);

async function post(url: string, body: Record<string, unknown>): Promise<Msg> {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify({ transaction: tx(), ...body }), signal: AbortSignal.timeout(10_000) });
  return (await res.json()) as Msg;
}

const idOf = (msg: Msg, what: string) => {
  const id = (msg.data as { id?: number } | undefined)?.id;
  if (msg.janus !== 'success' || id === undefined) throw new Error(`${what} → ${JSON.stringify(msg)}`);
  return id;
};

/** Registers `username` as a raw client; resolves with the time it took (ms) once the plugin said `registered`. Cleans up after. */
export async function rawRegister(url: string, username: string): Promise<number> {
  const t0 = performance.now();
  const session = idOf(await post(url, { janus: 'create' }), 'create');
  const poller = new AbortController();
  try {
    const handle = idOf(await post(`${url}/${session}`, { janus: 'attach', plugin: 'janus.plugin.videocall' }), 'attach');
    const transaction = tx();
    // The reply comes on the long-poll; start it before sending, as a client must.
    const reply = (async () => {
      for (;;) {
        const res = await fetch(`${url}/${session}?maxev=10`, { signal: poller.signal });
        const body = (await res.json()) as Msg | Msg[];
        const hit = (Array.isArray(body) ? body : [body]).find((m) => m.transaction === transaction);
        if (hit) return hit;
      }
    })();
    reply.catch(() => undefined); // awaited below; an early failure must not go unhandled meanwhile
    const ack = await post(`${url}/${session}/${handle}`, { janus: 'message', transaction, body: { request: 'register', username } });
    if (ack.janus !== 'ack') throw new Error(`register → ${JSON.stringify(ack)}`);
    const event = await reply;
    const result = (event.plugindata as { data?: { result?: { event?: string } } } | undefined)?.data?.result;
    if (result?.event !== 'registered') throw new Error(`register → ${JSON.stringify(event)}`);
    return performance.now() - t0;
  } finally {
    poller.abort();
    await post(`${url}/${session}`, { janus: 'destroy' }).catch(() => undefined);
  }
}
