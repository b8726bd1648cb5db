import { useJanusCallContext } from '@janus-call/react';
import { useEffect, useState } from 'react';
import { CameraIcon, MicIcon } from './icons.js';

/** Caps on what the peer sends us, in bits/s; 0 removes the cap. */
const BITRATES = [
  [0, 'No cap'],
  [128_000, '128 kbit/s'],
  [256_000, '256 kbit/s'],
  [512_000, '512 kbit/s'],
  [1_024_000, '1 Mbit/s'],
  [2_048_000, '2 Mbit/s'],
] as const;

/** Microphone and camera, the bitrate cap, the timer and Hang up. */
export function CallControls() {
  const { status, media, bitrate, connectedAt, setMedia, hangup } = useJanusCallContext();
  const up = status === 'mediaUp';
  return (
    <div className="controls" role="group" aria-label="Call controls">
      <button type="button" className="toggle" aria-pressed={media.audio} disabled={!up} onClick={() => setMedia({ audio: !media.audio })}>
        <MicIcon off={!media.audio} /> Microphone
      </button>
      <button type="button" className="toggle" aria-pressed={media.video} disabled={!up} onClick={() => setMedia({ video: !media.video })}>
        <CameraIcon off={!media.video} /> Camera
      </button>
      <label className="field inline">
        <span>Bitrate cap</span>
        <select value={bitrate ?? 0} disabled={!up} onChange={(e) => setMedia({ bitrate: Number(e.target.value) })}>
          {BITRATES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {connectedAt !== null && <CallTimer since={connectedAt} />}
      <button type="button" className="danger" onClick={() => hangup()}>
        Hang up
      </button>
    </div>
  );
}

function CallTimer({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const text = `${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  return (
    <span className="timer" role="timer" aria-label="Call duration">
      {text}
    </span>
  );
}
