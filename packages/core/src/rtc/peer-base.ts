import { MediaError } from '../protocol/errors.js';
import type { LocalCandidate } from '../transport/transport.js';
import { createEmitter } from './emitter.js';
import type { PeerConnectionState, RemoteTrack, Unsubscribe } from './rtc-adapter.js';

/**
 * What every RtcPeer shares whatever the WebRTC stack: the three event streams and the rule
 * that a failed step rejects with a MediaError. Adapters extend it and emit into the streams.
 */
export abstract class PeerBase<S> {
  // Candidates and tracks can fire before the machine subscribes: keep them for it.
  protected readonly candidates = createEmitter<LocalCandidate | null>({ replay: true });
  protected readonly states = createEmitter<PeerConnectionState>();
  protected readonly tracks = createEmitter<RemoteTrack<S>>({ replay: true });
  protected closed = false;

  onLocalCandidate(listener: (candidate: LocalCandidate | null) => void): Unsubscribe {
    return this.candidates.subscribe(listener);
  }

  onConnectionState(listener: (state: PeerConnectionState) => void): Unsubscribe {
    return this.states.subscribe(listener);
  }

  onRemoteTrack(listener: (track: RemoteTrack<S>) => void): Unsubscribe {
    return this.tracks.subscribe(listener);
  }

  /** Run one negotiation step; anything it throws becomes a MediaError naming the step. */
  protected async run<T>(what: string, operation: () => Promise<T>): Promise<T> {
    if (this.closed) throw new MediaError('negotiation-failed', `Cannot ${what}: the peer connection is closed`);
    try {
      return await operation();
    } catch (error) {
      if (error instanceof MediaError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new MediaError('negotiation-failed', `${what} failed: ${message}`, { cause: error });
    }
  }

  protected dropListeners(): void {
    this.candidates.clear();
    this.states.clear();
    this.tracks.clear();
  }
}
