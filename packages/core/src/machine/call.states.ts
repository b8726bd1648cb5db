import { assign, sendTo } from 'xstate';
import { UsageError } from '../protocol/errors.js';
import type { Jsep } from '../protocol/janus.schema.js';
import { NO_CALL, callProblem, janusCallSetup, refuse } from './janus-call.setup.js';
import { callEnd } from './server-events.js';
import type { JanusCallContext, JanusCallEvent } from './janus-call.types.js';

// Every way a call ends leads here; `settling` waits for Janus to close its side first.
const IDLE = '#janusCall.session.ready.registration.registered.settling';
const CALL = '#janusCall.session.ready.registration.registered.call';
const REDIAL = '#janusCall.session.ready.registration.registered.redialing';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const handleRef = ({ context }: { context: { sessionId: number | null; handleId: number | null } }) => ({
  sessionId: context.sessionId!,
  handleId: context.handleId!,
});

/** A `call` made while the last one winds down waits for it; a bad one is refused at once. */
const DEFER_CALL = [
  { guard: 'canCall', actions: 'defer' },
  { actions: { type: 'reportError', params: ({ context, event }: { context: JanusCallContext; event: JanusCallEvent }) => ({ error: callProblemOf(context, event) }) } },
] as const;


/**
 * The call lifecycle under `registered`. The PeerConnection is invoked by `call` and so is
 * closed whenever the call ends, however it ends; `incoming` rings without one.
 */
export const callStates = janusCallSetup.createStateConfig({
  initial: 'idle',
  states: {
    idle: {
      entry: [assign({ pendingHangup: null }), 'replayDeferred'],
      on: {
        call: [
          { guard: 'canCall', target: 'call', actions: 'startOutgoing' },
          {
            actions: {
              type: 'reportError',
              params: ({ context, event }) => ({ error: callProblemOf(context, event) }),
            },
          },
        ],
        'videocall.incomingcall': { target: 'incoming', actions: ['startIncoming', 'emitIncoming'] },
        ...NO_CALL,
      },
    },

    /**
     * Janus tears a PeerConnection down asynchronously: a `call` sent before its core `hangup`
     * arrives fails (480, or 490 "Error setting ICE locally") and 480 even ends the new call.
     */
    settling: {
      always: { guard: 'serverPcClosed', target: 'idle' },
      after: { settleTimeout: 'idle' },
      on: {
        'janus.hangup': { target: 'idle', actions: assign({ serverPc: false }) },
        call: DEFER_CALL,
        'videocall.incomingcall': { target: 'incoming', actions: ['startIncoming', 'emitIncoming'] },
        'videocall.hangup': {},
        ...NO_CALL,
      },
    },

    /** "User busy" from a peer still closing our last call with them: wait, then dial them again. */
    redialing: {
      initial: 'waiting',
      on: {
        ...NO_CALL,
        hangup: { target: 'settling', actions: [{ type: 'hangingUpBecause', params: { cause: 'local', reason: 'Explicit hangup' } }, 'endCall'] },
        call: { actions: refuse('invalid-state', 'Already calling: hang up first') },
        // Janus now counts us in a call with this caller, so ours cannot go out: answer theirs instead.
        'videocall.incomingcall': { target: 'incoming', actions: ['startIncoming', 'emitIncoming'] },
        'janus.hangup': { actions: assign({ serverPc: false }) },
        'videocall.hangup': {},
      },
      states: {
        waiting: { after: { redialDelay: 'ready' } },
        // Our own attempt's PeerConnection on Janus must be gone too, as before any call.
        ready: { always: { guard: 'serverPcClosed', target: CALL }, after: { settleTimeout: CALL } },
      },
    },

    incoming: {
      on: {
        accept: { target: 'call.answering', actions: 'acceptWith' },
        // Janus rings us only when it counts us free, so the call ringing before is gone: this one replaces it.
        'videocall.incomingcall': { target: 'incoming', reenter: true, actions: ['startIncoming', 'emitIncoming'] },
        decline: 'declining',
        hangup: 'declining',
        // The caller gave up before we answered.
        'videocall.hangup': { guard: 'hangupIsForThisCall', target: IDLE, actions: { type: 'endCall', params: { by: 'remote' } } },
        call: { actions: refuse('invalid-state', 'A call is ringing: accept or decline it first') },
        setMedia: { actions: refuse('invalid-state', 'Accept the call first') },
      },
    },

    declining: {
      // The call is over for the user at once; the hangup request finishes in the background.
      entry: [{ type: 'hangingUpBecause', params: { cause: 'declined', reason: 'Call declined' } }, 'recordEnd', 'clearCall'],
      invoke: {
        src: 'sendHangup',
        input: (args) => ({ ...handleRef(args), reason: 'Call declined' }),
        onDone: IDLE,
        onError: IDLE,
      },
      after: { stopTimeout: IDLE },
      on: { call: DEFER_CALL, 'videocall.hangup': {} },
    },

    call: {
      initial: 'offering',
      invoke: {
        id: 'peer',
        src: 'peerConnection',
        input: ({ context }) => ({
          ...handleRef({ context }),
          role: context.remoteOffer ? 'callee' : 'caller',
          offer: context.remoteOffer,
          media: context.media,
          iceServers: context.iceServers,
        }),
      },
      on: {
        hangup: { target: '.hangingUp', actions: { type: 'hangingUpBecause', params: { cause: 'local', reason: 'Explicit hangup' } } },
        decline: { target: '.hangingUp', actions: { type: 'hangingUpBecause', params: { cause: 'local', reason: 'Explicit hangup' } } },
        'videocall.hangup': [
          // Janus may send this generic reason just before the specific one ("Call declined"…): wait a moment for it.
          { guard: 'isVagueHangup', target: '.closing', actions: assign({ vagueHangup: ({ event }) => event.reason }) },
          { guard: 'hangupIsForThisCall', target: IDLE, actions: { type: 'endCall', params: { by: 'remote' } } },
        ],
        'janus.hangup': [
          {
            guard: 'peerConnectionWasUp',
            target: IDLE,
            actions: [assign({ serverPc: false }), { type: 'endCall', params: { by: 'remote' } }],
          },
          { actions: assign({ serverPc: false }) },
        ],
        'janus.icefailed': {
          target: '.hangingUp',
          actions: { type: 'hangingUpBecause', params: { cause: 'ice-failed', reason: 'ICE failed' } },
        },
        'rtc.state': {
          guard: 'peerFailed',
          target: '.hangingUp',
          actions: { type: 'hangingUpBecause', params: { cause: 'ice-failed', reason: 'ICE failed' } },
        },
        'rtc.error': {
          target: '.hangingUp',
          actions: [
            'setError',
            'emitError',
            { type: 'hangingUpBecause', params: ({ event }) => ({ cause: 'error', reason: event.error.message }) },
          ],
        },
        'janus.trickle': { actions: sendTo('peer', ({ event }) => ({ type: 'peer.remoteCandidate', candidate: event.candidate })) },
        'videocall.update': {
          actions: sendTo('peer', ({ event }) => ({ type: 'peer.update', jsep: event.jsep! })),
          guard: ({ event }) => event.jsep !== null,
        },
        setMedia: {
          actions: [
            sendTo('peer', ({ event }) => ({ type: 'peer.setMedia', options: event.options })),
            assign(({ context, event }) => ({
              media: { audio: event.options.audio ?? context.media.audio, video: event.options.video ?? context.media.video },
              bitrate: event.options.bitrate === undefined ? context.bitrate : event.options.bitrate || null,
            })),
          ],
        },
        'rtc.localStream': { actions: assign({ localStream: ({ event }) => event.stream }) },
        'rtc.remoteStream': { actions: assign({ remoteStream: ({ event }) => event.stream }) },
        'janus.webrtcup': { actions: assign({ webrtcUp: true }) },
        'janus.media': { actions: assign({ uplinkUp: ({ context, event }) => context.uplinkUp || event.receiving }) },
        call: { actions: refuse('invalid-state', 'Already in a call: hang up first') },
        accept: { actions: refuse('invalid-state', 'There is no incoming call to accept') },
      },
      states: {
        offering: {
          // Nothing was sent yet, so a local failure needs no hangup.
          on: {
            'rtc.offer': 'outgoing',
            'rtc.error': {
              target: IDLE,
              actions: [
                'setError',
                'emitError',
                { type: 'hangingUpBecause', params: ({ event }) => ({ cause: 'error', reason: event.error.message }) },
                'endCall',
              ],
            },
            hangup: { target: IDLE, actions: [{ type: 'hangingUpBecause', params: { cause: 'local', reason: 'Explicit hangup' } }, 'endCall'] },
            // Late events of the previous call; this one does not exist on the server yet.
            'videocall.hangup': {},
          },
        },
        outgoing: {
          initial: 'sending',
          on: {
            'videocall.accepted': {
              target: 'accepted',
              actions: sendTo('peer', ({ event }) => ({ type: 'peer.remoteAnswer', jsep: event.jsep! })),
              guard: ({ event }) => event.jsep !== null,
            },
            'videocall.hangup': { guard: 'lateTeardownOfOurLastCall', target: REDIAL, actions: 'prepareRedial' },
          },
          states: {
            sending: {
              entry: assign({ serverPc: true }),
              invoke: {
                src: 'sendCall',
                input: ({ context, event }) => ({
                  ...handleRef({ context }),
                  username: context.peer!,
                  jsep: (event as { jsep: Jsep }).jsep,
                }),
                onDone: [
                  { guard: 'busyClosingOurLastCall', target: REDIAL, actions: 'prepareRedial' },
                  { guard: 'isBusy', target: IDLE, actions: 'endCall' },
                  // Hangup/accepted events that came after the reply belong to this call; earlier ones were stale.
                  { target: 'ringing', actions: { type: 'replayDeferred', params: ({ event }) => ({ afterSeq: event.output.seq }) } },
                ],
                onError: [
                  // Janus refused the offer, so it holds no PeerConnection for it: nothing to wait for.
                  { guard: 'peerConnectionRaced', target: REDIAL, actions: ['prepareRedial', assign({ serverPc: false })] },
                  {
                    target: IDLE,
                    actions: [
                      'setError',
                      'emitError',
                      { type: 'hangingUpBecause', params: ({ event }) => ({ cause: 'error', reason: errorText(event.error) }) },
                      'endCall',
                    ],
                  },
                ],
              },
              on: { 'videocall.hangup': { actions: 'defer' }, 'videocall.accepted': { actions: 'defer' } },
            },
            ringing: {
              after: {
                ringTimeout: {
                  target: '#janusCall.session.ready.registration.registered.call.hangingUp',
                  actions: { type: 'hangingUpBecause', params: { cause: 'no-answer', reason: 'No answer' } },
                },
              },
            },
          },
        },
        answering: { on: { 'rtc.answer': 'accepting' } },
        accepting: {
          entry: assign({ serverPc: true }),
          invoke: {
            src: 'sendAccept',
            input: ({ context, event }) => ({
              ...handleRef({ context }),
              jsep: (event as { jsep: Jsep }).jsep,
            }),
            onDone: 'accepted',
            onError: { target: 'hangingUp', actions: ['setError', 'emitError'] },
          },
        },
        accepted: {
          entry: 'emitAccepted',
          always: { guard: 'mediaIsUp', target: 'mediaUp' },
        },
        mediaUp: { entry: 'markConnected' },
        closing: {
          after: {
            vagueHangupWait: {
              target: IDLE,
              actions: [
                assign({ pendingHangup: ({ context }) => callEnd(context.vagueHangup ?? '', 'remote', context.peer) }),
                'endCall',
              ],
            },
          },
          on: {
            'videocall.hangup': { guard: 'hangupIsForThisCall', target: IDLE, actions: { type: 'endCall', params: { by: 'remote' } } },
            'janus.hangup': { actions: assign({ serverPc: false }) },
            'rtc.state': {},
            'rtc.error': {},
            'janus.icefailed': {},
          },
        },
        hangingUp: {
          // The call is over for the user at once; the hangup request finishes in the background.
          entry: ['recordEnd', 'clearCall'],
          invoke: {
            src: 'sendHangup',
            input: ({ context }) => ({
              ...handleRef({ context }),
              ...(context.pendingHangup && context.pendingHangup.cause !== 'local' && { reason: context.pendingHangup.reason }),
            }),
            onDone: IDLE,
            onError: IDLE,
          },
          after: { stopTimeout: IDLE },
          on: {
            call: DEFER_CALL,
            hangup: {},
            // Janus closing our PeerConnection: settling need not wait for it again.
            'janus.hangup': { actions: assign({ serverPc: false }) },
            'rtc.error': {},
            'rtc.state': {},
            'janus.icefailed': {},
            // Our own hangup coming back, or theirs crossing ours: either way it is over.
            'videocall.hangup': { guard: 'hangupIsForThisCall', target: IDLE },
          },
        },
      },
    },
  },
});

function callProblemOf(context: JanusCallContext, event: JanusCallEvent) {
  return (
    callProblem(context, event.type === 'call' ? event.username : undefined) ??
    new UsageError('invalid-argument', 'Invalid call')
  );
}
