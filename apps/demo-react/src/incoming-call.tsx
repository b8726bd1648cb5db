import { useJanusCallContext } from '@janus-call/react';
import { useEffect, useRef } from 'react';

/** The ringing banner. Accept gets the focus, so Enter answers. */
export function IncomingCall() {
  const { status, peer, accept, decline } = useJanusCallContext();
  const acceptButton = useRef<HTMLButtonElement>(null);
  const ringing = status === 'incoming';

  useEffect(() => {
    if (ringing) acceptButton.current?.focus();
  }, [ringing]);

  if (!ringing) return null;
  return (
    <section className="incoming" aria-label="Incoming call">
      <span className="pulse" aria-hidden="true" />
      <p>
        <strong>{peer}</strong> is calling you
      </p>
      <div className="actions">
        <button ref={acceptButton} type="button" className="accept" onClick={() => accept()}>
          Accept
        </button>
        <button type="button" className="danger" onClick={() => decline()}>
          Decline
        </button>
      </div>
    </section>
  );
}
