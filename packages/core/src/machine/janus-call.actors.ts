import { type EventObject, fromCallback, fromPromise } from 'xstate';
import {
  ProtocolError,
  TransportError,
  UsageError,
  VideocallError,
  toJanusCallError,
} from '../protocol/errors.js';
import { parseVideocallData } from '../protocol/parse.js';
import { VIDEOCALL_PLUGIN, type VideocallRequest, type VideocallResult } from '../protocol/videocall.schema.js';
import type { JanusTransport } from '../transport/transport.js';
import type { JanusCallInternalEvent } from './janus-call.types.js';

export interface SessionRef {
  sessionId: number;
}
export interface HandleRef extends SessionRef {
  handleId: number;
}

/** Send a videocall request and return its validated result, or throw the plugin's typed error. */
export async function sendVideocall(
  transport: JanusTransport,
  ref: HandleRef,
  body: VideocallRequest,
  signal?: AbortSignal,
): Promise<VideocallResult> {
  const reply = await transport.message(ref.sessionId, ref.handleId, body, signal ? { signal } : {});
  const data = parseVideocallData(reply.data);
  if (data instanceof ProtocolError) throw data;
  if (!data.ok) throw new VideocallError(data.code, data.reason);
  return data.result;
}

function unexpected(what: string, result: unknown): ProtocolError {
  return new ProtocolError(`Unexpected videocall result to ${what}`, JSON.stringify(result));
}

/** Actor implementations over a transport; `createJanusCall` provides them to the machine. */
export function janusCallActors(transport: JanusTransport) {
  return {
    createSession: fromPromise<{ sessionId: number; server: string }>(({ signal }) =>
      transport.createSession({ signal }),
    ),

    attach: fromPromise<number, SessionRef>(({ input, signal }) =>
      transport.attach(input.sessionId, VIDEOCALL_PLUGIN, { signal }),
    ),

    register: fromPromise<string, HandleRef & { username: string }>(async ({ input, signal }) => {
      const result = await sendVideocall(transport, input, { request: 'register', username: input.username }, signal);
      if (!('event' in result) || result.event !== 'registered') throw unexpected('register', result);
      return result.username;
    }),

    listPeers: fromPromise<string[], HandleRef>(async ({ input, signal }) => {
      const result = await sendVideocall(transport, input, { request: 'list' }, signal);
      if (!('list' in result)) throw unexpected('list', result);
      return result.list;
    }),

    /** The session's one long-poll, alive exactly as long as the session state. */
    poller: fromCallback<EventObject, SessionRef>(({ input, sendBack }) =>
      transport.poll(input.sessionId, {
        onEvent: (event) => sendBack({ type: 'janus.event', event } satisfies JanusCallInternalEvent),
        onError: (error) => sendBack({ type: 'transport.error', error } satisfies JanusCallInternalEvent),
        onProtocolError: (error) => sendBack({ type: 'protocol.error', error } satisfies JanusCallInternalEvent),
      }),
    ),

    keepalive: fromCallback<EventObject, SessionRef & { intervalMs: number }>(({ input, sendBack }) => {
      const controller = new AbortController();
      const timer = setInterval(() => {
        transport.keepalive(input.sessionId, { signal: controller.signal }).catch((error: unknown) => {
          // Only "session gone" is news here: the poll already reports a dead network.
          const typed = toJanusCallError(error);
          if (typed instanceof TransportError && typed.reason === 'session-gone') {
            sendBack({ type: 'transport.error', error: typed } satisfies JanusCallInternalEvent);
          }
        });
      }, input.intervalMs);
      return () => {
        clearInterval(timer);
        controller.abort();
      };
    }),

    /** Hang up, detach and destroy, each best-effort: whatever fails, the next step still runs. */
    teardown: fromPromise<void, { sessionId: number | null; handleId: number | null; inCall: boolean }>(
      async ({ input, signal }) => {
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

export type JanusCallActors = ReturnType<typeof janusCallActors>;

/** Placeholders so the bare machine type-checks and visualizes; using it without `provide` fails clearly. */
export const unprovidedActors: JanusCallActors = janusCallActors(
  new Proxy({} as JanusTransport, {
    get() {
      return () => {
        throw new UsageError('invalid-state', 'janusCallMachine needs actors: use createJanusCall() or machine.provide({ actors: janusCallActors(transport) })');
      };
    },
  }),
);
