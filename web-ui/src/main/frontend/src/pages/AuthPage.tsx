import { useState, type FormEvent } from 'react';
import { auth, AuthError, type SessionUser } from '../auth';

interface Props {
  onSignedIn: (user: SessionUser) => void;
}

/** Log in, or create an account (12 characters at least; the server judges how guessable the password is). */
export function AuthPage({ onSignedIn }: Props) {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const registering = mode === 'register';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = registering ? await auth.register(email.trim(), password) : await auth.login(email.trim(), password);
      onSignedIn(user);
    } catch (err) {
      setError(err instanceof AuthError ? err.message : `cannot reach the server: ${String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  function switchTo(next: 'login' | 'register') {
    setMode(next);
    setError(undefined);
  }

  return (
    <form className="panel form auth" onSubmit={submit} aria-label={registering ? 'Create account' : 'Log in'} noValidate>
      <h2>{registering ? 'Create account' : 'Log in'}</h2>
      <div className="field">
        <label htmlFor="auth-email">Email</label>
        <input id="auth-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="auth-password">Password</label>
        <input
          id="auth-password"
          type="password"
          autoComplete={registering ? 'new-password' : 'current-password'}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {registering && <span className="hint">At least 12 characters; a few unrelated words work well.</span>}
      </div>
      {error && (
        <div className="problem" role="alert">
          {error}
        </div>
      )}
      <div className="actions">
        <button type="button" className="link" onClick={() => switchTo(registering ? 'login' : 'register')}>
          {registering ? 'I have an account' : 'Create an account'}
        </button>
        <button type="submit" className="primary" disabled={busy || !email || !password}>
          {busy ? '…' : registering ? 'Create account' : 'Log in'}
        </button>
      </div>
    </form>
  );
}
