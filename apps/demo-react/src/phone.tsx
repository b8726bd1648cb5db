import { useJanusCallContext } from '@janus-call/react';
import { useState } from 'react';
import { CallStage } from './call-stage.js';
import { Dialer } from './dialer.js';
import { IncomingCall } from './incoming-call.js';
import { PeerList } from './peer-list.js';
import { RegistrationForm } from './registration-form.js';
import { callEndText, errorText, statusText } from 'demo-kit';

/** Everything that needs the client: status, registration, peers, dialling and the call itself. */
export function Phone({ server }: { server: string }) {
  const call = useJanusCallContext();
  const [peerName, setPeerName] = useState('');
  const [callee, setCallee] = useState<string | null>(null);

  return (
    <main className="layout">
      <section className="panel side" aria-label="Phone">
        <div className={`status-card status-${call.status}`}>
          <p role="status" className="status">
            <span className="dot" aria-hidden="true" />
            {statusText(call, server)}
          </p>
          {call.status === 'registered' && call.lastCall && <p className="muted">{callEndText(call.lastCall)}</p>}
          {call.poorLink && <p className="badge warn">Poor connection</p>}
          <p role="alert" className="alert">
            {call.error ? errorText(call.error, { server, callee }) : ''}
          </p>
          {call.status === 'failed' && (
            <button type="button" onClick={() => call.reconnect()}>
              Reconnect
            </button>
          )}
        </div>
        <RegistrationForm />
        <PeerList onPick={setPeerName} />
        <Dialer
          peerName={peerName}
          onPeerNameChange={setPeerName}
          onCall={(name) => {
            setCallee(name);
            call.call(name);
          }}
        />
      </section>
      <section className="stage" aria-label="Call">
        <IncomingCall />
        <CallStage />
      </section>
    </main>
  );
}
