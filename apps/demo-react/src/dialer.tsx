import { useJanusCallContext } from '@janus-call/react';
import type { FormEvent } from 'react';

interface Props {
  peerName: string;
  onPeerNameChange: (name: string) => void;
  onCall: (name: string) => void;
}

/** Call someone by name. */
export function Dialer({ peerName, onPeerNameChange, onCall }: Props) {
  const { status } = useJanusCallContext();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCall(peerName.trim());
  };

  return (
    <form className="block" onSubmit={submit}>
      <label className="field">
        <span>Peer</span>
        <input value={peerName} onChange={(e) => onPeerNameChange(e.target.value)} maxLength={256} required spellCheck={false} />
      </label>
      <button type="submit" disabled={status !== 'registered'}>
        Call
      </button>
    </form>
  );
}
