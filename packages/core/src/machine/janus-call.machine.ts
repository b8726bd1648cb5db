import { assign, emit, enqueueActions, setup } from 'xstate';
import { type JanusCallError, UsageError, toJanusCallError } from '../protocol/errors.js';
import { unprovidedActors } from './janus-call.actors.js';
import type { JanusCallContext, JanusCallEmitted, JanusCallEvent, JanusCallInput } from './janus-call.types.js';

const DEFAULT_KEEPALIVE_MS = 25_000;
const DEFAULT_STOP_TIMEOUT_MS = 5_000;

/** Why a username is refused before anything is sent, or null when it is fine. */
export function usernameProblem(username: unknown): UsageError | null {
  if (typeof username !== 'string' || username.trim() === '') {
    return new UsageError('invalid-username', 'The username must be a non-empty string');
  }
  if (username.length > 256) return new UsageError('invalid-username', 'The username is longer than 256 characters');
  return null;
}

const REFUSE_USERNAME = {
  actions: {
    type: 'reportError',
    params: ({ event }: { event: JanusCallEvent }) => ({
      error: usernameProblem(event.type === 'register' ? event.username : undefined) ?? new UsageError('invalid-username', 'Invalid username'),
    }),
  },
} as const;

function refuse(reason: UsageError['reason'], message: string) {
  return { type: 'reportError', params: () => ({ error: new UsageError(reason, message) }) } as const;
}

/**
 * The videocall client: session → handle → registration. The call states hang under
 * `registered`. Leaving a state stops what it invoked, so the long-poll and keepalive
 * live exactly as long as `session`.
 */
export const janusCallMachine = setup({
  types: {
    context: {} as JanusCallContext,
    events: {} as JanusCallEvent,
    input: {} as JanusCallInput,
    emitted: {} as JanusCallEmitted,
  },
  actors: unprovidedActors,
  guards: {
    validUsername: ({ event }) => event.type === 'register' && usernameProblem(event.username) === null,
    hasPendingUsername: ({ context }) => context.pendingUsername !== null,
    stopRequested: ({ context }) => context.stopRequested,
    isOurHandleDetached: ({ context, event }) =>
      event.type === 'janus.event' && event.event.janus === 'detached' && event.event.sender === context.handleId,
  },
  actions: {
    queueUsername: assign({
      pendingUsername: ({ event }) => (event.type === 'register' ? event.username : null),
      error: null,
    }),
    reportError: enqueueActions(({ enqueue }, params: { error: JanusCallError }) => {
      enqueue.assign({ error: params.error });
      enqueue.emit({ type: 'error', error: params.error });
    }),
    setError: assign({ error: ({ event }) => ('error' in event ? toJanusCallError(event.error) : null) }),
    emitError: emit(({ event }) => ({ type: 'error' as const, error: toJanusCallError('error' in event ? event.error : event) })),
    emitFailed: emit(({ context }) => ({ type: 'failed' as const, error: context.error ?? toJanusCallError('failed') })),
    clearSession: assign({ sessionId: null, handleId: null, server: null, peers: [] }),
  },
  delays: { stopTimeout: ({ context }) => context.stopTimeoutMs },
}).createMachine({
  id: 'janusCall',
  context: ({ input }) => ({
    sessionId: null,
    handleId: null,
    server: null,
    username: null,
    pendingUsername: null,
    peers: [],
    error: null,
    stopRequested: false,
    keepaliveMs: input.keepaliveMs ?? DEFAULT_KEEPALIVE_MS,
    stopTimeoutMs: input.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
  }),
  initial: 'connecting',
  on: {
    // Usage errors and non-fatal protocol noise land in `error` without changing state.
    'protocol.error': { actions: ['setError', 'emitError'] },
  },
  states: {
    connecting: {
      invoke: {
        src: 'createSession',
        onDone: [
          {
            guard: 'stopRequested',
            target: '#janusCall.session.stopping',
            actions: assign({ sessionId: ({ event }) => event.output.sessionId, server: ({ event }) => event.output.server }),
          },
          {
            target: 'session',
            actions: assign({ sessionId: ({ event }) => event.output.sessionId, server: ({ event }) => event.output.server }),
          },
        ],
        onError: [
          { guard: 'stopRequested', target: 'stopped' },
          { target: 'failed', actions: 'setError' },
        ],
      },
      on: {
        register: [{ guard: 'validUsername', actions: 'queueUsername' }, REFUSE_USERNAME],
        stop: { actions: assign({ stopRequested: true }) },
      },
    },

    session: {
      invoke: [
        { src: 'poller', input: ({ context }) => ({ sessionId: context.sessionId! }) },
        {
          src: 'keepalive',
          input: ({ context }) => ({ sessionId: context.sessionId!, intervalMs: context.keepaliveMs }),
        },
      ],
      on: {
        'transport.error': { target: 'failed', actions: 'setError' },
        'janus.event': {
          guard: 'isOurHandleDetached',
          target: 'failed',
          actions: assign({ error: () => new UsageError('invalid-state', 'Janus detached the videocall handle') }),
        },
        stop: '.stopping',
      },
      initial: 'attaching',
      states: {
        attaching: {
          invoke: {
            src: 'attach',
            input: ({ context }) => ({ sessionId: context.sessionId! }),
            onDone: [
              { guard: 'stopRequested', target: 'stopping', actions: assign({ handleId: ({ event }) => event.output }) },
              { target: 'ready', actions: assign({ handleId: ({ event }) => event.output }) },
            ],
            onError: { target: '#janusCall.failed', actions: 'setError' },
          },
          on: {
            register: [{ guard: 'validUsername', actions: 'queueUsername' }, REFUSE_USERNAME],
            stop: { actions: assign({ stopRequested: true }) },
          },
        },

        ready: {
          type: 'parallel',
          states: {
            registration: {
              initial: 'unregistered',
              states: {
                unregistered: {
                  always: { guard: 'hasPendingUsername', target: 'registering' },
                  on: {
                    register: [
                      { guard: 'validUsername', target: 'registering', actions: 'queueUsername' },
                      REFUSE_USERNAME,
                    ],
                  },
                },
                registering: {
                  invoke: {
                    src: 'register',
                    input: ({ context }) => ({
                      sessionId: context.sessionId!,
                      handleId: context.handleId!,
                      username: context.pendingUsername!,
                    }),
                    onDone: {
                      target: 'registered',
                      actions: [
                        assign({ username: ({ event }) => event.output, pendingUsername: null, error: null }),
                        emit(({ event }) => ({ type: 'registered' as const, username: event.output })),
                      ],
                    },
                    onError: {
                      target: 'unregistered',
                      actions: [assign({ pendingUsername: null }), 'setError', 'emitError'],
                    },
                  },
                  on: {
                    register: {
                      actions: refuse('registration-pending', 'A registration is already in progress'),
                    },
                  },
                },
                registered: {
                  // The server list changed: at least we are on it now.
                  entry: ({ self }) => self.send({ type: 'refreshPeers' }),
                  on: {
                    register: {
                      actions: refuse('already-registered', 'Already registered; the videocall plugin has no unregister'),
                    },
                  },
                },
              },
            },

            peers: {
              initial: 'idle',
              states: {
                idle: { on: { refreshPeers: 'loading' } },
                loading: {
                  invoke: {
                    src: 'listPeers',
                    input: ({ context }) => ({ sessionId: context.sessionId!, handleId: context.handleId! }),
                    onDone: {
                      target: 'idle',
                      actions: assign({ peers: ({ context, event }) => event.output.filter((name) => name !== context.username) }),
                    },
                    onError: { target: 'idle', actions: ['setError', 'emitError'] },
                  },
                },
              },
            },
          },
        },

        stopping: {
          invoke: {
            src: 'teardown',
            input: ({ context }) => ({ sessionId: context.sessionId, handleId: context.handleId, inCall: false }),
            onDone: '#janusCall.stopped',
            onError: '#janusCall.stopped',
          },
          after: { stopTimeout: '#janusCall.stopped' },
          on: {
            stop: {},
            // The session dying under us is as good as destroyed.
            'transport.error': '#janusCall.stopped',
            'janus.event': {},
          },
        },
      },
    },

    failed: {
      entry: 'emitFailed',
      on: {
        reconnect: {
          target: 'connecting',
          actions: [
            assign({ pendingUsername: ({ context }) => context.username ?? context.pendingUsername, username: null, error: null }),
            'clearSession',
          ],
        },
        register: [{ guard: 'validUsername', actions: 'queueUsername' }, REFUSE_USERNAME],
        stop: 'releasing',
      },
    },

    /** After a failure: destroy the session if the server may still hold it. */
    releasing: {
      invoke: {
        src: 'teardown',
        input: ({ context }) => ({ sessionId: context.sessionId, handleId: context.handleId, inCall: false }),
        onDone: 'stopped',
        onError: 'stopped',
      },
      after: { stopTimeout: 'stopped' },
    },

    stopped: { type: 'final', entry: 'clearSession' },
  },
});
