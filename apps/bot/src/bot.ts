import {
  type CallEnd,
  type JanusCall,
  type JanusCallError,
  type JanusCallOptions,
  type JanusCallView,
  type RtcAdapter,
  createJanusCall,
} from '@janus-call/core';
import { weriftRtc } from '@janus-call/werift';
import { type Backoff, createBackoff } from './backoff.js';

export interface BotOptions {
  /** Janus REST base URL(s), e.g. `http://127.0.0.1:8088/janus`. */
  server: string | string[];
  username: string;
  /** Send the caller's media back instead of the synthetic test pattern. */
  echo?: boolean;
  /** Suppress the per-state lines; errors are still written. */
  quiet?: boolean;
  /** Where state lines go (default: stdout). */
  log?: (line: string) => void;
  /** Where errors go (default: stderr). */
  warn?: (line: string) => void;
  /** Delays between reconnect attempts after the client failed; doubles up to `maxMs`. */
  reconnect?: { initialMs?: number; maxMs?: number };
  /** Replaces werift (tests). */
  rtc?: RtcAdapter;
  /** Passed on to `createJanusCall` (e.g. `retry`, `stopTimeoutMs`). */
  client?: Partial<Omit<JanusCallOptions, 'server' | 'rtc'>>;
  /** Timestamp source for log lines (tests). */
  now?: () => Date;
  /** Aborting it before the first registration stops the client and rejects `startBot`. */
  signal?: AbortSignal;
}

export interface Bot {
  /** The underlying SDK client. */
  readonly call: JanusCall;
  /** Calls answered since start. */
  readonly answered: number;
  /** Hang up, stop reconnecting, detach and destroy the session on the server. Bounded in time. */
  stop(): Promise<void>;
}

/** The bot could not get registered the first time; the client is already stopped. */
export class BotStartError extends Error {
  override readonly name = 'BotStartError';
  constructor(
    message: string,
    readonly error: JanusCallError | null,
  ) {
    super(message);
  }
}

const describeError = (error: JanusCallError | null) =>
  error ? `${error.name}${error.code === undefined ? '' : ` ${error.code}`}: ${error.message}` : 'unknown error';

const describeEnd = (end: CallEnd) => `ended peer=${end.peer ?? '?'} cause=${end.cause} reason="${end.reason}"`;

/** Why the first registration failed, worded for the person who started the bot. */
function startProblem(view: JanusCallView, username: string): string {
  const error = view.error;
  if (error?.code === 476) return `The username "${username}" is already taken on this Janus (476); pick another with --username`;
  if (view.status === 'failed') return `Could not reach Janus: ${describeError(error)}`;
  return `Registration as "${username}" was refused: ${describeError(error)}`;
}

/**
 * Registers, answers every call, and keeps going: after the client fails (Janus gone) it
 * reconnects with a capped backoff. Resolves once registered the first time; a refusal then
 * (taken name, unreachable server) rejects with a BotStartError, since retrying will not fix it.
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const now = options.now ?? (() => new Date());
  const out = options.log ?? ((line: string) => console.log(line));
  const err = options.warn ?? ((line: string) => console.error(line));
  const line = (text: string) => `${now().toISOString()}  ${text}`;
  const log = (text: string) => {
    if (!options.quiet) out(line(text));
  };
  const warn = (text: string) => err(line(text));

  const call = createJanusCall({
    ...options.client,
    server: options.server,
    rtc: options.rtc ?? weriftRtc({ echo: options.echo === true }),
  });
  const backoff: Backoff = createBackoff(options.reconnect);
  let answered = 0;
  let started = false;
  let stopping = false;
  /** Set when the connection was lost (the client is recovering, or gave up); cleared once registered again. */
  let lost = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const retry = (what: string, action: () => void) => {
    if (stopping || retryTimer) return;
    const delay = backoff.next();
    log(`${what}; retrying in ${delay} ms (attempt ${backoff.attempt})`);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (stopping) return;
      try {
        action();
      } catch (error) {
        warn(`retry failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, delay);
  };

  let previous = call.view;
  log(`${previous.status}  server=${[options.server].flat().join(',')} username=${options.username} mode=${options.echo ? 'echo' : 'test-pattern'}`);
  call.subscribe((view) => {
    const ended = view.lastCall !== previous.lastCall && view.lastCall !== null ? view.lastCall : null;
    if (view.status !== previous.status || ended) {
      const peer = view.peer && view.status !== 'registered' ? `  peer=${view.peer}` : '';
      const count = view.status === 'mediaUp' ? `  call=#${answered}` : '';
      log(`${view.status}${peer}${count}${ended ? `  ${describeEnd(ended)}` : ''}`);
    }
    const before = previous;
    previous = view;
    if (!started || stopping) return;
    if (view.status === 'registered' && before.status !== 'registered' && (lost || backoff.attempt > 0)) {
      lost = false;
      backoff.reset();
      log(`registered again as ${view.username}`);
    }
    // Status only changes to `idle` with an error when a re-registration was refused (e.g. 476 while the old session lingers).
    if (view.status === 'idle' && before.status !== 'idle' && view.error) {
      retry(`re-registration refused (${describeError(view.error)})`, () => call.register(options.username));
    }
  });

  call.on('incomingcall', ({ peer }) => {
    if (stopping) return;
    answered += 1;
    log(`answering call #${answered} from ${peer}`);
    try {
      call.accept();
    } catch (error) {
      warn(`could not answer ${peer}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  call.on('error', ({ error }) => {
    if (started && !stopping) warn(`error  ${describeError(error)}`);
  });
  call.on('reconnecting', ({ attempt, error }) => {
    if (!started || stopping) return;
    lost = true;
    warn(`connection lost (${describeError(error)}); the client reconnects by itself (attempt ${attempt})`);
  });
  call.on('failed', ({ error }) => {
    if (!started || stopping) return;
    lost = true;
    warn(`client failed  ${describeError(error)}`);
    retry('reconnecting', () => call.reconnect());
  });

  const stop = async () => {
    stopping = true;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    await call.stop();
  };

  call.register(options.username);
  const first = await new Promise<JanusCallView>((resolve) => {
    const done = (view: JanusCallView) => {
      unsubscribe();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(view);
    };
    const settle = (view: JanusCallView) => {
      if (view.status === 'registered' || view.status === 'failed' || view.status === 'stopped' || (view.status === 'idle' && view.error)) done(view);
    };
    const onAbort = () => done(call.view);
    const unsubscribe = call.subscribe(settle);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    else settle(call.view);
  });
  if (options.signal?.aborted) {
    await stop();
    throw new BotStartError('Stopped before the registration completed', null);
  }
  if (first.status !== 'registered') {
    await stop();
    throw new BotStartError(startProblem(first, options.username), first.error);
  }
  started = true;
  log(`ready: answering every call to "${first.username}" (${options.echo ? 'echoing the caller' : 'sending the test pattern'})`);

  return {
    call,
    get answered() {
      return answered;
    },
    stop,
  };
}
