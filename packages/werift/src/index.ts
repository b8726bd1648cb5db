export { weriftRtc } from './werift.rtc.js';
export type { WeriftRtcOptions } from './werift.rtc.js';
export type { VideoSourceOptions } from './synthetic-source.js';
export { OPUS_SILENCE_FRAME } from './opus.js';
export { packetizeVp8, vp8GreyKeyframe } from './vp8.js';
