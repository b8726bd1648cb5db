import { useJanusCallContext } from '@janus-call/react';

/** Who else is registered, as of the last refresh. Names come from the server: rendered as text, never as HTML. */
export function PeerList({ onPick }: { onPick: (name: string) => void }) {
  const { peers, username, refreshPeers } = useJanusCallContext();
  const registered = username !== null;

  return (
    <div className="block">
      <div className="block-head">
        <h2 id="online-users">Online users</h2>
        <button type="button" className="ghost small" disabled={!registered} onClick={() => refreshPeers()}>
          Refresh
        </button>
      </div>
      {peers.length === 0 ? (
        <p className="muted">{registered ? 'Nobody else is online.' : 'Register to see who is online.'}</p>
      ) : (
        <ul className="peers" aria-labelledby="online-users">
          {peers.map((name) => (
            <li key={name}>
              <button type="button" className="peer" title={`Put ${name} in the Peer field`} onClick={() => onPick(name)}>
                {/* The initial is drawn by CSS: the item's text stays exactly the name. */}
                <span className="avatar" aria-hidden="true" data-initial={name.slice(0, 1).toUpperCase()} />
                {name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
