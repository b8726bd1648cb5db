import type { SnapshotFrom } from 'xstate';
import type { JanusCallError } from '../protocol/errors.js';
import type { janusCallMachine } from './janus-call.machine.js';
import type { CallEnd, CallMedia } from './janus-call.types.js';

export type JanusCallStatus =
  | 'connecting'
  | 'idle'
  | 'registering'
  | 'registered'
  | 'calling'
  | 'incoming'
  | 'accepted'
  | 'mediaUp'
  | 'failed'
  | 'stopped';

/** What every framework adapter returns: one plain object derived from the snapshot. */
export interface JanusCallView {
  status: JanusCallStatus;
  /** Our registered name, once the server confirmed it. */
  username: string | null;
  /** The other party of the current, outgoing or incoming call. */
  peer: string | null;
  /** Registered users other than us, as of the last refresh. */
  peers: readonly string[];
  /** The last error, typed; `null` after the next successful step. */
  error: JanusCallError | null;
  /** Local media (a MediaStream in browsers); `null` outside a call. */
  localStream: unknown;
  /** The peer's media (a MediaStream in browsers); `null` until it arrives. */
  remoteStream: unknown;
  /** What we send: microphone and camera on or off. */
  media: CallMedia;
  /** The cap set with `setMedia({ bitrate })`, bits/s. */
  bitrate: number | null;
  /** ms since the epoch when media came up in the current call, for a call timer. */
  connectedAt: number | null;
  /** Janus reported a slow link recently. */
  poorLink: boolean;
  /** How the last call ended. */
  lastCall: CallEnd | null;
}

export type JanusCallSnapshot = SnapshotFrom<typeof janusCallMachine>;

const CALL = { session: { ready: { registration: { registered: 'call' } } } } as const;

/** A `call` held back while the last call winds down: to the user, it is already calling. */
function heldCall(s: JanusCallSnapshot): string | null {
  for (const event of s.context.deferred) if (event.type === 'call') return event.username;
  return null;
}

function statusOf(s: JanusCallSnapshot): JanusCallStatus {
  if (s.matches('failed')) return 'failed';
  if (s.matches({ session: { ready: { registration: { registered: { call: 'mediaUp' } } } } })) return 'mediaUp';
  if (
    s.matches({ session: { ready: { registration: { registered: { call: 'accepted' } } } } }) ||
    s.matches({ session: { ready: { registration: { registered: { call: 'accepting' } } } } })
  )
    return 'accepted';
  if (
    s.matches({ session: { ready: { registration: { registered: { call: 'hangingUp' } } } } }) ||
    s.matches({ session: { ready: { registration: { registered: { call: 'closing' } } } } }) ||
    s.matches({ session: { ready: { registration: { registered: 'declining' } } } }) ||
    s.matches({ session: { ready: { registration: { registered: 'settling' } } } })
  )
    return heldCall(s) === null ? 'registered' : 'calling';
  if (s.matches({ session: { ready: { registration: { registered: { call: 'answering' } } } } })) return 'incoming';
  if (s.matches({ session: { ready: { registration: { registered: 'redialing' } } } })) return 'calling';
  if (s.matches(CALL)) return 'calling';
  if (s.matches({ session: { ready: { registration: { registered: 'incoming' } } } })) return 'incoming';
  if (s.matches({ session: { ready: { registration: 'registered' } } })) return 'registered';
  if (s.matches({ session: { ready: { registration: 'registering' } } })) return 'registering';
  if (s.matches({ session: { ready: { registration: 'unregistered' } } })) return 'idle';
  if (s.matches('connecting') || s.matches('reconnecting') || s.matches({ session: 'attaching' })) return 'connecting';
  return 'stopped';
}

/** Snapshot → view. Pure: the same snapshot always gives an equal view. */
export function view(snapshot: JanusCallSnapshot): JanusCallView {
  const { context: c } = snapshot;
  return {
    status: statusOf(snapshot),
    username: c.username,
    peer: c.peer ?? heldCall(snapshot),
    peers: c.peers,
    error: c.error,
    localStream: c.localStream,
    remoteStream: c.remoteStream,
    media: c.media,
    bitrate: c.bitrate,
    connectedAt: c.connectedAt,
    poorLink: c.poorLink,
    lastCall: c.lastCall,
  };
}
