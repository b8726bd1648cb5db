import { type MediaStreamTrack, RtpHeader, RtpPacket } from 'werift';
import { OPUS_FRAME_MS, OPUS_SAMPLES_PER_FRAME, OPUS_SILENCE_FRAME } from './opus.js';
import { packetizeVp8, vp8GreyKeyframe } from './vp8.js';

export interface VideoSourceOptions {
  width?: number;
  height?: number;
  fps?: number;
}

type Clock = () => number;

/** Runs `tick(index)` once per period of wall-clock time, catching up on a late timer but never bursting. */
export function pacedLoop(periodMs: number, tick: (index: number) => void, clock: Clock = () => performance.now()): () => void {
  const start = clock();
  let next = 0;
  const timer = setInterval(() => {
    const due = Math.floor((clock() - start) / periodMs) + 1;
    // After a long stall (debugger, CPU starved), skip ahead rather than flood the connection.
    if (due - next > 5) next = due - 5;
    while (next < due) tick(next++);
  }, periodMs);
  // A forgotten source must not keep the process alive; close() clears it anyway.
  timer.unref?.();
  tick(next++);
  return () => clearInterval(timer);
}

function randomUint(bits: 16 | 32): number {
  return Math.floor(Math.random() * 2 ** bits);
}

/** Opus silence, 50 packets a second, into a local werift track. Paused while `track.enabled` is false. */
export function startSilentAudio(track: MediaStreamTrack, clock?: Clock): () => void {
  let sequenceNumber = randomUint(16);
  const baseTimestamp = randomUint(32);
  return pacedLoop(
    OPUS_FRAME_MS,
    (index) => {
      if (!track.enabled || track.stopped) return;
      const header = new RtpHeader({
        payloadType: 111,
        sequenceNumber: sequenceNumber++ & 0xffff,
        timestamp: (baseTimestamp + index * OPUS_SAMPLES_PER_FRAME) >>> 0,
        marker: index === 0,
      });
      track.writeRtp(new RtpPacket(header, OPUS_SILENCE_FRAME));
    },
    clock,
  );
}

/** Grey VP8 key frames at `fps` into a local werift track: every frame decodes on its own. */
export function startGreyVideo(track: MediaStreamTrack, options: VideoSourceOptions = {}, clock?: Clock): () => void {
  const { width = 320, height = 240, fps = 15 } = options;
  const frame = vp8GreyKeyframe(width, height);
  const ticksPerFrame = Math.round(90_000 / fps);
  let sequenceNumber = randomUint(16);
  let pictureId = randomUint(16) & 0x7fff;
  const baseTimestamp = randomUint(32);
  return pacedLoop(
    1000 / fps,
    (index) => {
      if (!track.enabled || track.stopped) return;
      const payloads = packetizeVp8(frame, pictureId);
      pictureId = (pictureId + 1) & 0x7fff;
      const timestamp = (baseTimestamp + index * ticksPerFrame) >>> 0;
      payloads.forEach((payload, i) => {
        const header = new RtpHeader({
          payloadType: 96,
          sequenceNumber: sequenceNumber++ & 0xffff,
          timestamp,
          marker: i === payloads.length - 1,
        });
        track.writeRtp(new RtpPacket(header, payload));
      });
    },
    clock,
  );
}
