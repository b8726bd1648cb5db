/** Minimal Janus Admin API client: enough for tests to see what is alive on the server. */
export interface AdminTarget {
  adminUrl: string;
  adminSecret: string;
}

async function adminRequest(target: AdminTarget, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${target.adminUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, transaction: Math.random().toString(36).slice(2), admin_secret: target.adminSecret }),
    signal: AbortSignal.timeout(5000),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (json.janus !== 'success') throw new Error(`Admin API ${body.janus} failed: ${JSON.stringify(json)}`);
  return json;
}

export async function listSessions(target: AdminTarget): Promise<number[]> {
  const json = await adminRequest(target, '', { janus: 'list_sessions' });
  return (json.sessions as number[]) ?? [];
}

export async function listHandles(target: AdminTarget, sessionId: number): Promise<number[]> {
  const json = await adminRequest(target, `/${sessionId}`, { janus: 'list_handles' });
  return (json.handles as number[]) ?? [];
}
