export type {
  CallStats,
  IceServer,
  LocalMedia,
  MediaConstraints,
  MediaKind,
  MediaKindStats,
  PeerConnectionState,
  PeerOptions,
  RemoteTrack,
  RtcAdapter,
  RtcPeer,
  RtpCounters,
  Unsubscribe,
} from './rtc-adapter.js';
export { browserRtc, mapGetUserMediaError } from './browser.rtc.js';
export type { BrowserRtcEnvironment } from './browser.rtc.js';
export { toIceCandidateInit } from './candidate.js';
export type { IceCandidateInit } from './candidate.js';
export { emptyCallStats, normalizeStats } from './stats.js';
export type { StatsReportLike } from './stats.js';
export { candidateCount, hasMedia, mediaDirection, mediaSections, mids, preferSetupActive, setupRole } from './sdp.js';
export type { MediaDirection, MediaSection } from './sdp.js';
