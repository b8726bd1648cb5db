import { JanusCallProvider } from '@janus-call/react';
import { useState } from 'react';
import { initialServer, inspect } from 'demo-kit';
import { InspectorToggle } from './inspector-toggle.js';
import { Phone } from './phone.js';
import { ServerForm } from './server-form.js';

/** The page: which Janus to use, and, while connected, the phone. */
export function App() {
  const [server, setServer] = useState(() => initialServer(window.location.search, import.meta.env.VITE_JANUS_URL));
  const [connected, setConnected] = useState(true);
  // A new key per connection: the phone's own fields start fresh too.
  const [connection, setConnection] = useState(0);

  const connect = (url: string) => {
    setServer(url);
    setConnected(true);
    setConnection((n) => n + 1);
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          janus-call <span className="muted">videocall · React</span>
        </h1>
        <InspectorToggle />
      </header>
      <ServerForm server={server} connected={connected} onConnect={connect} onDisconnect={() => setConnected(false)} />
      {connected ? (
        <JanusCallProvider key={connection} server={server} inspect={inspect} onIncomingCall={({ peer }) => ring(peer)} onHangup={() => ring(null)}>
          <Phone server={server} />
        </JanusCallProvider>
      ) : (
        <main className="layout">
          <section className="panel">
            <p role="status" className="status">
              Disconnected. Press Connect to start.
            </p>
            <p role="alert" className="alert" />
          </section>
        </main>
      )}
    </div>
  );
}

const TITLE = document.title;

/** A ringing call shows in the tab title, so it is seen from another tab. */
function ring(peer: string | null) {
  document.title = peer ? `📞 ${peer} is calling · ${TITLE}` : TITLE;
}
