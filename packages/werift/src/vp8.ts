// A VP8 source that needs no encoder. With both partitions zero-filled, every boolean the
// decoder reads is 0 whatever its probability, which spells a valid key frame: default header,
// no probability updates, every macroblock B_PRED/B_DC_PRED with DC chroma and no coefficients.
// It decodes (libvpx, Chromium) to flat mid-grey.

const MAX_DIMENSION = 0x3fff;
/** VP8 payload descriptor: X, I and a 15-bit PictureID (RFC 7741). */
const DESCRIPTOR_BYTES = 4;

function macroblocks(width: number, height: number): number {
  return Math.ceil(width / 16) * Math.ceil(height / 16);
}

/** A grey VP8 key frame of this size. Partition sizes are ~2x what libvpx was measured to need. */
export function vp8GreyKeyframe(width: number, height: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    throw new RangeError(`VP8 frame size must be 1..${MAX_DIMENSION}, got ${width}x${height}`);
  }
  const mbs = macroblocks(width, height);
  const firstPartition = 64 + mbs;
  const tokenPartition = 16 + 2 * mbs;
  const frame = Buffer.alloc(10 + firstPartition + tokenPartition);
  // Frame tag: key frame (bit 0 = 0), version 0, show_frame, first partition size in bits 5..23.
  const tag = (1 << 4) | (firstPartition << 5);
  frame[0] = tag & 0xff;
  frame[1] = (tag >> 8) & 0xff;
  frame[2] = (tag >> 16) & 0xff;
  frame[3] = 0x9d;
  frame[4] = 0x01;
  frame[5] = 0x2a;
  frame.writeUInt16LE(width, 6);
  frame.writeUInt16LE(height, 8);
  return frame;
}

/** Read back width and height of a VP8 key frame, or null for anything else. */
export function vp8KeyframeSize(frame: Buffer): { width: number; height: number } | null {
  if (frame.length < 10 || (frame[0]! & 1) !== 0 || frame[3] !== 0x9d || frame[4] !== 0x01 || frame[5] !== 0x2a) return null;
  return { width: frame.readUInt16LE(6) & MAX_DIMENSION, height: frame.readUInt16LE(8) & MAX_DIMENSION };
}

/**
 * Split one frame into RTP payloads of at most `maxPayload` bytes, each with a payload
 * descriptor; the first has S=1. The caller sets the marker on the last packet.
 */
export function packetizeVp8(frame: Buffer, pictureId: number, maxPayload = 1100): Buffer[] {
  const chunk = maxPayload - DESCRIPTOR_BYTES;
  if (chunk < 1) throw new RangeError(`maxPayload must exceed ${DESCRIPTOR_BYTES}`);
  const id = pictureId & 0x7fff;
  const payloads: Buffer[] = [];
  for (let offset = 0; offset < frame.length; offset += chunk) {
    const part = frame.subarray(offset, offset + chunk);
    const descriptor = Buffer.from([offset === 0 ? 0x90 : 0x80, 0x80, 0x80 | (id >> 8), id & 0xff]);
    payloads.push(Buffer.concat([descriptor, part]));
  }
  return payloads;
}

/** The VP8 payload descriptor fields a receiver looks at, for tests and sanity checks. */
export function readVp8Descriptor(payload: Buffer): { start: boolean; pictureId: number | null; headerBytes: number } {
  const first = payload[0] ?? 0;
  const start = (first & 0x10) !== 0;
  if ((first & 0x80) === 0) return { start, pictureId: null, headerBytes: 1 };
  const ext = payload[1] ?? 0;
  if ((ext & 0x80) === 0) return { start, pictureId: null, headerBytes: 2 };
  const high = payload[2] ?? 0;
  if (high & 0x80) return { start, pictureId: ((high & 0x7f) << 8) | (payload[3] ?? 0), headerBytes: 4 };
  return { start, pictureId: high, headerBytes: 3 };
}

/**
 * True when this RTP payload starts a VP8 key frame: the descriptor (RFC 7741, with its optional
 * PictureID, TL0PICIDX and TID/KEYIDX bytes) marks the start of partition 0, and the frame tag's
 * P bit is 0. Anything too short to tell is not a key frame.
 */
export function isVp8Keyframe(payload: Uint8Array): boolean {
  const first = payload[0];
  if (first === undefined) return false;
  // S=1 and PID=0: the first packet of the frame.
  if ((first & 0x10) === 0 || (first & 0x0f) !== 0) return false;
  let offset = 1;
  if (first & 0x80) {
    const ext = payload[offset++];
    if (ext === undefined) return false;
    if (ext & 0x80) offset += (payload[offset] ?? 0) & 0x80 ? 2 : 1; // PictureID: 7 or 15 bits
    if (ext & 0x40) offset += 1; // TL0PICIDX
    if (ext & 0x30) offset += 1; // TID/Y/KEYIDX
  }
  const tag = payload[offset];
  return tag !== undefined && (tag & 0x01) === 0;
}
