// Test helper: a scripted `fetch` for the transport's unit tests. Not exported from the package.

/** One request the code under test made; the test answers it by hand or via `autoRespond`. */
export interface FakeCall {
  url: string;
  method: string;
  /** The parsed JSON body of a POST. */
  body: Record<string, unknown> | undefined;
  headers: Record<string, string>;
  signal: AbortSignal;
  /** `Date.now()` when the request was made (fake time under fake timers). */
  at: number;
  /** True once answered, failed or aborted. */
  readonly settled: boolean;
  /** Answer with a status and a body: a string is sent as is, anything else as JSON. */
  respond(body: unknown, status?: number): void;
  /** Answer with `message` plus this request's transaction, as Janus does. */
  reply(message: Record<string, unknown>): void;
  /** Reject like a network failure. */
  fail(error?: unknown): void;
}

export type AutoResponder = (call: FakeCall) => { body: unknown; status?: number } | 'fail' | undefined;

export interface FakeFetch {
  fetch: typeof fetch;
  /** Every call ever made, in order. */
  calls: FakeCall[];
  /** The next call not yet taken by `next()` and not auto-answered; waits for it if needed. */
  next(): Promise<FakeCall>;
  /** Calls still waiting for an answer. */
  open(): FakeCall[];
  /** Answer matching calls automatically (return undefined to leave one for `next()`). */
  autoRespond(responder: AutoResponder | undefined): void;
}

export function createFakeFetch(): FakeFetch {
  const calls: FakeCall[] = [];
  const unclaimed: FakeCall[] = [];
  const waiters: Array<(call: FakeCall) => void> = [];
  let responder: AutoResponder | undefined;

  const fetchImpl = (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal ?? new AbortController().signal;
      let settled = false;
      const rawBody = typeof init?.body === 'string' ? init.body : undefined;
      const call: FakeCall = {
        url: String(input instanceof Request ? input.url : input),
        method: init?.method ?? 'GET',
        body: rawBody === undefined ? undefined : (JSON.parse(rawBody) as Record<string, unknown>),
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        signal,
        at: Date.now(),
        get settled() {
          return settled;
        },
        respond(body, status = 200) {
          if (settled) throw new Error(`fake fetch: ${this.method} ${this.url} already settled`);
          settled = true;
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          resolve(new Response(text, { status, headers: { 'content-type': 'application/json' } }));
        },
        reply(message) {
          this.respond({ ...message, transaction: this.body?.transaction });
        },
        fail(error = new TypeError('fetch failed')) {
          if (settled) throw new Error(`fake fetch: ${this.method} ${this.url} already settled`);
          settled = true;
          reject(error);
        },
      };
      calls.push(call);
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        reject(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });

      const scripted = responder?.(call);
      if (scripted === 'fail') return call.fail();
      if (scripted !== undefined) return call.respond(scripted.body, scripted.status);
      const waiter = waiters.shift();
      if (waiter) waiter(call);
      else unclaimed.push(call);
    });

  return {
    fetch: fetchImpl as typeof fetch,
    calls,
    next: () => {
      const call = unclaimed.shift();
      if (call) return Promise.resolve(call);
      return new Promise<FakeCall>((resolve) => waiters.push(resolve));
    },
    open: () => calls.filter((call) => !call.settled),
    autoRespond: (next) => {
      responder = next;
    },
  };
}

/** Attach handlers at once so a rejection is never "unhandled", and read the outcome later. */
export function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
