import { type Actor, type AnyActorLogic, type EventObject, fromCallback, fromPromise } from 'xstate';
import { ProtocolError, TransportError, UsageError, toJanusCallError } from '../protocol/errors.js';
import type { Jsep } from '../protocol/janus.schema.js';
import { VIDEOCALL_PLUGIN } from '../protocol/videocall.schema.js';
import { browserRtc } from '../rtc/browser.rtc.js';
import type { RtcAdapter } from '../rtc/rtc-adapter.js';
import type { JanusTransport } from '../transport/transport.js';
import type { JanusCallInternalEvent } from './janus-call.types.js';
import { PeerSlot, peerConnectionActor } from './peer.actor.js';
import { toServerEvent } from './server-events.js';
import { type HandleRef, type SessionRef, sendVideocall, sendVideocallReply, unexpectedResult } from './videocall.js';

export interface JanusCallActorOptions {
  /** WebRTC for calls; the browser's own by default. */
  rtc?: RtcAdapter;
  /** Receives the live peer connection, for `getStats()`. */
  peerSlot?: PeerSlot;
}

/** The actor system a client's actors run in: one per `createActor`, shared by all its children. */
export type ActorSystemOf = Actor<AnyActorLogic>['system'];

/** What one client's actors work with. */
export interface JanusCallDeps {
  transport: JanusTransport;
  /** The rtc adapter, made when the first call needs it (never at import). */
  rtc: () => RtcAdapter;
  peerSlot: PeerSlot;
}

export function janusCallDeps(transport: JanusTransport, options: JanusCallActorOptions = {}): JanusCallDeps {
  let defaultRtc: RtcAdapter | undefined;
  return { transport, rtc: () => options.rtc ?? (defaultRtc ??= browserRtc()), peerSlot: options.peerSlot ?? new PeerSlot() };
}

/** Actor implementations over a transport and an rtc adapter, for `janusCallMachine.provide({ actors })`. */
export function janusCallActors(transport: JanusTransport, options: JanusCallActorOptions = {}) {
  const deps = janusCallDeps(transport, options);
  return actorsOver(() => deps);
}

/**
 * The actors, each finding its client's dependencies through the actor system it runs in: one
 * provided machine can then serve every client (`provide()` rebuilds the whole state tree each time).
 */
export function actorsOver(deps: (system: ActorSystemOf) => JanusCallDeps) {
  return {
    createSession: fromPromise<{ sessionId: number; server: string }>(({ signal, system }) =>
      deps(system).transport.createSession({ signal }),
    ),

    attach: fromPromise<number, SessionRef>(({ input, signal, system }) =>
      deps(system).transport.attach(input.sessionId, VIDEOCALL_PLUGIN, { signal }),
    ),

    register: fromPromise<string, HandleRef & { username: string }>(async ({ input, signal, system }) => {
      const result = await sendVideocall(deps(system).transport, input, { request: 'register', username: input.username }, signal);
      if (!('event' in result) || result.event !== 'registered') throw unexpectedResult('register', result);
      return result.username;
    }),

    listPeers: fromPromise<string[], HandleRef>(async ({ input, signal, system }) => {
      const result = await sendVideocall(deps(system).transport, input, { request: 'list' }, signal);
      if (!('list' in result)) throw unexpectedResult('list', result);
      return result.list;
    }),

    /** `busy` holds the reason when the callee is in another call; `seq` orders the reply among events. */
    sendCall: fromPromise<{ busy: string | null; seq: number }, HandleRef & { username: string; jsep: Jsep }>(
      async ({ input, signal, system }) => {
        const reply = await sendVideocallReply(deps(system).transport, input, { request: 'call', username: input.username }, signal, input.jsep);
        const { result, seq } = reply;
        if ('event' in result && result.event === 'calling') return { busy: null, seq };
        if ('event' in result && result.event === 'hangup') return { busy: result.reason, seq };
        throw unexpectedResult('call', result);
      },
    ),

    sendAccept: fromPromise<void, HandleRef & { jsep: Jsep }>(async ({ input, signal, system }) => {
      const result = await sendVideocall(deps(system).transport, input, { request: 'accept' }, signal, input.jsep);
      if (!('event' in result) || result.event !== 'accepted') throw unexpectedResult('accept', result);
    }),

    sendHangup: fromPromise<void, HandleRef & { reason?: string }>(async ({ input, signal, system }) => {
      await sendVideocall(deps(system).transport, input, { request: 'hangup', ...(input.reason && { reason: input.reason }) }, signal);
    }),

    peerConnection: peerConnectionActor(deps),

    /** The session's one long-poll, alive exactly as long as the session state. */
    poller: fromCallback<EventObject, SessionRef>(({ input, sendBack, system }) =>
      deps(system).transport.poll(input.sessionId, {
        onEvent: (raw, seq) => {
          const event = toServerEvent(raw, seq);
          if (event instanceof ProtocolError) sendBack({ type: 'protocol.error', error: event } satisfies JanusCallInternalEvent);
          else if (event) sendBack(event);
        },
        onError: (error) => sendBack({ type: 'transport.error', error } satisfies JanusCallInternalEvent),
        onProtocolError: (error) => sendBack({ type: 'protocol.error', error } satisfies JanusCallInternalEvent),
      }),
    ),

    /** With `probe`, one keepalive goes out at once: a resumed session learns quickly that it is back. */
    keepalive: fromCallback<EventObject, SessionRef & { intervalMs: number; probe: boolean }>(({ input, sendBack, system }) => {
      const { transport } = deps(system);
      const controller = new AbortController();
      const beat = () => {
        const answered = () => sendBack({ type: 'transport.ok' } satisfies JanusCallInternalEvent);
        const failed = (error: unknown) => {
          // Only "session gone" is news here: the poll already reports a dead network.
          const typed = toJanusCallError(error);
          if (typed instanceof TransportError && typed.reason === 'session-gone') {
            sendBack({ type: 'transport.error', error: typed } satisfies JanusCallInternalEvent);
          }
        };
        transport.keepalive(input.sessionId, { signal: controller.signal }).then(answered, failed);
      };
      const timer = setInterval(beat, input.intervalMs);
      if (input.probe) beat();
      return () => {
        clearInterval(timer);
        controller.abort();
      };
    }),

    /** Hang up, detach and destroy, each best-effort: whatever fails, the next step still runs. */
    teardown: fromPromise<void, { sessionId: number | null; handleId: number | null; inCall: boolean }>(
      async ({ input, signal, system }) => {
        const { transport } = deps(system);
        const { sessionId, handleId } = input;
        if (sessionId === null) return;
        if (handleId !== null) {
          if (input.inCall) {
            await sendVideocall(transport, { sessionId, handleId }, { request: 'hangup' }, signal).catch(() => {});
          }
          await transport.detach(sessionId, handleId, { signal }).catch(() => {});
        }
        await transport.destroy(sessionId, { signal }).catch(() => {});
      },
    ),
  };
}

export type JanusCallActors = ReturnType<typeof actorsOver>;

/** Placeholders so the bare machine type-checks and visualizes; using it without `provide` fails clearly. */
export const unprovidedActors: JanusCallActors = janusCallActors(
  new Proxy({} as JanusTransport, {
    get() {
      return () => {
        throw new UsageError(
          'invalid-state',
          'janusCallMachine needs actors: use createJanusCall() or machine.provide({ actors: janusCallActors(transport) })',
        );
      };
    },
  }),
);
