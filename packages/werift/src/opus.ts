/**
 * One 20 ms Opus frame of silence: TOC 0xf8 (CELT-only, fullband, 20 ms, mono, one frame)
 * followed by a CELT body that decodes to digital silence.
 */
export const OPUS_SILENCE_FRAME: Buffer = Buffer.from([0xf8, 0xff, 0xfe]);

/** 20 ms at Opus's 48 kHz RTP clock. */
export const OPUS_SAMPLES_PER_FRAME = 960;
export const OPUS_FRAME_MS = 20;
