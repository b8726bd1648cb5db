import { Vp8RtpPayload } from 'werift';
import { describe, expect, it } from 'vitest';
import { isVp8Keyframe, packetizeVp8, readVp8Descriptor, vp8GreyKeyframe, vp8KeyframeSize } from './vp8.js';

describe('vp8GreyKeyframe', () => {
  it('writes a key frame header: tag, start code, size', () => {
    const frame = vp8GreyKeyframe(320, 240);
    const tag = frame[0]! | (frame[1]! << 8) | (frame[2]! << 16);
    expect(tag & 1).toBe(0); // key frame
    expect((tag >> 1) & 7).toBe(0); // version 0
    expect((tag >> 4) & 1).toBe(1); // shown
    const mbs = 20 * 15;
    expect(tag >> 5).toBe(64 + mbs); // first partition size
    expect(frame.length).toBe(10 + 64 + mbs + 16 + 2 * mbs);
    expect(vp8KeyframeSize(frame)).toEqual({ width: 320, height: 240 });
  });

  it('is all zeros after the header, which is what makes it decodable without tables', () => {
    expect(vp8GreyKeyframe(100, 50).subarray(10).every((b) => b === 0)).toBe(true);
  });

  it('rounds odd sizes up to whole macroblocks', () => {
    expect(vp8GreyKeyframe(17, 1).length).toBe(10 + 64 + 2 + 16 + 4);
    expect(vp8KeyframeSize(vp8GreyKeyframe(17, 1))).toEqual({ width: 17, height: 1 });
  });

  it.each([
    [0, 240],
    [320, 0],
    [16384, 240],
    [320.5, 240],
  ])('refuses %sx%s', (w, h) => {
    expect(() => vp8GreyKeyframe(w, h)).toThrow(RangeError);
  });

  it('tells a key frame from anything else', () => {
    expect(vp8KeyframeSize(Buffer.from([0x01, 0, 0, 0x9d, 0x01, 0x2a, 0, 0, 0, 0]))).toBeNull();
    expect(vp8KeyframeSize(Buffer.alloc(4))).toBeNull();
  });
});

describe('packetizeVp8', () => {
  it('fits a 320x240 frame in one packet with a start descriptor and 15-bit picture id', () => {
    const frame = vp8GreyKeyframe(320, 240);
    const [only, ...rest] = packetizeVp8(frame, 0x1234);
    expect(rest).toEqual([]);
    expect(readVp8Descriptor(only!)).toEqual({ start: true, pictureId: 0x1234, headerBytes: 4 });
    expect(only!.subarray(4).equals(frame)).toBe(true);
  });

  it('splits a large frame, S only on the first, and reassembles to the same bytes', () => {
    const frame = vp8GreyKeyframe(1280, 720);
    const payloads = packetizeVp8(frame, 7, 1000);
    expect(payloads.length).toBe(Math.ceil(frame.length / 996));
    expect(payloads.every((p) => p.length <= 1000)).toBe(true);
    expect(payloads.map((p) => readVp8Descriptor(p).start)).toEqual(payloads.map((_, i) => i === 0));
    expect(Buffer.concat(payloads.map((p) => p.subarray(4))).equals(frame)).toBe(true);
  });

  it('wraps the picture id at 15 bits', () => {
    expect(readVp8Descriptor(packetizeVp8(Buffer.alloc(20), 0x8005)[0]!).pictureId).toBe(5);
  });

  it("reads back through werift's own VP8 depacketizer as a key frame", () => {
    const [first] = packetizeVp8(vp8GreyKeyframe(320, 240), 300);
    const parsed = Vp8RtpPayload.deSerialize(first!);
    expect(parsed.isKeyframe).toBe(true);
    expect(parsed.isPartitionHead).toBe(true);
    expect(parsed.pictureId).toBe(300);
  });

  it('refuses a payload size with no room for data', () => {
    expect(() => packetizeVp8(Buffer.alloc(10), 0, 4)).toThrow(RangeError);
  });
});

describe('isVp8Keyframe', () => {
  it('recognises the first packet of our own key frame and nothing after it', () => {
    const payloads = packetizeVp8(vp8GreyKeyframe(64, 48), 7, 40);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.map((p) => isVp8Keyframe(p))).toEqual(payloads.map((_, i) => i === 0));
  });

  it('skips PictureID, TL0PICIDX and TID bytes as a browser sends them', () => {
    // X I L T set; 15-bit PictureID; TL0PICIDX; TID; then a key frame tag (P=0) or an interframe tag (P=1).
    const head = [0x90, 0xe0, 0x80 | 0x12, 0x34, 0x05, 0x20];
    expect(isVp8Keyframe(Uint8Array.from([...head, 0x10, 0x02, 0x00]))).toBe(true);
    expect(isVp8Keyframe(Uint8Array.from([...head, 0x11, 0x02, 0x00]))).toBe(false);
    // 7-bit PictureID, no L/T.
    expect(isVp8Keyframe(Uint8Array.from([0x90, 0x80, 0x05, 0x10]))).toBe(true);
  });

  it('is false for a continuation packet, another partition, or too few bytes', () => {
    expect(isVp8Keyframe(Uint8Array.from([0x80, 0x80, 0x05, 0x10]))).toBe(false); // S=0
    expect(isVp8Keyframe(Uint8Array.from([0x91, 0x80, 0x05, 0x10]))).toBe(false); // PID=1
    expect(isVp8Keyframe(Uint8Array.from([]))).toBe(false);
    expect(isVp8Keyframe(Uint8Array.from([0x90, 0xe0]))).toBe(false);
  });
});
