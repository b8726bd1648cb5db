import { type FormEvent, useState } from 'react';
import { LOCAL_JANUS, MEETECHO_DEMO } from 'demo-kit';

interface Props {
  server: string;
  connected: boolean;
  onConnect: (url: string) => void;
  onDisconnect: () => void;
}

/** The Janus to talk to. Changing it reconnects; nothing is contacted until Connect is pressed. */
export function ServerForm({ server, connected, onConnect, onDisconnect }: Props) {
  const [url, setUrl] = useState(server);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConnect(url.trim());
  };
  const presets = [
    { label: 'This machine', url: server === MEETECHO_DEMO ? LOCAL_JANUS : server },
    { label: 'Meetecho public demo', url: MEETECHO_DEMO },
  ];

  return (
    <form className="panel server" onSubmit={submit}>
      <label className="field grow">
        <span>Server</span>
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} autoComplete="url" />
      </label>
      <label className="field">
        <span>Preset</span>
        <select value={presets.find((p) => p.url === url)?.url ?? ''} onChange={(e) => e.target.value && setUrl(e.target.value)}>
          <option value="">Custom</option>
          {presets.map((p) => (
            <option key={p.label} value={p.url}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="submit" disabled={connected && url.trim() === server}>
          Connect
        </button>
        <button type="button" className="secondary" disabled={!connected} onClick={onDisconnect}>
          Disconnect
        </button>
      </div>
    </form>
  );
}
