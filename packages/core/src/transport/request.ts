import { JanusError, ProtocolError, TransportError, UsageError, type JanusCallError } from '../protocol/errors.js';
import type { JanusInbound } from '../protocol/janus.schema.js';
import { parseBody } from '../protocol/parse.js';

/** A settled HTTP exchange: the status and the whole body as text. */
export interface HttpResult {
  status: number;
  text: string;
}

export interface FetchTextOptions {
  method: 'GET' | 'POST';
  body?: string;
  /** Any of these aborting aborts the request (caller's signal, the poll's, the transport's). */
  signals: ReadonlyArray<AbortSignal | undefined>;
  timeoutMs: number;
}

/** `options.fetch`, else the global one looked up now (so polyfills installed later still count). */
export function resolveFetch(injected: typeof fetch | undefined): typeof fetch {
  const candidate = injected ?? (globalThis as { fetch?: typeof fetch }).fetch;
  if (typeof candidate !== 'function') {
    throw new UsageError('invalid-argument', 'No fetch implementation: pass `fetch` to createHttpTransport');
  }
  return candidate;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One HTTP request with its own timeout. Rejects only with a TransportError whose reason
 * tells a timeout, an abort and a network failure apart; HTTP statuses are returned, not thrown.
 */
export async function fetchText(fetchFn: typeof fetch, url: string, options: FetchTextOptions): Promise<HttpResult> {
  const controller = new AbortController();
  let timedOut = false;
  const abort = (): void => controller.abort();
  const linked = options.signals.filter((signal): signal is AbortSignal => signal !== undefined);
  for (const signal of linked) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener('abort', abort, { once: true });
  }
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  // Clear at once on abort, not when the rejection gets here: stop()/close() must leave no timer.
  controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  try {
    if (controller.signal.aborted) throw new TransportError('aborted', `Request to ${url} was aborted before it was sent`);
    const init: RequestInit = { method: options.method, signal: controller.signal };
    if (options.body !== undefined) {
      init.body = options.body;
      init.headers = { 'content-type': 'application/json' };
    }
    // `.call` keeps browsers' fetch from throwing "Illegal invocation" when it was passed unbound.
    const response = await fetchFn.call(globalThis, url, init);
    const text = await response.text();
    return { status: response.status, text };
  } catch (error) {
    if (error instanceof TransportError) throw error;
    if (timedOut) {
      throw new TransportError('timeout', `No answer from ${url} within ${options.timeoutMs} ms`, { cause: error });
    }
    if (controller.signal.aborted) throw new TransportError('aborted', `Request to ${url} was aborted`, { cause: error });
    throw new TransportError('network', `Cannot reach ${url}: ${describe(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
    for (const signal of linked) signal.removeEventListener('abort', abort);
    // Aborting a finished request is a no-op for fetch but guarantees nothing of it lingers.
    controller.abort();
  }
}

/** A Janus core error as a typed error; 458 becomes "session gone" so callers need not know the code. */
export function coreError(code: number, reason: string): JanusCallError {
  if (code === 458) return new TransportError('session-gone', reason || 'No such session', { code });
  return new JanusError(code, reason);
}

/** A decoded answer to a POST, with the raw text kept for error reports. */
export interface DecodedReply {
  message: JanusInbound;
  raw: string;
}

/**
 * Turn the HTTP answer to a POST into exactly one validated Janus message.
 * Throws TransportError ('http'), ProtocolError, JanusError, or TransportError('session-gone') for 458.
 */
export function decodeReply(result: HttpResult, url: string, transaction: string): DecodedReply {
  if (result.status < 200 || result.status > 299) {
    throw new TransportError('http', `${url} answered HTTP ${result.status}`, { status: result.status });
  }
  const parsed = parseBody(result.text);
  if (parsed instanceof ProtocolError) throw parsed;
  const [message] = parsed;
  if (parsed.length !== 1 || message === undefined) {
    throw new ProtocolError(`Expected one message from ${url}, got ${parsed.length}`, result.text);
  }
  if (message instanceof ProtocolError) throw message;
  if (message.transaction !== undefined && message.transaction !== transaction) {
    throw new ProtocolError(`Janus answered another transaction than ${transaction}`, result.text);
  }
  if (message.janus === 'error') throw coreError(message.error.code, message.error.reason);
  return { message, raw: result.text };
}

/** A random transaction id; getRandomValues works in insecure browser contexts too, unlike randomUUID. */
export function newTransaction(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
