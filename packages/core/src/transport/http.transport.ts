import {
  ProtocolError,
  TransportError,
  UsageError,
  toJanusCallError,
  type JanusCallError,
} from '../protocol/errors.js';
import type { JanusInbound, Jsep } from '../protocol/janus.schema.js';
import { retryPolicy, type RetryPolicy } from './backoff.js';
import { startLongPoll } from './long-poll.js';
import { coreError, decodeReply, fetchText, newTransaction, resolveFetch, type DecodedReply } from './request.js';
import { PendingMessages } from './transaction.js';
import { TrickleBatcher, type TricklePayload } from './trickle-batcher.js';
import type { JanusTransport, LocalCandidate, PluginReply, PollHandlers, RequestOptions } from './transport.js';

export interface HttpTransportOptions {
  /** Janus REST base URL(s), e.g. `http://127.0.0.1:8088/janus`; `createSession` tries them in order. */
  server: string | readonly string[];
  /** Janus stored-token auth; sent in every POST body and on the long-poll's query string. */
  token?: string;
  /** Janus `api_secret`; sent like `token`. */
  apiSecret?: string;
  /** Defaults to `globalThis.fetch`, looked up at each request. */
  fetch?: typeof fetch;
  /** `maxev` of the long-poll: how many events one GET may return. Default 10. */
  maxEvents?: number;
  /** Per POST. Default 10 s. */
  requestTimeoutMs?: number;
  /** Per long-poll GET; above Janus's 30 s keepalive so an idle poll is not cut. Default 60 s. */
  pollTimeoutMs?: number;
  /** How long `message()` waits for the plugin's event after the ack. Default 15 s. */
  messageTimeoutMs?: number;
  /** Long-poll retries on network errors / HTTP 5xx. Defaults: 5 attempts, 500 ms base, 8 s max. */
  retry?: Partial<RetryPolicy>;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Candidates queued within this window go in one `trickle`. Default 10 ms. */
  trickleBatchMs?: number;
}

interface ActivePoll {
  stop(): void;
}

const positive = (value: number | undefined, fallback: number): number =>
  value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;

/**
 * The Janus REST API over HTTP: POSTs for requests, one long-poll GET loop per session for events.
 *
 * `message()` resolves with the plugin's answer even when that answer is a plugin error
 * (`data.error_code`): the transport knows no plugin, the plugin layer decides what is an error.
 */
export function createHttpTransport(options: HttpTransportOptions): JanusTransport {
  const servers = (typeof options.server === 'string' ? [options.server] : [...options.server]).map((url) =>
    url.replace(/\/+$/, ''),
  );
  const [firstServer] = servers;
  if (firstServer === undefined) throw new UsageError('invalid-argument', 'createHttpTransport needs at least one server URL');

  const retry = retryPolicy(options.retry);
  const random = options.random ?? Math.random;
  const maxEvents = Math.max(1, Math.floor(positive(options.maxEvents, 10)));
  const requestTimeoutMs = positive(options.requestTimeoutMs, 10_000);
  const pollTimeoutMs = positive(options.pollTimeoutMs, 60_000);
  const messageTimeoutMs = positive(options.messageTimeoutMs, 15_000);
  const trickleBatchMs = positive(options.trickleBatchMs, 10);

  // Aborting this cancels every request in flight; `close()` is the only one who aborts it.
  const root = new AbortController();
  const sessionServers = new Map<number, string>();
  const polls = new Map<number, ActivePoll>();
  const pending = new PendingMessages();
  const batchers = new Map<string, { sessionId: number; handleId: number; batcher: TrickleBatcher }>();

  const aborted = (what: string): TransportError => new TransportError('aborted', `${what}: the transport was closed`);
  // Sessions not created here (e.g. by another transport) are assumed to live on the first server.
  const serverOf = (sessionId: number): string => sessionServers.get(sessionId) ?? firstServer;

  const auth = (): Record<string, string> => ({
    ...(options.token !== undefined && { token: options.token }),
    ...(options.apiSecret !== undefined && { apisecret: options.apiSecret }),
  });

  async function post(
    url: string,
    request: Record<string, unknown>,
    signal: AbortSignal | undefined,
    transaction = newTransaction(),
  ): Promise<DecodedReply> {
    try {
      if (root.signal.aborted) throw aborted(String(request.janus));
      const body = JSON.stringify({ ...request, transaction, ...auth() });
      const result = await fetchText(resolveFetch(options.fetch), url, {
        method: 'POST',
        body,
        signals: [signal, root.signal],
        timeoutMs: requestTimeoutMs,
      });
      return decodeReply(result, url, transaction);
    } catch (error) {
      throw toJanusCallError(error);
    }
  }

  function expectKind(reply: DecodedReply, kinds: ReadonlyArray<JanusInbound['janus']>): JanusInbound {
    if (!kinds.includes(reply.message.janus)) {
      throw new ProtocolError(`Expected ${kinds.join(' or ')} from Janus, got ${reply.message.janus}`, reply.raw);
    }
    return reply.message;
  }

  function expectId(reply: DecodedReply): number {
    const message = expectKind(reply, ['success']);
    const id = message.janus === 'success' ? message.data?.id : undefined;
    if (id === undefined) throw new ProtocolError('Janus answered success without data.id', reply.raw);
    return id;
  }

  // Fail over only on "this server is unreachable or broken", never on an answer Janus meant.
  const isFailover = (error: JanusCallError): error is TransportError =>
    error instanceof TransportError &&
    (error.reason === 'network' || error.reason === 'timeout' || (error.reason === 'http' && (error.status ?? 0) >= 500));

  async function createSession(requestOptions?: RequestOptions): Promise<{ sessionId: number; server: string }> {
    const tried: string[] = [];
    let last: TransportError | undefined;
    for (const server of servers) {
      tried.push(server);
      try {
        const sessionId = expectId(await post(server, { janus: 'create' }, requestOptions?.signal));
        sessionServers.set(sessionId, server);
        return { sessionId, server };
      } catch (error) {
        const typed = toJanusCallError(error);
        if (!isFailover(typed)) throw typed;
        last = typed;
      }
    }
    const reason = last?.reason ?? 'network';
    throw new TransportError(reason, `Could not create a Janus session (tried ${tried.join(', ')}): ${last?.message ?? 'no server'}`, {
      status: last?.status,
      cause: last,
    });
  }

  async function attach(
    sessionId: number,
    plugin: string,
    attachOptions?: RequestOptions & { opaqueId?: string },
  ): Promise<number> {
    const request: Record<string, unknown> = { janus: 'attach', plugin };
    if (attachOptions?.opaqueId !== undefined) request.opaque_id = attachOptions.opaqueId;
    return expectId(await post(`${serverOf(sessionId)}/${sessionId}`, request, attachOptions?.signal));
  }

  // One counter per session, shared by poll events and replies, so their order survives promise timing.
  const seqs = new Map<number, number>();
  const nextSeq = (sessionId: number): number => {
    const seq = (seqs.get(sessionId) ?? 0) + 1;
    seqs.set(sessionId, seq);
    return seq;
  };

  /** The plugin's answer in `message`, numbered on arrival; undefined when it carries none. */
  function replyOf(message: JanusInbound, sessionId: number, handleId: number): PluginReply | undefined {
    if ((message.janus !== 'event' && message.janus !== 'success') || message.plugindata === undefined) return undefined;
    const reply: PluginReply = { sender: message.sender ?? handleId, data: message.plugindata.data, seq: nextSeq(sessionId) };
    if (message.jsep !== undefined) reply.jsep = message.jsep;
    return reply;
  }

  function message(
    sessionId: number,
    handleId: number,
    body: Record<string, unknown>,
    messageOptions?: RequestOptions & { jsep?: Jsep; timeoutMs?: number },
  ): Promise<PluginReply> {
    if (root.signal.aborted) return Promise.reject(aborted('message'));
    const signal = messageOptions?.signal;
    if (signal?.aborted) return Promise.reject(new TransportError('aborted', 'message: aborted before it was sent'));
    const transaction = newTransaction();
    const timeoutMs = positive(messageOptions?.timeoutMs, messageTimeoutMs);

    return new Promise<PluginReply>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = (): void => settle(new TransportError('aborted', 'message: aborted by its signal'));
      const settle = (outcome: PluginReply | JanusCallError): void => {
        if (pending.get(transaction) !== entry) return;
        pending.delete(transaction);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const entry = { sessionId, handleId, resolve: settle, reject: settle };
      // Registered before the POST: the poll may deliver the event before the ack is read.
      pending.add(transaction, entry);
      signal?.addEventListener('abort', onAbort, { once: true });

      const request: Record<string, unknown> = { janus: 'message', body };
      if (messageOptions?.jsep !== undefined) request.jsep = messageOptions.jsep;
      post(`${serverOf(sessionId)}/${sessionId}/${handleId}`, request, signal, transaction).then(
        (reply) => {
          if (pending.get(transaction) !== entry) return;
          if (reply.message.janus === 'ack') {
            timer = setTimeout(
              () => settle(new TransportError('timeout', `message: no answer from the plugin within ${timeoutMs} ms`)),
              timeoutMs,
            );
            return;
          }
          settle(replyOf(reply.message, sessionId, handleId) ?? new ProtocolError(`Expected ack or plugindata, got ${reply.message.janus}`, reply.raw));
        },
        (error: unknown) => settle(toJanusCallError(error)),
      );
    });
  }

  function trickle(sessionId: number, handleId: number, candidate: LocalCandidate | null): Promise<void> {
    if (root.signal.aborted) return Promise.reject(aborted('trickle'));
    const key = `${sessionId}/${handleId}`;
    let slot = batchers.get(key);
    if (slot === undefined) {
      const batcher: TrickleBatcher = new TrickleBatcher({
        batchMs: trickleBatchMs,
        send: async (payload: TricklePayload) => {
          expectKind(await post(`${serverOf(sessionId)}/${sessionId}/${handleId}`, { janus: 'trickle', ...payload }, undefined), ['ack', 'success']);
        },
        onIdle: () => {
          if (batchers.get(key)?.batcher === batcher) batchers.delete(key);
        },
      });
      slot = { sessionId, handleId, batcher };
      batchers.set(key, slot);
    }
    return slot.batcher.enqueue(candidate);
  }

  function cancelBatchers(predicate: (slot: { sessionId: number; handleId: number }) => boolean, error: JanusCallError): void {
    for (const [key, slot] of [...batchers]) {
      if (!predicate(slot)) continue;
      batchers.delete(key);
      slot.batcher.cancel(error);
    }
  }

  async function keepalive(sessionId: number, requestOptions?: RequestOptions): Promise<void> {
    expectKind(await post(`${serverOf(sessionId)}/${sessionId}`, { janus: 'keepalive' }, requestOptions?.signal), ['ack', 'success']);
  }

  async function detach(sessionId: number, handleId: number, requestOptions?: RequestOptions): Promise<void> {
    expectKind(await post(`${serverOf(sessionId)}/${sessionId}/${handleId}`, { janus: 'detach' }, requestOptions?.signal), ['success', 'ack']);
    // A detached handle will never answer: free whoever still waits on it.
    const gone = new TransportError('aborted', `Handle ${handleId} was detached`);
    pending.rejectWhere((entry) => entry.sessionId === sessionId && entry.handleId === handleId, gone);
    cancelBatchers((slot) => slot.sessionId === sessionId && slot.handleId === handleId, gone);
  }

  function forgetSession(sessionId: number, error: TransportError): void {
    const active = polls.get(sessionId);
    polls.delete(sessionId);
    active?.stop();
    sessionServers.delete(sessionId);
    seqs.delete(sessionId);
    pending.rejectWhere((entry) => entry.sessionId === sessionId, error);
    cancelBatchers((slot) => slot.sessionId === sessionId, error);
  }

  async function destroy(sessionId: number, requestOptions?: RequestOptions): Promise<void> {
    try {
      expectKind(await post(`${serverOf(sessionId)}/${sessionId}`, { janus: 'destroy' }, requestOptions?.signal), ['success', 'ack']);
    } catch (error) {
      const typed = toJanusCallError(error);
      if (typed instanceof TransportError && typed.reason === 'session-gone') forgetSession(sessionId, typed);
      throw typed;
    }
    // We ended the session ourselves: its poll stops quietly instead of reporting a 404.
    forgetSession(sessionId, new TransportError('aborted', `Session ${sessionId} was destroyed`));
  }

  function dispatch(sessionId: number, message: JanusInbound, handlers: PollHandlers): void {
    const entry = message.transaction === undefined ? undefined : pending.get(message.transaction);
    if (entry !== undefined && entry.sessionId === sessionId) {
      const reply = replyOf(message, sessionId, entry.handleId);
      if (reply !== undefined) return entry.resolve(reply);
      if (message.janus === 'error') return entry.reject(coreError(message.error.code, message.error.reason));
    }
    // Unclaimed success/ack (e.g. a late answer to a timed-out request) concern no handle.
    if (message.janus === 'success' || message.janus === 'ack' || message.janus === 'keepalive' || message.janus === 'timeout') return;
    if (message.sender === undefined) {
      handlers.onProtocolError?.(new ProtocolError(`Janus sent a ${message.janus} without sender`, JSON.stringify(message), ['sender: missing']));
      return;
    }
    handlers.onEvent(message, nextSeq(sessionId));
  }

  function poll(sessionId: number, handlers: PollHandlers): () => void {
    if (polls.has(sessionId)) {
      throw new UsageError('invalid-state', `Session ${sessionId} is already being polled: stop that poll first`);
    }
    if (root.signal.aborted) {
      let cancelled = false;
      queueMicrotask(() => {
        if (!cancelled) handlers.onError(aborted('poll'));
      });
      return () => {
        cancelled = true;
      };
    }
    const server = serverOf(sessionId);
    const query = new URLSearchParams(auth());
    const active: ActivePoll = {
      stop: startLongPoll({
        label: `Long-poll of session ${sessionId} on ${server}`,
        get: (signal) => {
          const params = new URLSearchParams({ maxev: String(maxEvents), rid: String(Date.now()) });
          for (const [name, value] of query) params.append(name, value);
          return fetchText(resolveFetch(options.fetch), `${server}/${sessionId}?${params.toString()}`, {
            method: 'GET',
            signals: [signal, root.signal],
            timeoutMs: pollTimeoutMs,
          });
        },
        retry,
        random,
        onMessage: (message) => dispatch(sessionId, message, handlers),
        onProtocolError: (error) => handlers.onProtocolError?.(error),
        onFatal: (error) => {
          if (polls.get(sessionId) === active) polls.delete(sessionId);
          pending.rejectWhere((entry) => entry.sessionId === sessionId, error);
          handlers.onError(error);
        },
      }),
    };
    polls.set(sessionId, active);
    return () => {
      if (polls.get(sessionId) !== active) return;
      polls.delete(sessionId);
      active.stop();
    };
  }

  function close(): void {
    if (root.signal.aborted) return;
    root.abort();
    for (const active of polls.values()) active.stop();
    polls.clear();
    const error = aborted('close');
    pending.rejectWhere(() => true, error);
    cancelBatchers(() => true, error);
  }

  return { createSession, attach, message, trickle, keepalive, detach, destroy, poll, close };
}
