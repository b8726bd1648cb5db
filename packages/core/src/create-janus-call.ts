import { type Actor, type InspectionEvent, type Observer, createActor, waitFor } from 'xstate';
import { type ActorSystemOf, type JanusCallDeps, actorsOver, janusCallDeps } from './machine/janus-call.actors.js';
import { janusCallMachine } from './machine/janus-call.machine.js';
import type { CallMedia, JanusCallEmitted, JanusCallInput, SetMediaOptions } from './machine/janus-call.types.js';
import { PeerSlot } from './machine/peer.actor.js';
import { MediaError, UsageError, toJanusCallError } from './protocol/errors.js';
import type { CallStats, IceServer, RtcAdapter } from './rtc/rtc-adapter.js';
import { type JanusCallView, view as toView } from './machine/view.js';
import { type HttpTransportOptions, createHttpTransport } from './transport/http.transport.js';
import type { JanusTransport } from './transport/transport.js';

export interface JanusCallOptions {
  /** Janus REST base URL, e.g. `http://localhost:8088/janus`; several are tried in order. */
  server: string | string[];
  token?: string;
  apiSecret?: string;
  /** STUN/TURN servers for calls; none by default. */
  iceServers?: IceServer[];
  /** WebRTC for calls: the browser's own by default, `weriftRtc()` from @janus-call/werift in Node. */
  rtc?: RtcAdapter;
  /** What calls send by default: audio and video. */
  media?: Partial<CallMedia>;
  /** An unanswered call is hung up after this long (default 45 s). */
  ringTimeoutMs?: number;
  /** Injected `fetch` (tests, proxies, runtimes without a global one). */
  fetch?: typeof fetch;
  /** Replaces the HTTP transport entirely; `server`, `token`, `apiSecret` and `fetch` are then unused. */
  transport?: JanusTransport;
  /** Retry policy of the HTTP transport's long-poll for a dead network. */
  retry?: HttpTransportOptions['retry'];
  /**
   * Automatic recovery once the transport gives up or Janus lost the session: resume the same
   * session if the server still has it, else a new one registering the same name. `false` disables.
   */
  recovery?: JanusCallInput['recovery'];
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
  /** Call a registered user. Outcome in `view.status`; failures in `view.error`. */
  call(username: string, media?: Partial<CallMedia>): void;
  /** Answer the ringing call. */
  accept(media?: Partial<CallMedia>): void;
  /** Refuse the ringing call; the caller sees "Call declined". */
  decline(): void;
  hangup(): void;
  /** Mute/unmute what we send, or cap the bitrate the peer sends us. */
  setMedia(options: SetMediaOptions): void;
  /** Normalised RTP counters of the current call; `null` outside a call. */
  getStats(): Promise<CallStats | null>;
  /** After `failed` (or while waiting to recover): try now. Resumes the session if the server still has it. */
  reconnect(): void;
  /** Hang up, detach and destroy the session on the server, then stop everything local. Bounded in time. */
  stop(): Promise<void>;
}

/**
 * Every client runs the same provided machine: `provide()` per client would rebuild the whole state
 * tree (about 110 KB of heap each). The actors find their client's transport and rtc by actor system.
 */
const clients = new WeakMap<ActorSystemOf, JanusCallDeps>();
let shared: ReturnType<typeof janusCallMachine.provide> | undefined;
function sharedMachine() {
  shared ??= janusCallMachine.provide({
    actors: actorsOver((system) => {
      const deps = clients.get(system);
      if (!deps) throw new UsageError('invalid-state', 'This actor system belongs to no createJanusCall() client');
      return deps;
    }),
  });
  return shared;
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

  const peerSlot = new PeerSlot();
  const actor = createActor(sharedMachine(), {
    input: {
      ...(options.keepaliveMs !== undefined && { keepaliveMs: options.keepaliveMs }),
      ...(options.ringTimeoutMs !== undefined && { ringTimeoutMs: options.ringTimeoutMs }),
      ...(options.iceServers !== undefined && { iceServers: options.iceServers }),
      ...(options.media !== undefined && { media: options.media }),
      ...(options.recovery !== undefined && { recovery: options.recovery }),
      stopTimeoutMs,
    },
    ...(options.inspect !== undefined && { inspect: options.inspect }),
  });
  // Before start: the first actor the machine invokes looks these up.
  clients.set(actor.system, janusCallDeps(transport, { peerSlot, ...(options.rtc && { rtc: options.rtc }) }));
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

  /** Commands after stop() are a programming error: say so, instead of dropping them. */
  const send = (event: Parameters<typeof actor.send>[0]) => {
    if (stopping || actor.getSnapshot().status !== 'active') {
      throw new UsageError('stopped', `Cannot ${event.type}: this client was stopped`);
    }
    actor.send(event);
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
    register: (username) => send({ type: 'register', username }),
    refreshPeers: () => send({ type: 'refreshPeers' }),
    reconnect: () => send({ type: 'reconnect' }),
    call: (username, media) => send({ type: 'call', username, ...(media && { media }) }),
    accept: (media) => send({ type: 'accept', ...(media && { media }) }),
    decline: () => send({ type: 'decline' }),
    hangup: () => send({ type: 'hangup' }),
    setMedia: (media) => send({ type: 'setMedia', options: media ?? {} }),
    async getStats() {
      const peer = peerSlot.current;
      if (!peer) return null;
      try {
        return await peer.getStats();
      } catch (error) {
        throw error instanceof MediaError ? error : toJanusCallError(error);
      }
    },
    stop,
  };
}
