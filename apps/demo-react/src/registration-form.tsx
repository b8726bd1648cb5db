import { useJanusCallContext } from '@janus-call/react';
import { type FormEvent, useState } from 'react';

/** Pick a name others can call. The videocall plugin has no unregister: a name lasts as long as the session. */
export function RegistrationForm() {
  const { status, username, register } = useJanusCallContext();
  const [name, setName] = useState('');
  const registered = username !== null;
  const canRegister = status === 'idle' || status === 'connecting';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register(name.trim());
  };

  return (
    <form className="block" onSubmit={submit}>
      <label className="field">
        <span>Username</span>
        <input
          value={registered ? username : name}
          onChange={(e) => setName(e.target.value)}
          readOnly={registered}
          maxLength={256}
          required
          autoComplete="username"
          spellCheck={false}
        />
      </label>
      <button type="submit" disabled={!canRegister || registered}>
        Register
      </button>
    </form>
  );
}
