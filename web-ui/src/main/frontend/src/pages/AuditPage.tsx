import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { EventTimeline } from '../components/EventTimeline';
import { ProblemMessage } from '../components/ProblemMessage';
import { shortId } from '../format';
import { useLoad } from '../hooks';

/** Any strategy's audit trail, archived ones included; an id can also be pasted. */
export function AuditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(id ?? '');
  const list = useLoad(() => api.strategies({ includeArchived: true, limit: 500 }), []);

  function open(e: FormEvent) {
    e.preventDefault();
    if (typed.trim()) navigate(`/audit/${encodeURIComponent(typed.trim())}`);
  }

  return (
    <div className="stack">
      <form className="panel toolbar" onSubmit={open} aria-label="Choose aggregate">
        <h2>Audit trail</h2>
        <select
          aria-label="Strategy"
          value={id ?? ''}
          onChange={(e) => {
            setTyped(e.target.value);
            if (e.target.value) navigate(`/audit/${e.target.value}`);
          }}
        >
          <option value="">choose a strategy…</option>
          {(list.data?.strategies ?? []).map((s) => (
            <option key={s.strategyId} value={s.strategyId}>
              {s.name} · {s.symbol} · {shortId(s.strategyId)}
              {s.archived ? ' (archived)' : ''}
            </option>
          ))}
        </select>
        <input className="mono grow" placeholder="or paste an aggregate id" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">Show</button>
      </form>
      <ProblemMessage error={list.error} />
      {id ? <EventTimeline aggregateId={id} key={id} /> : <p className="muted">Choose a strategy to read its events.</p>}
    </div>
  );
}
