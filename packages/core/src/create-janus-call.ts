import { type Actor, type InspectionEvent, type Observer, createActor, waitFor } from 'xstate';
import { janusCallActors } from './machine/janus-call.actors.js';
import { janusCallMachine } from './machine/janus-call.machine.js';
import type { JanusCallEmitted } from './machine/janus-call.types.js';
import { type JanusCallView, view as toView } from './machine/view.js';
import { type HttpTransportOptions, createHttpTransport } from './transport/http.transport.js';
import type { JanusTransport } from './transport/transport.js';

export interface JanusCallOptions {
  /** Janus REST base URL, e.g. `http://localhost:8088/janus`; several are tried in order. */
  server: string | string[];
  token?: string;
  apiSecret?: string;
  iceServers?: RTCIceServer[];
  /** Injected `fetch` (tests, proxies, runtimes without a global one). */
  fetch?: typeof fetch;
  /** Replaces the HTTP transport entirely; `server`, `token`, `apiSecret` and `fetch` are then unused. */
  transport?: JanusTransport;
  /** Retry policy of the HTTP transport for a dead network. */
  retry?: HttpTransportOptions['retry'];
  /** Passed to XState's `createActor`, e.g. `createBrowserInspector().inspect` from @statelyai/inspect. */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  keepaliveMs?: number;
  /** Upper bound for `stop()` to clean up on the server (default 5 s). */
  stopTimeoutMs?: number;
}

export type JanusCallActor = Actor<typeof janusCallMachine>;

export interface JanusCall {
  /** The running XState actor, for `useSelector`, inspection or advanced use. */
  readonly actor: JanusCallActor;
  /** The current view; the same object until something changes. */
  readonly view: JanusCallView;
  /** Called with every new view. Returns the unsubscribe function. */
  subscribe(listener: (view: JanusCallView) => void): () => void;
  /** Listen to notifications that are not state (`registered`, `error`, `failed`). */
  on<T extends JanusCallEmitted['type']>(type: T, handler: (event: Extract<JanusCallEmitted, { type: T }>) => void): () => void;
  register(username: string): void;
  refreshPeers(): void;
  /** Create a new session after `failed`, registering the same name again. */
  reconnect(): void;
  /** Hang up, detach and destroy the session on the server, then stop everything local. Bounded in time. */
  stop(): Promise<void>;
}

/** Create and start a videocall client. */
export function createJanusCall(options: JanusCallOptions): JanusCall {
  const transport =
    options.transport ??
    createHttpTransport({
      server: options.server,
      ...(options.token !== undefined && { token: options.token }),
      ...(options.apiSecret !== undefined && { apiSecret: options.apiSecret }),
      ...(options.fetch !== undefined && { fetch: options.fetch }),
      ...(options.retry !== undefined && { retry: options.retry }),
    });
  const ownsTransport = options.transport === undefined;
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;

  const actor = createActor(janusCallMachine.provide({ actors: janusCallActors(transport) }), {
    input: {
      ...(options.keepaliveMs !== undefined && { keepaliveMs: options.keepaliveMs }),
      stopTimeoutMs,
    },
    ...(options.inspect !== undefined && { inspect: options.inspect }),
  });
  // An actor error must never surface as an unhandled exception in the app.
  actor.subscribe({ error: () => {} });

  let lastSnapshot = actor.getSnapshot();
  let lastView = toView(lastSnapshot);
  const currentView = () => {
    const snapshot = actor.getSnapshot();
    if (snapshot !== lastSnapshot) {
      lastSnapshot = snapshot;
      lastView = toView(snapshot);
    }
    return lastView;
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      actor.send({ type: 'stop' });
      try {
        await waitFor(actor, (s) => s.status !== 'active', { timeout: stopTimeoutMs + 1_000 });
      } catch {
        // Bounded: whatever did not finish is cut off below.
      }
      actor.stop();
      if (ownsTransport) transport.close();
    })();
    return stopping;
  };

  actor.start();

  return {
    actor,
    get view() {
      return currentView();
    },
    subscribe(listener) {
      let previous = currentView();
      const subscription = actor.subscribe({
        next: () => {
          const next = currentView();
          if (next !== previous) {
            previous = next;
            listener(next);
          }
        },
        error: () => {},
      });
      return () => subscription.unsubscribe();
    },
    on(type, handler) {
      const subscription = actor.on(type, handler as never);
      return () => subscription.unsubscribe();
    },
    register: (username) => actor.send({ type: 'register', username }),
    refreshPeers: () => actor.send({ type: 'refreshPeers' }),
    reconnect: () => actor.send({ type: 'reconnect' }),
    stop,
  };
}
