import { lazy, Suspense, useEffect, useState } from 'react';
import { ApiError, type Strategy } from '../api';
import { authorizedFetch } from '../auth';
import {
  backtests,
  percent,
  ratio,
  type BacktestProgress,
  type BacktestRun,
  type BacktestTrade,
  type BacktestVerification,
} from '../backtests';
import { formatTime, shortId } from '../format';
import { useLoad } from '../hooks';
import { ProblemMessage } from './ProblemMessage';
import { CostInputs, RangeInputs } from './RunInputs';

// The charting library loads only when a run's curves are shown.
const BacktestChart = lazy(() => import('./BacktestChart'));

const day = (iso: string) => iso.slice(0, 10);
const asError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ status: 0, detail: String(e) }));

/** Backtests of one strategy: run one, follow it, read, chart, compare, verify and export the results. */
export function BacktestPanel({ strategy }: { strategy: Strategy }) {
  const runs = useLoad(() => backtests.runs(strategy.strategyId), [strategy.strategyId]);
  const [selected, setSelected] = useState<string>();
  const [compared, setCompared] = useState<string[]>([]);
  const [progress, setProgress] = useState<BacktestProgress>();

  const toggle = (id: string) =>
    setCompared((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-6)));

  return (
    <section className="panel stack" aria-label="Backtests">
      <div className="panel-head">
        <h2>Backtests</h2>
      </div>
      <BacktestForm
        strategy={strategy}
        onStarted={(id) => {
          setSelected(id);
          setProgress({ backtestId: id, stage: 'QUEUED', fraction: 0, message: 'requested' });
          backtests
            .follow(strategy.strategyId, id, setProgress)
            .catch(() => undefined)
            .finally(() => runs.reload());
        }}
      />
      {progress && progress.backtestId === selected && progress.stage !== 'COMPLETED' && (
        <div role="status" className="small">
          <progress max={1} value={progress.fraction} /> {progress.stage.toLowerCase().replace('_', ' ')}: {progress.message}
        </div>
      )}
      <ProblemMessage error={runs.error} />
      {runs.data && runs.data.length === 0 && <p className="muted">No backtests yet.</p>}
      {runs.data && runs.data.length > 0 && (
        <RunTable runs={runs.data} selected={selected} compared={compared} onSelect={setSelected} onToggle={toggle} />
      )}
      {compared.length >= 2 && runs.data && (
        <Comparison runs={compared.map((id) => runs.data!.find((r) => r.backtestId === id)).filter((r): r is BacktestRun => !!r)} />
      )}
      {selected && <RunDetails key={selected} backtestId={selected} refreshKey={runs.data?.length ?? 0} />}
    </section>
  );
}

function BacktestForm({ strategy, onStarted }: { strategy: Strategy; onStarted: (id: string) => void }) {
  const [interval, setInterval] = useState('1h');
  const [from, setFrom] = useState('2025-06-01');
  const [to, setTo] = useState('2025-08-01');
  const [capital, setCapital] = useState(10000);
  const [fee, setFee] = useState(10);
  const [slippage, setSlippage] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const id = await backtests.request(strategy.strategyId, {
        interval,
        from: `${from}T00:00:00Z`,
        to: `${to}T00:00:00Z`,
        initialCapital: capital,
        feeBps: fee,
        slippageBps: slippage,
      });
      onStarted(id);
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label="New backtest">
      <RangeInputs interval={interval} onInterval={setInterval} from={from} onFrom={setFrom} to={to} onTo={setTo} />
      <CostInputs capital={capital} onCapital={setCapital} fee={fee} onFee={setFee} slippage={slippage} onSlippage={setSlippage} />
      <button type="submit" disabled={busy || strategy.archived}>
        Run backtest
      </button>
      <ProblemMessage error={error} />
    </form>
  );
}

function RunTable(props: {
  runs: BacktestRun[];
  selected?: string;
  compared: string[];
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
}) {
  return (
    <table className="grid" aria-label="Backtest runs">
      <thead>
        <tr>
          <th title="compare">⇄</th>
          <th>run</th>
          <th>requested</th>
          <th>interval</th>
          <th>range</th>
          <th>status</th>
          <th className="num">return</th>
          <th className="num">Sharpe</th>
          <th className="num">max DD</th>
          <th className="num">trades</th>
        </tr>
      </thead>
      <tbody>
        {props.runs.map((r) => (
          <tr key={r.backtestId} className={r.backtestId === props.selected ? 'selected' : undefined}>
            <td>
              <input
                type="checkbox"
                aria-label={`compare ${shortId(r.backtestId)}`}
                checked={props.compared.includes(r.backtestId)}
                onChange={() => props.onToggle(r.backtestId)}
              />
            </td>
            <td>
              <button type="button" className="link mono" onClick={() => props.onSelect(r.backtestId)}>
                {shortId(r.backtestId)}
              </button>
            </td>
            <td>{formatTime(r.requestedAt)}</td>
            <td>{r.interval}</td>
            <td>
              {day(r.from)} → {day(r.to)}
            </td>
            <td title={r.failureReason ?? undefined}>
              <span className={`tag ${r.status === 'FAILED' ? 'warn' : ''}`}>{r.status.toLowerCase()}</span>
            </td>
            <td className="num">{percent(r.summary?.totalReturn)}</td>
            <td className="num">{ratio(r.summary?.sharpe)}</td>
            <td className="num">{percent(r.summary?.maxDrawdown)}</td>
            <td className="num">{r.summary?.trades ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const METRICS: [string, (r: BacktestRun) => string][] = [
  ['interval', (r) => r.interval],
  ['range', (r) => `${day(r.from)} → ${day(r.to)}`],
  ['parameters', (r) => Object.entries(r.parameters).map(([k, v]) => `${k}=${v}`).join(' ')],
  ['total return', (r) => percent(r.summary?.totalReturn)],
  ['buy and hold', (r) => percent(r.summary?.buyAndHoldReturn)],
  ['CAGR', (r) => percent(r.summary?.cagr)],
  ['Sharpe', (r) => ratio(r.summary?.sharpe)],
  ['Sortino', (r) => ratio(r.summary?.sortino)],
  ['Calmar', (r) => ratio(r.summary?.calmar)],
  ['max drawdown', (r) => percent(r.summary?.maxDrawdown)],
  ['win rate', (r) => percent(r.summary?.winRate)],
  ['profit factor', (r) => ratio(r.summary?.profitFactor)],
  ['exposure', (r) => percent(r.summary?.exposure)],
  ['trades', (r) => String(r.summary?.trades ?? '—')],
];

function Comparison({ runs }: { runs: BacktestRun[] }) {
  return (
    <table className="grid" aria-label="Comparison">
      <thead>
        <tr>
          <th />
          {runs.map((r) => (
            <th key={r.backtestId} className="num mono">
              {shortId(r.backtestId)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {METRICS.map(([name, value]) => (
          <tr key={name}>
            <th>{name}</th>
            {runs.map((r) => (
              <td key={r.backtestId} className="num">
                {value(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RunDetails({ backtestId, refreshKey }: { backtestId: string; refreshKey: number }) {
  const details = useLoad(() => backtests.run(backtestId), [backtestId, refreshKey]);
  const [verification, setVerification] = useState<BacktestVerification>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => setVerification(undefined), [backtestId]);

  if (!details.data) return <ProblemMessage error={details.error} />;
  const { run, trades } = details.data;
  const verify = () => backtests.verify(backtestId).then(setVerification, (e) => setError(asError(e)));
  const download = async () => {
    const response = await authorizedFetch(backtests.csvUrl(backtestId));
    const url = URL.createObjectURL(await response.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: `backtest-${backtestId}-trades.csv` });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="stack" aria-label="Backtest run">
      <div className="panel-head">
        <h2 className="mono">{shortId(run.backtestId)}</h2>
        {run.status === 'COMPLETED' && (
          <>
            <button type="button" onClick={verify}>
              Verify
            </button>
            <button type="button" onClick={download}>
              Trades CSV
            </button>
          </>
        )}
      </div>
      {run.status === 'FAILED' && <div className="problem" role="alert">failed: {run.failureReason}</div>}
      <ProblemMessage error={error} />
      {verification && (
        <div className={verification.reproduced ? 'notice' : 'problem'} role="status">
          {verification.reproduced
            ? 'Reproduced: every digest matches the recorded run.'
            : `Not reproduced: ${verification.differences.join(', ')} differ.`}
        </div>
      )}
      {run.summary && (
        <dl className="facts">
          <dt>return</dt>
          <dd>{percent(run.summary.totalReturn)}</dd>
          <dt>buy and hold</dt>
          <dd>{percent(run.summary.buyAndHoldReturn)}</dd>
          <dt>Sharpe</dt>
          <dd>{ratio(run.summary.sharpe)}</dd>
          <dt>max drawdown</dt>
          <dd>{percent(run.summary.maxDrawdown)}</dd>
          <dt>trades</dt>
          <dd>{run.summary.trades}</dd>
          <dt>win rate</dt>
          <dd>{percent(run.summary.winRate)}</dd>
          <dt>bars</dt>
          <dd>
            {run.summary.bars} (+{run.summary.warmupBars} warm-up, {run.summary.gaps} gaps)
          </dd>
          <dt>final equity</dt>
          <dd>{run.summary.finalEquity?.toFixed(2)}</dd>
          <dt>input digest</dt>
          <dd className="mono small">{run.digests?.input.slice(0, 16)}…</dd>
          <dt>output digest</dt>
          <dd className="mono small">{run.digests?.output.slice(0, 16)}…</dd>
        </dl>
      )}
      {run.status === 'COMPLETED' && (
        <Suspense fallback={<div className="chart-placeholder muted">loading chart…</div>}>
          <BacktestChart backtestId={backtestId} />
        </Suspense>
      )}
      {trades.length > 0 && <TradeTable trades={trades} />}
    </div>
  );
}

function TradeTable({ trades }: { trades: BacktestTrade[] }) {
  const shown = trades.slice(0, 200);
  return (
    <table className="grid" aria-label="Trades">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>side</th>
          <th>entry</th>
          <th className="num">price</th>
          <th>exit</th>
          <th className="num">price</th>
          <th className="num">pnl</th>
          <th className="num">return</th>
          <th>reason</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((t) => (
          <tr key={t.number}>
            <td className="num">{t.number}</td>
            <td>{t.side.toLowerCase()}</td>
            <td>{formatTime(t.entryTime)}</td>
            <td className="num">{t.entryPrice.toFixed(2)}</td>
            <td>{formatTime(t.exitTime)}</td>
            <td className="num">{t.exitPrice.toFixed(2)}</td>
            <td className="num">{t.pnl.toFixed(2)}</td>
            <td className="num">{percent(t.returnFraction)}</td>
            <td>{t.exitReason.toLowerCase().replace('_', ' ')}</td>
          </tr>
        ))}
      </tbody>
      {trades.length > shown.length && (
        <caption className="muted small">first {shown.length} of {trades.length} trades; the CSV has them all</caption>
      )}
    </table>
  );
}
