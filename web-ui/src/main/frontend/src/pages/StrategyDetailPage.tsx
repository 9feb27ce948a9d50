import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, type AggregateHistory, type Strategy } from '../api';
import { BacktestPanel } from '../components/BacktestPanel';
import { EventTimeline } from '../components/EventTimeline';
import { OptimisationPanel } from '../components/OptimisationPanel';
import { ParameterEditor } from '../components/ParameterEditor';
import { ProblemMessage } from '../components/ProblemMessage';
import { StrategyActions } from '../components/StrategyActions';
import { formatTime, typeLabel } from '../format';
import { useStrategyTypes } from '../hooks';

// The charting library loads only when a chart is shown.
const ParameterChart = lazy(() => import('../components/ParameterChart'));

export function StrategyDetailPage() {
  const { id = '' } = useParams();
  const [strategy, setStrategy] = useState<Strategy>();
  const [error, setError] = useState<ApiError>();
  const [history, setHistory] = useState<AggregateHistory>();
  const catalogue = useStrategyTypes();

  const reload = useCallback(() => {
    api
      .strategy(id)
      .then((s) => {
        setStrategy(s);
        setError(undefined);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError({ status: 0, detail: String(e) })));
  }, [id]);

  useEffect(() => {
    setStrategy(undefined);
    reload();
  }, [reload]);

  if (!strategy) {
    return (
      <div className="stack">
        <ProblemMessage error={error} />
        {!error && <p className="muted">Loading…</p>}
        <Link to="/strategies">‹ all strategies</Link>
      </div>
    );
  }

  const specs = catalogue.data?.find((t) => t.type === strategy.type)?.parameters;
  return (
    <div className="split">
      <div className="stack grow">
        <section className="panel summary" aria-label="Strategy">
          <div className="panel-head">
            <Link to="/strategies" className="muted">
              Strategies ›
            </Link>
            <h1>{strategy.name}</h1>
            {strategy.archived && <span className="tag warn">archived</span>}
            <Link to={`/audit/${strategy.strategyId}`} className="small">
              audit
            </Link>
          </div>
          <dl className="facts">
            <dt>type</dt>
            <dd>{typeLabel(strategy.type)}</dd>
            <dt>symbol</dt>
            <dd className="mono">{strategy.symbol}</dd>
            <dt>version</dt>
            <dd>{strategy.version}</dd>
            <dt>owner</dt>
            <dd>{strategy.ownerId}</dd>
            <dt>created</dt>
            <dd>{formatTime(strategy.createdAt)}</dd>
            <dt>updated</dt>
            <dd>{formatTime(strategy.updatedAt)}</dd>
            <dt>id</dt>
            <dd className="mono small">{strategy.strategyId}</dd>
          </dl>
        </section>
        <ProblemMessage error={error} />
        <BacktestPanel strategy={strategy} />
        <OptimisationPanel strategy={strategy} specs={specs} onChanged={setStrategy} onStale={reload} />
        {history && history.events.length > 0 && (
          <Suspense fallback={<div className="panel chart-placeholder muted">loading chart…</div>}>
            <ParameterChart events={history.events} />
          </Suspense>
        )}
        <EventTimeline aggregateId={strategy.strategyId} refreshKey={strategy.version} onLoaded={setHistory} />
      </div>
      <aside className="side stack">
        {specs ? (
          <ParameterEditor strategy={strategy} specs={specs} onSaved={setStrategy} onStale={reload} />
        ) : (
          <ProblemMessage error={catalogue.error} />
        )}
        <StrategyActions strategy={strategy} onChanged={setStrategy} onStale={reload} />
      </aside>
    </div>
  );
}
