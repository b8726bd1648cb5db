/** Just enough of the Janus REST API to ask the videocall plugin who is registered, independent of the SDK under test. */
async function post(url: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, transaction: Math.random().toString(36).slice(2) }),
    signal: AbortSignal.timeout(5_000),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** The registered usernames, from a session of its own that is destroyed again. */
export async function registeredUsers(janusUrl: string): Promise<string[]> {
  const created = await post(janusUrl, { janus: 'create' });
  const session = (created.data as { id: number }).id;
  try {
    const attached = await post(`${janusUrl}/${session}`, { janus: 'attach', plugin: 'janus.plugin.videocall' });
    const handle = (attached.data as { id: number }).id;
    // Sent as a message, the answer comes on the long-poll; `list` is answered at once.
    await post(`${janusUrl}/${session}/${handle}`, { janus: 'message', body: { request: 'list' } });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${janusUrl}/${session}?maxev=10`, { signal: AbortSignal.timeout(5_000) });
      const events = (await res.json()) as Array<{ plugindata?: { data?: { result?: { list?: string[] } } } }>;
      const list = [events].flat().find((e) => e.plugindata?.data?.result?.list)?.plugindata?.data?.result?.list;
      if (list) return list;
    }
    throw new Error('Janus did not answer the videocall list request');
  } finally {
    await post(`${janusUrl}/${session}`, { janus: 'destroy' }).catch(() => {});
  }
}

/** Resolves once `username` is registered on the videocall plugin; rejects when `gaveUp` settles first or after `timeoutMs`. */
export async function waitForUser(janusUrl: string, username: string, gaveUp: Promise<unknown>, timeoutMs = 30_000): Promise<void> {
  let over = false;
  void gaveUp.then(() => (over = true));
  const deadline = Date.now() + timeoutMs;
  while (!over && Date.now() < deadline) {
    if ((await registeredUsers(janusUrl).catch((): string[] => [])).includes(username)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(over ? `it exited before "${username}" was registered` : `"${username}" was not registered within ${timeoutMs} ms`);
}
