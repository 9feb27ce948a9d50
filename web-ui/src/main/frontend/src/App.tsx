import { lazy, Suspense, useEffect, useState } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { auth, type SessionUser } from './auth';
import { Header } from './components/Header';
import { AuditPage } from './pages/AuditPage';
import { AuthPage } from './pages/AuthPage';
import { PremiumPage } from './pages/PremiumPage';
import { StrategiesPage } from './pages/StrategiesPage';
import { StrategyDetailPage } from './pages/StrategyDetailPage';

// The chart library is loaded with the Markets page, not with the app.
const MarketsPage = lazy(() => import('./pages/MarketsPage').then((m) => ({ default: m.MarketsPage })));

/** Hash routing, so the backend serves only index.html at "/" and needs no fallback for deep links. */
export function App() {
  return (
    <HashRouter>
      <SignedIn>
        {(user) => (
          <>
            <Header user={user} />
            <main>
              <AppRoutes />
            </main>
          </>
        )}
      </SignedIn>
    </HashRouter>
  );
}

/**
 * Shows the app for a signed-in user, else the login form. On start it tries the refresh cookie first, so a reload
 * keeps the session without the token ever being stored where scripts can read it.
 */
export function SignedIn({ children }: { children: (user: SessionUser) => React.ReactNode }) {
  const [user, setUser] = useState<SessionUser | undefined>(auth.user());
  const [checking, setChecking] = useState(!auth.user());

  useEffect(() => {
    const unsubscribe = auth.subscribe(setUser);
    if (!auth.user()) {
      auth.refresh().finally(() => setChecking(false));
    }
    return unsubscribe;
  }, []);

  if (checking) return <p className="muted">…</p>;
  if (!user) {
    return (
      <main className="centered">
        <AuthPage onSignedIn={setUser} />
      </main>
    );
  }
  return <>{children(user)}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/strategies" replace />} />
      <Route path="/strategies" element={<StrategiesPage />} />
      <Route path="/strategies/:id" element={<StrategyDetailPage />} />
      <Route path="/markets" element={<Suspense fallback={<p className="muted">…</p>}><MarketsPage /></Suspense>} />
      <Route path="/audit" element={<AuditPage />} />
      <Route path="/audit/:id" element={<AuditPage />} />
      <Route path="/premium" element={<PremiumPage />} />
      <Route path="*" element={<p className="muted">No such page.</p>} />
    </Routes>
  );
}
