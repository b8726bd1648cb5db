export { createJanusCall } from './create-janus-call.js';
export type { JanusCall, JanusCallActor, JanusCallOptions } from './create-janus-call.js';

export { janusCallMachine, usernameProblem } from './machine/janus-call.machine.js';
export { janusCallActors } from './machine/janus-call.actors.js';
export type { JanusCallActorOptions, JanusCallActors } from './machine/janus-call.actors.js';
export { PeerSlot } from './machine/peer.actor.js';
export { sendVideocall } from './machine/videocall.js';
export type { HandleRef, SessionRef } from './machine/videocall.js';
export { hangupCause, toServerEvent } from './machine/server-events.js';
export type {
  CallEnd,
  CallMedia,
  HangupCause,
  JanusServerEvent,
  PeerCommand,
  SetMediaOptions,
  JanusCallCommand,
  JanusCallContext,
  JanusCallEmitted,
  JanusCallEvent,
  JanusCallInput,
} from './machine/janus-call.types.js';
export { view } from './machine/view.js';
export { initialView } from './machine/initial-view.js';
export type { JanusCallSnapshot, JanusCallStatus, JanusCallView } from './machine/view.js';

export { createHttpTransport } from './transport/http.transport.js';
export type { HttpTransportOptions } from './transport/http.transport.js';
export type {
  JanusTransport,
  LocalCandidate,
  PluginReply,
  PollHandlers,
  RequestOptions,
} from './transport/transport.js';

export {
  JanusCallError,
  JanusError,
  JanusErrorCode,
  MediaError,
  ProtocolError,
  TransportError,
  UsageError,
  VideocallError,
  VideocallErrorCode,
  isJanusCallError,
  toJanusCallError,
} from './protocol/errors.js';
export type { JanusCallErrorKind, TransportFailure, UsageFailure } from './protocol/errors.js';
export { parseBody, parseInbound, parseVideocallData } from './protocol/parse.js';
export type { VideocallOutcome } from './protocol/parse.js';
export type {
  JanusHandleEvent,
  JanusInbound,
  Jsep,
  RemoteCandidate,
} from './protocol/janus.schema.js';
export { browserRtc, mapGetUserMediaError } from './rtc/browser.rtc.js';
export type { BrowserRtcEnvironment } from './rtc/browser.rtc.js';
export { emptyCallStats, normalizeStats } from './rtc/stats.js';
export { PeerBase } from './rtc/peer-base.js';
export { createEmitter } from './rtc/emitter.js';
export type { Emitter } from './rtc/emitter.js';
export { toIceCandidateInit } from './rtc/candidate.js';
export type { IceCandidateInit } from './rtc/candidate.js';
export { candidateCount, hasMedia, mediaDirection, mediaSections, mids, preferSetupActive, setupRole } from './rtc/sdp.js';
export type { MediaDirection, MediaSection } from './rtc/sdp.js';
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
} from './rtc/rtc-adapter.js';
export { HangupReason, VIDEOCALL_PLUGIN } from './protocol/videocall.schema.js';
export type { VideocallEventName, VideocallRequest, VideocallResult } from './protocol/videocall.schema.js';
