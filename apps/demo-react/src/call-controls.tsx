import { useJanusCallContext } from '@janus-call/react';
import { useEffect, useState } from 'react';
import { BITRATE_CAPS, formatDuration } from 'demo-kit';
import { MediaIcon } from './icons.js';

/** Microphone and camera, the bitrate cap, the timer and Hang up. */
export function CallControls() {
  const { status, media, bitrate, connectedAt, setMedia, hangup } = useJanusCallContext();
  const up = status === 'mediaUp';
  return (
    <div className="controls" role="group" aria-label="Call controls">
      <button type="button" className="toggle" aria-pressed={media.audio} disabled={!up} onClick={() => setMedia({ audio: !media.audio })}>
        <MediaIcon name="microphone" off={!media.audio} /> Microphone
      </button>
      <button type="button" className="toggle" aria-pressed={media.video} disabled={!up} onClick={() => setMedia({ video: !media.video })}>
        <MediaIcon name="camera" off={!media.video} /> Camera
      </button>
      <label className="field inline">
        <span>Bitrate cap</span>
        <select value={bitrate ?? 0} disabled={!up} onChange={(e) => setMedia({ bitrate: Number(e.target.value) })}>
          {BITRATE_CAPS.map(([value, label]) => (
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
  return (
    <span className="timer" role="timer" aria-label="Call duration">
      {formatDuration(now - since)}
    </span>
  );
}
