import { fromCallback } from 'xstate';
import { MediaError, toJanusCallError } from '../protocol/errors.js';
import type { Jsep } from '../protocol/janus.schema.js';
import type { IceServer, RtcPeer } from '../rtc/rtc-adapter.js';
import type { ActorSystemOf, JanusCallDeps } from './janus-call.actors.js';
import { type HandleRef, sendVideocall } from './videocall.js';
import type { CallMedia, JanusCallInternalEvent, PeerCommand } from './janus-call.types.js';

export interface PeerInput extends HandleRef {
  role: 'caller' | 'callee';
  /** The caller's offer, for a callee. */
  offer: Jsep | null;
  media: CallMedia;
  iceServers: IceServer[];
}

/** Holds the live peer connection so `getStats()` can reach it from outside the machine. */
export class PeerSlot {
  current: RtcPeer | null = null;
}

/**
 * The call's peer connection, alive exactly as long as the state that invokes it. It makes
 * the local description, trickles candidates, answers renegotiations and applies `set`.
 */
export function peerConnectionActor(deps: (system: ActorSystemOf) => JanusCallDeps) {
  return fromCallback<PeerCommand, PeerInput>(({ input, system, sendBack, receive }) => {
    const { transport, rtc, peerSlot: slot } = deps(system);
    const send = (event: JanusCallInternalEvent) => {
      if (!closed) sendBack(event);
    };
    const fail = (error: unknown) =>
      send({ type: 'rtc.error', error: error instanceof MediaError ? error : toJanusCallError(error) });
    let closed = false;
    let peer: RtcPeer;
    try {
      peer = rtc().createPeer({ iceServers: input.iceServers });
    } catch (error) {
      queueMicrotask(() => fail(error));
      return () => {
        closed = true;
      };
    }
    slot.current = peer;
    const unsubscribe = [
      peer.onLocalCandidate((candidate) => {
        transport.trickle(input.sessionId, input.handleId, candidate).catch(() => {
          // A lost candidate shows up as ICE failure, which the call reports.
        });
      }),
      peer.onConnectionState((state) => send({ type: 'rtc.state', state })),
      peer.onRemoteTrack(() => send({ type: 'rtc.remoteStream', stream: peer.remoteStream })),
    ];

    // Steps run one at a time, in arrival order: SDP state must not interleave.
    let queue = Promise.resolve();
    const step = (work: () => Promise<void>) => {
      queue = queue.then(() => (closed ? undefined : work())).catch(fail);
    };
    const wantsMedia = input.media.audio || input.media.video;

    step(async () => {
      if (input.role === 'callee' && input.offer) await peer.setRemoteDescription(input.offer);
      if (wantsMedia) {
        const media = await rtc().getLocalMedia(input.media);
        if (closed) return media.stop();
        peer.addLocalMedia(media);
        send({ type: 'rtc.localStream', stream: media.stream });
      }
      if (input.role === 'caller') {
        const offer = await peer.createOffer();
        await peer.setLocalDescription(offer);
        send({ type: 'rtc.offer', jsep: offer });
      } else {
        const answer = await peer.createAnswer();
        await peer.setLocalDescription(answer);
        send({ type: 'rtc.answer', jsep: answer });
      }
    });

    receive((command) => {
      switch (command.type) {
        case 'peer.remoteAnswer':
          return step(() => peer.setRemoteDescription(command.jsep));
        case 'peer.remoteCandidate':
          return step(() => peer.addRemoteCandidate(command.candidate));
        case 'peer.update':
          return step(async () => {
            await peer.setRemoteDescription(command.jsep);
            if (command.jsep.type !== 'offer') return;
            const answer = await peer.createAnswer();
            await peer.setLocalDescription(answer);
            await sendVideocall(transport, input, { request: 'set' }, undefined, answer);
          });
        case 'peer.setMedia': {
          const { audio, video, bitrate } = command.options;
          if (audio !== undefined) peer.setTrackEnabled('audio', audio);
          if (video !== undefined) peer.setTrackEnabled('video', video);
          return step(async () => {
            await sendVideocall(transport, input, {
              request: 'set',
              ...(audio !== undefined && { audio }),
              ...(video !== undefined && { video }),
              ...(bitrate !== undefined && { bitrate }),
            });
          });
        }
      }
    });

    return () => {
      closed = true;
      for (const off of unsubscribe) off();
      if (slot.current === peer) slot.current = null;
      peer.close();
    };
  });
}
