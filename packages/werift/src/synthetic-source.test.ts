import type { MediaStreamTrack, RtpPacket } from 'werift';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPUS_SILENCE_FRAME } from './opus.js';
import { pacedLoop, startGreyVideo, startSilentAudio } from './synthetic-source.js';
import { readVp8Descriptor } from './vp8.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const clock = () => Date.now();

function fakeTrack() {
  const packets: RtpPacket[] = [];
  const track = { enabled: true, stopped: false, writeRtp: (p: RtpPacket) => packets.push(p) };
  return { track: track as unknown as MediaStreamTrack & typeof track, packets };
}

describe('pacedLoop', () => {
  it('ticks once per period of clock time, starting at once', () => {
    const ticks: number[] = [];
    const stop = pacedLoop(20, (i) => ticks.push(i), clock);
    expect(ticks).toEqual([0]);
    vi.advanceTimersByTime(1000);
    expect(ticks.length).toBe(51);
    expect(ticks.at(-1)).toBe(50);
    stop();
    vi.advanceTimersByTime(1000);
    expect(ticks.length).toBe(51);
  });

  it('catches up a few late ticks but skips a long stall', () => {
    const ticks: number[] = [];
    let offset = 0;
    const stop = pacedLoop(20, (i) => ticks.push(i), () => Date.now() + offset);
    offset = 2000; // the event loop was stuck for two seconds
    vi.advanceTimersByTime(20);
    expect(ticks.length).toBeLessThan(8);
    expect(ticks.at(-1)).toBe(101);
    stop();
  });
});

describe('startSilentAudio', () => {
  it('writes 50 Opus silence packets a second, 960 samples apart', () => {
    const { track, packets } = fakeTrack();
    const stop = startSilentAudio(track, clock);
    vi.advanceTimersByTime(1000);
    stop();
    expect(packets.length).toBe(51);
    expect(packets.every((p) => p.payload.equals(OPUS_SILENCE_FRAME))).toBe(true);
    const [a, b] = packets;
    expect((b!.header.timestamp - a!.header.timestamp) >>> 0).toBe(960);
    expect((b!.header.sequenceNumber - a!.header.sequenceNumber) & 0xffff).toBe(1);
  });

  it('sends nothing while the track is disabled or stopped', () => {
    const { track, packets } = fakeTrack();
    const stop = startSilentAudio(track, clock);
    track.enabled = false;
    vi.advanceTimersByTime(500);
    track.enabled = true;
    track.stopped = true;
    vi.advanceTimersByTime(500);
    stop();
    expect(packets.length).toBe(1);
  });
});

describe('startGreyVideo', () => {
  it('writes whole key frames at the asked rate, marker on the last packet of each', () => {
    const { track, packets } = fakeTrack();
    const stop = startGreyVideo(track, { width: 1280, height: 720, fps: 10 }, clock);
    vi.advanceTimersByTime(1000);
    stop();
    const perFrame = packets.filter((p) => readVp8Descriptor(p.payload).start).length;
    expect(perFrame).toBe(11);
    const frames = new Set(packets.map((p) => p.header.timestamp));
    expect(frames.size).toBe(11);
    const markers = packets.filter((p) => p.header.marker);
    expect(markers.length).toBe(11);
    const stamps = [...frames];
    expect((stamps[1]! - stamps[0]!) >>> 0).toBe(9000);
  });

  it('defaults to 320x240 at 15 fps, one packet a frame', () => {
    const { track, packets } = fakeTrack();
    const stop = startGreyVideo(track, {}, clock);
    vi.advanceTimersByTime(1100); // frame 15 is due at 1000 ms; the 66 ms timer notices at 1056
    stop();
    expect(packets.length).toBe(16);
    expect(packets.every((p) => p.header.marker && p.payload.length < 1200)).toBe(true);
  });
});
