import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { Header } from './components/Header';
import { AuditPage } from './pages/AuditPage';
import { MarketsPage } from './pages/MarketsPage';
import { StrategiesPage } from './pages/StrategiesPage';
import { StrategyDetailPage } from './pages/StrategyDetailPage';

/** Hash routing, so the backend serves only index.html at "/" and needs no fallback for deep links. */
export function App() {
  return (
    <HashRouter>
      <Header />
      <main>
        <AppRoutes />
      </main>
    </HashRouter>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/strategies" replace />} />
      <Route path="/strategies" element={<StrategiesPage />} />
      <Route path="/strategies/:id" element={<StrategyDetailPage />} />
      <Route path="/markets" element={<MarketsPage />} />
      <Route path="/audit" element={<AuditPage />} />
      <Route path="/audit/:id" element={<AuditPage />} />
      <Route path="*" element={<p className="muted">No such page.</p>} />
    </Routes>
  );
}
