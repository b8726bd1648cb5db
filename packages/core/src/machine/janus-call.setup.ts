import { assign, emit, enqueueActions, setup } from 'xstate';
import { type JanusCallError, JanusError, JanusErrorCode, TransportError, UsageError, toJanusCallError } from '../protocol/errors.js';
import { unprovidedActors } from './janus-call.actors.js';
import type {
  CallEnd,
  CallMedia,
  JanusCallContext,
  JanusCallEmitted,
  JanusCallEvent,
  JanusCallInput,
} from './janus-call.types.js';
import { callEnd } from './server-events.js';

/** Why a username is refused before anything is sent, or null when it is fine. */
export function usernameProblem(username: unknown): UsageError | null {
  if (typeof username !== 'string' || username.trim() === '') {
    return new UsageError('invalid-username', 'The username must be a non-empty string');
  }
  if (username.length > 256) return new UsageError('invalid-username', 'The username is longer than 256 characters');
  return null;
}

/** Why `call(username)` is refused before anything is sent (479 and 480 never reach Janus). */
export function callProblem(context: JanusCallContext, username: unknown): UsageError | null {
  const problem = usernameProblem(username);
  if (problem) return problem;
  if (username === context.username) return new UsageError('call-yourself', 'You cannot call yourself');
  return null;
}

function mediaOf(base: CallMedia, override: Partial<CallMedia> | undefined): CallMedia {
  return { audio: override?.audio ?? base.audio, video: override?.video ?? base.video };
}

function endOf(context: JanusCallContext, event: JanusCallEvent, by: 'local' | 'remote' = 'remote'): CallEnd {
  if (context.pendingHangup) return { ...context.pendingHangup, peer: context.peer };
  if (event.type === 'videocall.hangup' || event.type === 'janus.hangup') return callEnd(event.reason, by, context.peer);
  if ('output' in event && isBusy(event.output)) return callEnd(event.output.busy, 'remote', context.peer);
  return callEnd('Explicit hangup', by, context.peer);
}

function isBusy(output: unknown): output is { busy: string } {
  return typeof output === 'object' && output !== null && typeof (output as { busy?: unknown }).busy === 'string';
}

const noCall = {
  peer: null,
  remoteOffer: null,
  localStream: null,
  remoteStream: null,
  webrtcUp: false,
  uplinkUp: false,
  connectedAt: null,
  vagueHangup: null,
} satisfies Partial<JanusCallContext>;

/** A peer still closing our last call with it: dial again up to 3 times, 250 ms doubling, within 5 s of it. */
const MAX_REDIALS = 3;
const REDIAL_DELAY_MS = 250;
const REDIAL_WINDOW_MS = 5_000;

/** Dial the same peer again: only shortly after our last call with them, and only a few times. */
function mayRedial(context: JanusCallContext): boolean {
  return (
    context.redials < MAX_REDIALS &&
    context.lastCall?.peer === context.peer &&
    context.lastEndedAt !== null &&
    Date.now() - context.lastEndedAt < REDIAL_WINDOW_MS
  );
}

/** Everything the statechart refers to by name. The chart itself is in janus-call.machine.ts. */
export const janusCallSetup = setup({
  types: {
    context: {} as JanusCallContext,
    events: {} as JanusCallEvent,
    input: {} as JanusCallInput,
    emitted: {} as JanusCallEmitted,
  },
  actors: unprovidedActors,
  guards: {
    validUsername: ({ event }) => event.type === 'register' && usernameProblem(event.username) === null,
    canCall: ({ context, event }) => event.type === 'call' && callProblem(context, event.username) === null,
    hasPendingUsername: ({ context }) => context.pendingUsername !== null,
    stopRequested: ({ context }) => context.stopRequested,
    isBusy: ({ event }) => 'output' in event && isBusy(event.output),
    mediaIsUp: ({ context }) => context.webrtcUp && context.uplinkUp && context.remoteStream !== null,
    /** A core hangup counts only for this call's PeerConnection: one from the last call may still arrive. */
    peerConnectionWasUp: ({ context }) => context.webrtcUp,
    isVagueHangup: ({ context, event }) =>
      event.type === 'videocall.hangup' &&
      event.reason === 'Remote WebRTC hangup' &&
      (event.username === null || event.username === context.peer),
    canRecover: ({ context, event }) => {
      const error = 'error' in event ? event.error : null;
      return (
        !context.stopRequested &&
        context.recoveryAttempt < context.recovery.attempts &&
        error instanceof TransportError &&
        (error.reason === 'network' || error.reason === 'session-gone' || error.reason === 'timeout')
      );
    },
    /** The server may still hold our session: try it again before making a new one. */
    hasSession: ({ context }) => context.sessionId !== null && context.handleId !== null,
    isRegistered: ({ context }) => context.username !== null,
    serverPcClosed: ({ context }) => !context.serverPc,
    /** A hangup naming neither us nor our peer is a late one from an earlier call. */
    hangupIsForThisCall: ({ context, event }) =>
      event.type !== 'videocall.hangup' ||
      event.username === null ||
      event.username === context.peer ||
      event.username === context.username,
    peerFailed: ({ event }) => event.type === 'rtc.state' && event.state === 'failed',
    /**
     * Janus calls a peer busy until its side of our last call with them has closed, which can take
     * longer than ours: a "User busy" from that same peer just after is that, not a real busy.
     */
    busyClosingOurLastCall: ({ context, event }) =>
      'output' in event && isBusy(event.output) && mayRedial(context),
    /**
     * The same race, later: the peer's side of our last call closes while our new offer is being set
     * up, and Janus, tearing down both ends, refuses it with 471 "Invalid PeerConnection".
     */
    peerConnectionRaced: ({ context, event }) =>
      'error' in event && event.error instanceof JanusError && event.error.code === JanusErrorCode.WEBRTC_STATE && mayRedial(context),
    /**
     * And later still: the callee has no PeerConnection of this call before it accepts, so a
     * "Remote WebRTC hangup" from it now is its last one closing, which Janus also ends this call for.
     */
    lateTeardownOfOurLastCall: ({ context, event }) =>
      event.type === 'videocall.hangup' &&
      event.reason === 'Remote WebRTC hangup' &&
      (event.username === null || event.username === context.peer) &&
      mayRedial(context),
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
    /** A gone session is gone for good: the next one registers the same name again. */
    forgetGoneSession: assign(({ context, event }) =>
      'error' in event && event.error instanceof TransportError && event.error.reason === 'session-gone'
        ? { pendingUsername: context.username ?? context.pendingUsername, username: null, sessionId: null, handleId: null, server: null }
        : {},
    ),
    /** On recovering from `failed` by hand, a lost session is replaced the same way. */
    forgetSessionIfGone: assign(({ context }) =>
      context.error instanceof TransportError && context.error.reason === 'session-gone'
        ? { pendingUsername: context.username ?? context.pendingUsername, username: null, sessionId: null, handleId: null, server: null }
        : {},
    ),
    emitReconnecting: emit(({ context }) => ({
      type: 'reconnecting' as const,
      attempt: context.recoveryAttempt,
      error: context.error ?? new TransportError('network', 'Reconnecting'),
    })),

    startOutgoing: assign(({ context, event }) =>
      event.type === 'call'
        ? { ...noCall, pendingHangup: null, redials: 0, peer: event.username, media: mediaOf(context.media, event.media), error: null }
        : {},
    ),
    /** Dial the same peer again with a fresh PeerConnection: keep who and what, drop the rest. */
    prepareRedial: assign(({ context }) => ({ ...noCall, peer: context.peer, redials: context.redials + 1 })),
    startIncoming: assign(({ event }) =>
      event.type === 'videocall.incomingcall'
        ? { ...noCall, pendingHangup: null, peer: event.username, remoteOffer: event.jsep }
        : {},
    ),
    acceptWith: assign(({ context, event }) =>
      event.type === 'accept' ? { media: mediaOf(context.media, event.media), error: null } : {},
    ),
    emitIncoming: emit(({ context }) => ({ type: 'incomingcall' as const, peer: context.peer ?? '' })),
    emitAccepted: emit(({ context }) => ({ type: 'accepted' as const, peer: context.peer ?? '' })),
    markConnected: enqueueActions(({ enqueue, context }) => {
      enqueue.assign({ connectedAt: Date.now() });
      enqueue.emit({ type: 'mediaup', peer: context.peer ?? '' });
    }),
    /** Remember why we are hanging up, for when the call has ended. */
    hangingUpBecause: assign({ pendingHangup: (_, params: Omit<CallEnd, 'peer'>) => ({ ...params, peer: null }) }),
    /** Record and announce how the call ended; its data stays until `clearCall`. */
    recordEnd: enqueueActions(({ enqueue, context, event }, params: { by: 'local' | 'remote' } | undefined) => {
      enqueue.assign({ lastCall: endOf(context, event, params?.by), lastEndedAt: Date.now() });
      enqueue.emit({ type: 'hangup', call: endOf(context, event, params?.by) });
    }),
    clearCall: assign(noCall),
    /** The call is over: record, announce, drop its data. */
    endCall: enqueueActions(({ enqueue, context, event }, params: { by: 'local' | 'remote' } | undefined) => {
      const end = endOf(context, event, params?.by);
      enqueue.assign({ ...noCall, lastCall: end, lastEndedAt: Date.now() });
      enqueue.emit({ type: 'hangup', call: end });
    }),
    /** Keep an event this state cannot take yet. */
    defer: assign({ deferred: ({ context, event }) => [...context.deferred, event] }),
    /** Re-raise kept events; with `afterSeq`, drop server events that arrived before that reply (stale). */
    replayDeferred: enqueueActions(({ enqueue, context }, params: { afterSeq?: number } | undefined) => {
      for (const event of context.deferred) {
        const seq = 'seq' in event ? event.seq : undefined;
        if (params?.afterSeq === undefined || seq === undefined || seq > params.afterSeq) enqueue.raise(event);
      }
      enqueue.assign({ deferred: [] });
    }),
  },
  delays: {
    stopTimeout: ({ context }) => context.stopTimeoutMs,
    ringTimeout: ({ context }) => context.ringTimeoutMs,
    linkRecovery: 10_000,
    recoveryDelay: ({ context }) => {
      const { delayMs, maxDelayMs } = context.recovery;
      const base = Math.min(maxDelayMs, delayMs * 2 ** Math.max(0, context.recoveryAttempt - 1));
      // ±20 % so that many clients of one restarted server do not come back in step.
      return Math.round(base * (0.8 + Math.random() * 0.4));
    },
    settleTimeout: 3_000,
    redialDelay: ({ context }) => REDIAL_DELAY_MS * 2 ** Math.max(0, context.redials - 1),
    vagueHangupWait: 300,
  },
});

/** A usage error, made fresh each time so its stack points at the call. */
export function refuse(reason: UsageError['reason'], message: string) {
  return { type: 'reportError', params: () => ({ error: new UsageError(reason, message) }) } as const;
}

/** Call commands that make no sense without a call: refused, state unchanged. */
export const NO_CALL = {
  accept: { actions: refuse('invalid-state', 'There is no incoming call to accept') },
  decline: { actions: refuse('invalid-state', 'There is no incoming call to decline') },
  hangup: { actions: refuse('invalid-state', 'There is no call to hang up') },
  setMedia: { actions: refuse('invalid-state', 'There is no call to change media of') },
} as const;
