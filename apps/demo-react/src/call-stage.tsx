import { JanusVideo, useJanusCallContext } from '@janus-call/react';
import { CallControls } from './call-controls.js';
import { CallStats } from './call-stats.js';

const IN_CALL = new Set(['calling', 'accepted', 'mediaUp']);

/** The two videos and the call's controls, while a call is being made or is up. */
export function CallStage() {
  const { status, peer, localStream, remoteStream, username } = useJanusCallContext();
  if (!IN_CALL.has(status)) {
    return (
      <div className="stage-empty">
        <p>{username ? 'No call. Pick someone from the list, or wait for a call.' : 'Register to make or take calls.'}</p>
      </div>
    );
  }
  return (
    <div className="in-call">
      <div className="videos">
        <figure className="tile remote">
          <JanusVideo stream={remoteStream} aria-label="Remote video" />
          <figcaption>{peer}</figcaption>
          {status !== 'mediaUp' && <p className="overlay">{status === 'calling' ? `Ringing ${peer}…` : 'Connecting…'}</p>}
        </figure>
        <figure className="tile local">
          <JanusVideo stream={localStream} muted aria-label="Local video" />
          <figcaption>You</figcaption>
        </figure>
      </div>
      <CallControls />
      {status === 'mediaUp' && <CallStats />}
    </div>
  );
}
