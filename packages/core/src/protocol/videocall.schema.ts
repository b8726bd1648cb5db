import * as v from 'valibot';

// The `plugindata.data` of janus.plugin.videocall, requests and results.

export const VIDEOCALL_PLUGIN = 'janus.plugin.videocall';

const Username = v.pipe(v.string(), v.maxLength(4096));
const Reason = v.pipe(v.string(), v.maxLength(65_536));

const ListResult = v.object({ list: v.pipe(v.array(Username), v.maxLength(100_000)) });
const Registered = v.object({ event: v.literal('registered'), username: Username });
const Calling = v.object({ event: v.literal('calling'), username: v.optional(Username) });
const IncomingCall = v.object({ event: v.literal('incomingcall'), username: Username });
const Accepted = v.object({ event: v.literal('accepted'), username: v.optional(Username) });
const Update = v.object({ event: v.literal('update') });
const SetResult = v.object({ event: v.literal('set') });
const Hangup = v.object({
  event: v.literal('hangup'),
  username: v.optional(Username),
  reason: v.optional(Reason, ''),
});
const SlowLink = v.object({
  event: v.literal('slow_link'),
  media: v.optional(v.string()),
  'current-bitrate': v.optional(v.number()),
});
const Simulcast = v.object({
  event: v.literal('simulcast'),
  videocodec: v.optional(v.string()),
  substream: v.optional(v.number()),
  temporal: v.optional(v.number()),
});

export const VideocallResultSchema = v.union([
  ListResult,
  v.variant('event', [Registered, Calling, IncomingCall, Accepted, Update, SetResult, Hangup, SlowLink, Simulcast]),
]);

export const VideocallDataSchema = v.union([
  v.object({
    videocall: v.literal('event'),
    error_code: v.number(),
    error: v.optional(Reason, ''),
  }),
  v.object({
    videocall: v.literal('event'),
    result: VideocallResultSchema,
  }),
]);

export type VideocallResult = v.InferOutput<typeof VideocallResultSchema>;
export type VideocallData = v.InferOutput<typeof VideocallDataSchema>;
export type VideocallEventName = Exclude<VideocallResult, { list: string[] }>['event'];

/** Requests of janus.plugin.videocall, as sent in a `message` body. */
export type VideocallRequest =
  | { request: 'list' }
  | { request: 'register'; username: string }
  | { request: 'call'; username: string }
  | { request: 'accept' }
  | {
      request: 'set';
      audio?: boolean;
      video?: boolean;
      bitrate?: number;
      record?: boolean;
      filename?: string;
      restart?: boolean;
      substream?: 0 | 1 | 2;
      temporal?: 0 | 1 | 2;
      fallback?: number;
    }
  | { request: 'hangup'; reason?: string };

/** Well-known hangup reasons from Janus and the videocall plugin; others arrive as plain strings. */
export const HangupReason = {
  EXPLICIT: 'Explicit hangup',
  REMOTE: 'We did the hangup',
  REMOTE_WEBRTC: 'Remote WebRTC hangup',
  BUSY: 'User busy',
  DTLS_ALERT: 'DTLS alert',
  ICE_FAILED: 'ICE failed',
  CLOSE_PC: 'Close PC',
} as const;
