import { assign, emit, raise } from 'xstate';
import { TransportError, UsageError } from '../protocol/errors.js';
import { callStates } from './call.states.js';
import { NO_CALL, janusCallSetup, refuse } from './janus-call.setup.js';

import { usernameProblem } from './janus-call.setup.js';

export { usernameProblem };

const REFUSE_USERNAME = {
  actions: {
    type: 'reportError',
    params: ({ event }: { event: { type: string; username?: unknown } }) => ({
      error: usernameProblem(event.username) ?? new UsageError('invalid-username', 'Invalid username'),
    }),
  },
} as const;
/** A transport failure: recover automatically while attempts last, else fail. */
const RECOVER = [
  { guard: 'canRecover', target: '#janusCall.reconnecting', actions: ['setError', 'forgetGoneSession'] },
  { target: '#janusCall.failed', actions: ['setError', 'forgetGoneSession'] },
] as const;
/** Resume the session the server may still hold, else start over. */
const RESUME_OR_CONNECT = [
  { guard: 'hasSession', target: '#janusCall.session.ready' },
  { target: '#janusCall.connecting', actions: 'clearSession' },
] as const;

const QUEUE_USERNAME = [{ guard: 'validUsername', actions: 'queueUsername' }, REFUSE_USERNAME] as const;
const NOT_REGISTERED = { call: { actions: refuse('not-registered', 'Register before calling') }, ...NO_CALL } as const;

/**
 * The videocall client: session → handle → registration → call. Leaving a state stops what
 * it invoked: the long-poll and keepalive live exactly as long as `session`, the
 * PeerConnection as long as `call`.
 */
export const janusCallMachine = janusCallSetup.createMachine({
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
    keepaliveMs: input.keepaliveMs ?? 25_000,
    stopTimeoutMs: input.stopTimeoutMs ?? 5_000,
    recovery:
      input.recovery === false
        ? { attempts: 0, delayMs: 0, maxDelayMs: 0 }
        : { attempts: 5, delayMs: 1_000, maxDelayMs: 15_000, ...input.recovery },
    recoveryAttempt: 0,
    ringTimeoutMs: input.ringTimeoutMs ?? 45_000,
    iceServers: input.iceServers ?? [],
    peer: null,
    remoteOffer: null,
    media: { audio: input.media?.audio ?? true, video: input.media?.video ?? true },
    bitrate: null,
    localStream: null,
    remoteStream: null,
    webrtcUp: false,
    uplinkUp: false,
    connectedAt: null,
    lastCall: null,
    lastEndedAt: null,
    redials: 0,
    pendingHangup: null,
    poorLink: false,
    deferred: [],
    serverPc: false,
    vagueHangup: null,
  }),
  initial: 'connecting',
  on: {
    // Non-fatal noise from the server lands in `error` without changing state.
    'protocol.error': { actions: ['setError', 'emitError'] },
    ...NOT_REGISTERED,
    refreshPeers: { actions: refuse('invalid-state', 'Not connected to Janus') },
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
        onError: [{ guard: 'stopRequested', target: 'stopped' }, ...RECOVER],
      },
      on: { register: QUEUE_USERNAME, stop: { actions: assign({ stopRequested: true }) } },
    },

    session: {
      invoke: [
        { src: 'poller', input: ({ context }) => ({ sessionId: context.sessionId! }) },
        {
          src: 'keepalive',
          input: ({ context }) => ({ sessionId: context.sessionId!, intervalMs: context.keepaliveMs, probe: context.recoveryAttempt > 0 }),
        },
      ],
      on: {
        'transport.error': RECOVER,
        // The server answered: whatever failed before is over.
        'transport.ok': {
          actions: assign(({ context }) => ({
            recoveryAttempt: 0,
            error: context.error instanceof TransportError ? null : context.error,
          })),
        },
        // Janus detaches our handle when the session is reaped; the 404 that follows says the same.
        'janus.detached': {
          actions: raise(() => ({
            type: 'transport.error' as const,
            error: new TransportError('session-gone', 'Janus detached the videocall handle'),
          })),
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
            onError: RECOVER,
          },
          on: { register: QUEUE_USERNAME, stop: { actions: assign({ stopRequested: true }) } },
        },

        ready: {
          type: 'parallel',
          states: {
            registration: {
              initial: 'unregistered',
              states: {
                unregistered: {
                  always: [
                    // A resumed session still holds our registration.
                    { guard: 'isRegistered', target: 'registered' },
                    { guard: 'hasPendingUsername', target: 'registering' },
                  ],
                  on: { register: [{ guard: 'validUsername', target: 'registering', actions: 'queueUsername' }, REFUSE_USERNAME] },
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
                        assign({ username: ({ event }) => event.output, pendingUsername: null, error: null, recoveryAttempt: 0 }),
                        emit(({ event }) => ({ type: 'registered' as const, username: event.output })),
                      ],
                    },
                    onError: { target: 'unregistered', actions: [assign({ pendingUsername: null }), 'setError', 'emitError'] },
                  },
                  on: { register: { actions: refuse('registration-pending', 'A registration is already in progress') } },
                },
                registered: {
                  // The server's list changed: at least we are on it now.
                  entry: ({ self }) => self.send({ type: 'refreshPeers' }),
                  on: { register: { actions: refuse('already-registered', 'Already registered; the videocall plugin has no unregister') } },
                  ...callStates,
                },
              },
            },

            peers: {
              initial: 'idle',
              states: {
                idle: { on: { refreshPeers: 'loading' } },
                loading: {
                  on: { refreshPeers: {} },
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

            /** A quality hint: slow-link reports mark the link poor until they stop for a while. */
            link: {
              initial: 'good',
              states: {
                good: { on: { 'janus.slowlink': 'poor', 'videocall.slowlink': 'poor' } },
                poor: {
                  entry: assign({ poorLink: true }),
                  exit: assign({ poorLink: false }),
                  on: { 'janus.slowlink': { target: 'poor', reenter: true }, 'videocall.slowlink': { target: 'poor', reenter: true } },
                  after: { linkRecovery: 'good' },
                },
              },
            },
          },
        },

        stopping: {
          invoke: {
            src: 'teardown',
            input: ({ context }) => ({ sessionId: context.sessionId, handleId: context.handleId, inCall: context.peer !== null }),
            onDone: '#janusCall.stopped',
            onError: '#janusCall.stopped',
          },
          after: { stopTimeout: '#janusCall.stopped' },
          on: {
            stop: {},
            // The session dying under us is as good as destroyed.
            'transport.error': '#janusCall.stopped',
            'janus.detached': {},
          },
        },
      },
    },

    /** Waiting before the next recovery attempt; the view says `connecting` and keeps the error. */
    reconnecting: {
      entry: [assign({ recoveryAttempt: ({ context }) => context.recoveryAttempt + 1 }), 'emitReconnecting'],
      after: { recoveryDelay: RESUME_OR_CONNECT },
      on: {
        reconnect: RESUME_OR_CONNECT,
        register: QUEUE_USERNAME,
        stop: 'releasing',
      },
    },

    failed: {
      entry: 'emitFailed',
      on: {
        reconnect: [
          { guard: 'hasSession', target: '#janusCall.session.ready', actions: assign({ recoveryAttempt: 0 }) },
          { target: 'connecting', actions: ['forgetSessionIfGone', 'clearSession', assign({ recoveryAttempt: 0 })] },
        ],
        register: QUEUE_USERNAME,
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
