import type { RemoteCandidate } from '../protocol/janus.schema.js';
import type { LocalCandidate } from '../transport/transport.js';

/** What `RTCPeerConnection.addIceCandidate` takes, with the mid or index always set. */
export interface IceCandidateInit {
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
}

/**
 * A candidate as Janus trickles it, made ready for addIceCandidate; `null` means end of
 * candidates (`null`, `{completed: true}` or an empty candidate line).
 */
export function toIceCandidateInit(candidate: RemoteCandidate | LocalCandidate | null): IceCandidateInit | null {
  if (candidate === null || typeof candidate.candidate !== 'string' || candidate.candidate === '') return null;
  const sdpMid = typeof candidate.sdpMid === 'string' ? candidate.sdpMid : null;
  const index = typeof candidate.sdpMLineIndex === 'number' ? candidate.sdpMLineIndex : null;
  // One of the two is required; with max-bundle everything rides on the first m-line.
  return { candidate: candidate.candidate, sdpMid, sdpMLineIndex: sdpMid === null && index === null ? 0 : index };
}
