import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Strategy } from '../api';
import { StrategyForm } from '../components/StrategyForm';
import { Notice, ProblemMessage } from '../components/ProblemMessage';
import { formatParameters, formatTime, typeLabel } from '../format';
import { useLoad } from '../hooks';

const PAGE = 50;

export function StrategiesPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const [offset, setOffset] = useState(0);
  const [created, setCreated] = useState<Strategy>();
  const list = useLoad(() => api.strategies({ includeArchived, offset, limit: PAGE }), [includeArchived, offset]);
  const strategies = list.data?.strategies ?? [];
  const total = list.data?.total ?? 0;

  function onCreated(strategy: Strategy) {
    setCreated(strategy);
    setOffset(0);
    list.reload();
  }

  return (
    <div className="split">
      <section className="panel grow" aria-label="Strategies">
        <div className="panel-head">
          <h2>
            Strategies <span className="muted">({total})</span>
          </h2>
          <label className="inline small">
            <input
              type="checkbox"
              checked={includeArchived}
              onChange={(e) => {
                setIncludeArchived(e.target.checked);
                setOffset(0);
              }}
            />
            show archived
          </label>
          <button type="button" className="link" onClick={list.reload} disabled={list.loading}>
            refresh
          </button>
        </div>
        {created && (
          <Notice>
            Created <Link to={`/strategies/${created.strategyId}`}>{created.name}</Link> (v{created.version}).
          </Notice>
        )}
        <ProblemMessage error={list.error} />
        <table className="grid">
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Symbol</th>
              <th>Parameters</th>
              <th className="num">Ver</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {strategies.map((s) => (
              <tr key={s.strategyId} className={s.archived ? 'archived' : undefined}>
                <td>
                  <Link to={`/strategies/${s.strategyId}`}>{s.name}</Link>
                  {s.archived && <span className="tag">archived</span>}
                </td>
                <td>{typeLabel(s.type)}</td>
                <td className="mono">{s.symbol}</td>
                <td className="mono small">{formatParameters(s.parameters)}</td>
                <td className="num">{s.version}</td>
                <td className="muted small">{formatTime(s.updatedAt)}</td>
              </tr>
            ))}
            {!list.loading && strategies.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No strategies yet: define one on the right.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {total > PAGE && (
          <div className="pager small">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              ‹ prev
            </button>
            <span className="muted">
              {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
            </span>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              next ›
            </button>
          </div>
        )}
      </section>
      <aside className="side">
        <StrategyForm onCreated={onCreated} />
      </aside>
    </div>
  );
}
