import { NavLink } from 'react-router';
import { auth, type SessionUser } from '../auth';
import { HealthDot } from './HealthDot';

export function Header({ user }: { user: SessionUser }) {
  return (
    <header className="topbar">
      <span className="brand">
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M1 13 L6 7 L9 10 L15 3" stroke="currentColor" strokeWidth="2" fill="none" />
        </svg>
        Trendline
      </span>
      <nav>
        <NavLink to="/strategies">Strategies</NavLink>
        <NavLink to="/markets">Markets</NavLink>
        <NavLink to="/audit">Audit</NavLink>
        <NavLink to="/premium">Premium</NavLink>
      </nav>
      <HealthDot />
      <span className="user small">
        <span title={user.roles.join(', ')}>{user.email}</span>
        <button type="button" className="link" onClick={() => void auth.logout()}>
          Log out
        </button>
      </span>
    </header>
  );
}
