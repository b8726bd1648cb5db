import { ProtocolError, TransportError, toJanusCallError } from '../protocol/errors.js';
import type { JanusInbound } from '../protocol/janus.schema.js';
import { parseBody } from '../protocol/parse.js';
import { backoffDelay, type RetryPolicy } from './backoff.js';
import type { HttpResult } from './request.js';

export interface LongPollOptions {
  /** For error messages. */
  label: string;
  /** One GET of the session's event queue; rejects with a TransportError. */
  get(signal: AbortSignal): Promise<HttpResult>;
  retry: RetryPolicy;
  random: () => number;
  /** A validated message other than `keepalive` and `timeout`. */
  onMessage(message: JanusInbound): void;
  onProtocolError(error: ProtocolError): void;
  /** The loop has ended on its own; called at most once, never after `stop()`. */
  onFatal(error: TransportError): void;
}

/** Surface an error thrown by a caller's handler the way the platform does (browsers: `reportError`). */
export function reportUncaught(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}

type Outcome = { kind: 'ok' } | { kind: 'retry'; error: TransportError | ProtocolError } | { kind: 'fatal'; error: TransportError };

/** Start a long-poll loop; the returned function stops it, aborting the GET and any backoff wait. */
export function startLongPoll(options: LongPollOptions): () => void {
  const controller = new AbortController();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    controller.abort();
    clearTimeout(timer);
    timer = undefined;
    wake?.();
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    }).then(() => {
      timer = undefined;
      wake = undefined;
    });

  // Handlers are the caller's code: one that throws must not kill the loop, nor be swallowed.
  const guard = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      reportUncaught(error);
    }
  };

  const handle = (result: HttpResult): Outcome => {
    if (result.status === 404) {
      // Janus answers an unknown session's GET with 404 and an empty body.
      return { kind: 'fatal', error: new TransportError('session-gone', `${options.label}: the session no longer exists (HTTP 404)`, { status: 404 }) };
    }
    if (result.status >= 500) {
      return { kind: 'retry', error: new TransportError('http', `${options.label}: HTTP ${result.status}`, { status: result.status }) };
    }
    if (result.status < 200 || result.status > 299) {
      return { kind: 'fatal', error: new TransportError('http', `${options.label}: HTTP ${result.status}`, { status: result.status }) };
    }
    const parsed = parseBody(result.text);
    if (parsed instanceof ProtocolError) {
      guard(() => options.onProtocolError(parsed));
      // Counted as a failure so a server answering garbage at once cannot make us spin.
      return { kind: 'retry', error: parsed };
    }
    for (const message of parsed) {
      if (stopped) break;
      if (message instanceof ProtocolError) guard(() => options.onProtocolError(message));
      else if (message.janus === 'timeout') {
        return { kind: 'fatal', error: new TransportError('session-gone', `${options.label}: the session timed out on the server`) };
      } else if (message.janus !== 'keepalive') guard(() => options.onMessage(message));
    }
    return { kind: 'ok' };
  };

  const run = async (): Promise<void> => {
    let failures = 0;
    while (!stopped) {
      let outcome: Outcome;
      try {
        outcome = handle(await options.get(controller.signal));
      } catch (error) {
        const typed = toJanusCallError(error);
        const transport = typed instanceof TransportError ? typed : new TransportError('network', typed.message, { cause: typed });
        outcome = { kind: 'retry', error: transport };
      }
      if (stopped) return;
      if (outcome.kind === 'ok') {
        failures = 0;
        continue;
      }
      if (outcome.kind === 'retry') {
        failures += 1;
        if (failures <= options.retry.attempts) {
          await sleep(backoffDelay(failures, options.retry, options.random));
          continue;
        }
        const last = outcome.error;
        outcome = {
          kind: 'fatal',
          error: new TransportError('network', `${options.label}: gave up after ${failures} failed polls (${last.message})`, {
            cause: last,
            status: last instanceof TransportError ? last.status : undefined,
          }),
        };
      }
      const fatal = outcome.error;
      stop();
      guard(() => options.onFatal(fatal));
      return;
    }
  };

  run().catch((error: unknown) => {
    // Unreachable by construction; kept so a bug here can never become an unhandled rejection.
    stop();
    reportUncaught(error);
  });
  return stop;
}
