import * as v from 'valibot';

// Schemas for every message the Janus core API sends to a client.
// Loose objects: Janus may add fields in later versions, and that must not break us.

const Id = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Transaction = v.pipe(v.string(), v.maxLength(256));
const Text = v.pipe(v.string(), v.maxLength(65_536));

export const JsepSchema = v.looseObject({
  type: v.picklist(['offer', 'answer']),
  sdp: v.pipe(v.string(), v.maxLength(1_000_000)),
  e2ee: v.optional(v.boolean()),
  // Janus-specific hints, e.g. simulcast settings.
  simulcast: v.optional(v.unknown()),
});

export const RemoteCandidateSchema = v.union([
  v.looseObject({ completed: v.literal(true) }),
  v.looseObject({
    candidate: Text,
    sdpMid: v.optional(v.nullable(v.string())),
    sdpMLineIndex: v.optional(v.nullable(v.number())),
  }),
]);

export const PluginDataSchema = v.looseObject({
  plugin: v.string(),
  data: v.record(v.string(), v.unknown()),
});

const base = {
  transaction: v.optional(Transaction),
  session_id: v.optional(Id),
  sender: v.optional(Id),
};

export const SuccessSchema = v.looseObject({
  ...base,
  janus: v.literal('success'),
  data: v.optional(v.looseObject({ id: v.optional(Id) })),
  plugindata: v.optional(PluginDataSchema),
  jsep: v.optional(JsepSchema),
});
export const AckSchema = v.looseObject({ ...base, janus: v.literal('ack'), hint: v.optional(Text) });
export const ErrorSchema = v.looseObject({
  ...base,
  janus: v.literal('error'),
  error: v.looseObject({ code: v.number(), reason: v.optional(Text, '') }),
});
export const EventSchema = v.looseObject({
  ...base,
  janus: v.literal('event'),
  plugindata: PluginDataSchema,
  jsep: v.optional(JsepSchema),
});
export const WebrtcUpSchema = v.looseObject({ ...base, janus: v.literal('webrtcup') });
export const MediaSchema = v.looseObject({
  ...base,
  janus: v.literal('media'),
  mid: v.optional(v.string()),
  type: v.picklist(['audio', 'video']),
  receiving: v.boolean(),
  seconds: v.optional(v.number()),
});
export const SlowLinkSchema = v.looseObject({
  ...base,
  janus: v.literal('slowlink'),
  mid: v.optional(v.string()),
  media: v.optional(v.picklist(['audio', 'video'])),
  uplink: v.boolean(),
  lost: v.optional(v.number(), 0),
});
export const HangupSchema = v.looseObject({ ...base, janus: v.literal('hangup'), reason: v.optional(Text, '') });
export const DetachedSchema = v.looseObject({ ...base, janus: v.literal('detached') });
export const TimeoutSchema = v.looseObject({ ...base, janus: v.literal('timeout') });
export const KeepaliveSchema = v.looseObject({ ...base, janus: v.literal('keepalive') });
export const TrickleSchema = v.looseObject({
  ...base,
  janus: v.literal('trickle'),
  candidate: RemoteCandidateSchema,
});
export const IceFailedSchema = v.looseObject({ ...base, janus: v.literal('ice-failed') });

export const InboundSchema = v.variant('janus', [
  SuccessSchema,
  AckSchema,
  ErrorSchema,
  EventSchema,
  WebrtcUpSchema,
  MediaSchema,
  SlowLinkSchema,
  HangupSchema,
  DetachedSchema,
  TimeoutSchema,
  KeepaliveSchema,
  TrickleSchema,
  IceFailedSchema,
]);

export type Jsep = v.InferOutput<typeof JsepSchema>;
export type RemoteCandidate = v.InferOutput<typeof RemoteCandidateSchema>;
export type JanusSuccess = v.InferOutput<typeof SuccessSchema>;
export type JanusAck = v.InferOutput<typeof AckSchema>;
export type JanusErrorMessage = v.InferOutput<typeof ErrorSchema>;
export type JanusEvent = v.InferOutput<typeof EventSchema>;
export type JanusWebrtcUp = v.InferOutput<typeof WebrtcUpSchema>;
export type JanusMedia = v.InferOutput<typeof MediaSchema>;
export type JanusSlowLink = v.InferOutput<typeof SlowLinkSchema>;
export type JanusHangup = v.InferOutput<typeof HangupSchema>;
export type JanusDetached = v.InferOutput<typeof DetachedSchema>;
export type JanusTimeout = v.InferOutput<typeof TimeoutSchema>;
export type JanusKeepalive = v.InferOutput<typeof KeepaliveSchema>;
export type JanusTrickle = v.InferOutput<typeof TrickleSchema>;
export type JanusIceFailed = v.InferOutput<typeof IceFailedSchema>;
/** Any message the Janus core API can send to a client, validated. */
export type JanusInbound = v.InferOutput<typeof InboundSchema>;
/** Messages that concern one plugin handle and arrive on the long-poll. */
export type JanusHandleEvent = Exclude<JanusInbound, JanusSuccess | JanusAck | JanusKeepalive | JanusTimeout>;
