import type { SnapshotFrom } from 'xstate';
import type { JanusCallError } from '../protocol/errors.js';
import type { janusCallMachine } from './janus-call.machine.js';

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
  /** The other party of the current or incoming call. */
  peer: string | null;
  /** Registered users other than us, as of the last refresh. */
  peers: readonly string[];
  /** The last error, typed; `null` after the next successful step. */
  error: JanusCallError | null;
  /** Local media (a MediaStream in browsers); `null` outside a call. */
  localStream: unknown;
  /** The peer's media (a MediaStream in browsers); `null` until it arrives. */
  remoteStream: unknown;
}

export type JanusCallSnapshot = SnapshotFrom<typeof janusCallMachine>;

function statusOf(snapshot: JanusCallSnapshot): JanusCallStatus {
  if (snapshot.matches('failed')) return 'failed';
  if (snapshot.matches({ session: { ready: { registration: 'registered' } } })) return 'registered';
  if (snapshot.matches({ session: { ready: { registration: 'registering' } } })) return 'registering';
  if (snapshot.matches({ session: { ready: { registration: 'unregistered' } } })) return 'idle';
  if (snapshot.matches('connecting') || snapshot.matches({ session: 'attaching' })) return 'connecting';
  return 'stopped';
}

/** Snapshot → view. Pure: the same snapshot always gives an equal view. */
export function view(snapshot: JanusCallSnapshot): JanusCallView {
  const { context } = snapshot;
  return {
    status: statusOf(snapshot),
    username: context.username,
    peer: null,
    peers: context.peers,
    error: context.error,
    localStream: null,
    remoteStream: null,
  };
}
