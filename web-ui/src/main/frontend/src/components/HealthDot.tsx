import { useEffect, useState } from 'react';
import { api } from '../api';

/** Asks /actuator/health now and every `intervalMs`; green when UP. */
export function HealthDot({ intervalMs = 15000 }: { intervalMs?: number }) {
  const [status, setStatus] = useState('…');

  useEffect(() => {
    let alive = true;
    const check = () => api.health().then((s) => alive && setStatus(s));
    check();
    const timer = setInterval(check, intervalMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [intervalMs]);

  const tone = status === 'UP' ? 'up' : status === '…' ? 'unknown' : 'down';
  return (
    <span className="health" title={`backend ${status}`}>
      <span className={`dot ${tone}`} aria-hidden="true" />
      <span className="small muted">{status}</span>
    </span>
  );
}
