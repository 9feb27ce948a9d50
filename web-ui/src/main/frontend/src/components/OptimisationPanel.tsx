import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, pollStrategy, type ParameterSpec, type Parameters, type Strategy } from '../api';
import { percent, ratio, type BacktestProgress } from '../backtests';
import {
  gridSize,
  isPremiumRequired,
  MAX_SAMPLES,
  newOptimisationId,
  OBJECTIVES,
  optimisations,
  SEARCHES,
  type NewOptimisation,
  type Objective,
  type OptimisationCandidate,
  type OptimisationResult,
  type ParameterSweep,
  type Search,
  type WalkForwardResult,
} from '../optimisations';
import { staleNotice } from './ParameterEditor';
import { Notice, ProblemMessage } from './ProblemMessage';
import { CostInputs, RangeInputs } from './RunInputs';

const asError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ status: 0, detail: String(e) }));

/** One parameter's sweep as typed, so a half-typed number is not lost. */
export interface SweepRow {
  name: string;
  included: boolean;
  from: string;
  to: string;
  step: string;
}

const round = (n: number) => Number(n.toPrecision(6));

/**
 * A sweep around each current value: from half to one and a half times it, in about five steps (whole steps for
 * whole parameters), kept inside the type's bounds when they are known.
 */
export function defaultSweeps(parameters: Parameters, specs?: ParameterSpec[]): SweepRow[] {
  return Object.entries(parameters).map(([name, value]) => {
    const spec = specs?.find((s) => s.name === name);
    const whole = spec ? spec.integer : Number.isInteger(value);
    const clamp = (n: number) => (spec ? Math.min(spec.max, Math.max(spec.min, n)) : n);
    let from = clamp(value * 0.5);
    let to = clamp(value * 1.5);
    if (whole) {
      from = Math.ceil(from);
      to = Math.floor(to);
    }
    if (to <= from) to = from + (whole ? 1 : Math.abs(from) || 1);
    const step = whole ? Math.max(1, Math.round((to - from) / 5)) : round((to - from) / 5);
    return { name, included: true, from: String(round(from)), to: String(round(to)), step: String(step) };
  });
}

/** What is wrong with the included sweeps, by parameter; empty when they can be sent. */
export function sweepProblems(rows: SweepRow[]): string[] {
  const included = rows.filter((r) => r.included);
  if (included.length === 0) return ['Choose at least one parameter to sweep.'];
  const problems: string[] = [];
  for (const r of included) {
    const [from, to, step] = [r.from, r.to, r.step].map((v) => (v.trim() === '' ? NaN : Number(v)));
    if ([from, to, step].some((n) => !Number.isFinite(n))) problems.push(`${r.name}: from, to and step must be numbers.`);
    else if (step <= 0) problems.push(`${r.name}: the step must be greater than 0.`);
    else if (from > to) problems.push(`${r.name}: from must not be greater than to.`);
  }
  return problems;
}

function sweepsOf(rows: SweepRow[]): Record<string, ParameterSweep> {
  return Object.fromEntries(
    rows.filter((r) => r.included).map((r) => [r.name, { from: Number(r.from), to: Number(r.to), step: Number(r.step) }]),
  );
}

const PERCENT_OBJECTIVES = ['TOTAL_RETURN', 'CAGR', 'EXCESS_RETURN', 'MAX_DRAWDOWN'];
const score = (objective: string, value: number | null) => (PERCENT_OBJECTIVES.includes(objective) ? percent(value) : ratio(value));
const formatParameters = (p: Record<string, number>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
const objectiveLabel = (o: string) => o.toLowerCase().replace(/_/g, ' ');

interface Props {
  strategy: Strategy;
  /** The type's parameter specs, when known: they bound the default sweeps. */
  specs?: ParameterSpec[];
  /** The strategy after "Use these parameters" changed it. */
  onChanged: (strategy: Strategy) => void;
  /** Someone else changed the strategy first: read it again. */
  onStale: () => void;
}

/** Parameter optimisation of one strategy (premium): sweep, search, follow, read the best, adopt one. */
export function OptimisationPanel({ strategy, specs, onChanged, onStale }: Props) {
  const [progress, setProgress] = useState<BacktestProgress>();
  const [result, setResult] = useState<OptimisationResult>();
  const [error, setError] = useState<ApiError>();
  const [running, setRunning] = useState(false);
  const following = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => following.current?.abort(), []);

  const start = async (search: Omit<NewOptimisation, 'optimisationId'>) => {
    const optimisationId = newOptimisationId();
    following.current?.abort();
    const follow = new AbortController();
    following.current = follow;
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    setProgress({ backtestId: optimisationId, stage: 'QUEUED', fraction: 0, message: 'requested' });
    // The search answers only when done: follow its progress meanwhile under the id chosen here.
    optimisations
      .follow(strategy.strategyId, optimisationId, (p) => {
        if (!follow.signal.aborted) setProgress(p);
      }, follow.signal)
      .catch(() => undefined);
    try {
      setResult(await optimisations.run(strategy.strategyId, { optimisationId, ...search }));
    } catch (err) {
      setError(asError(err));
    } finally {
      // A refused search reports no end of its own: stop listening either way.
      follow.abort();
      setProgress(undefined);
      setRunning(false);
    }
  };

  return (
    <section className="panel stack" aria-label="Optimisation">
      <div className="panel-head">
        <h2>Optimisation</h2>
        <span className="tag" title="Parameter optimisation is a premium feature">
          premium
        </span>
      </div>
      <OptimisationForm key={strategy.strategyId} strategy={strategy} specs={specs} busy={running} onSubmit={start} />
      {progress && (
        <div role="status" aria-label="Optimisation progress" className="small">
          <progress max={1} value={progress.fraction} /> {progress.stage.toLowerCase().replace('_', ' ')}: {progress.message}
        </div>
      )}
      {error && isPremiumRequired(error) ? (
        <div className="problem" role="alert">
          <strong>Optimisation is a premium feature: </strong>
          <span>{error.detail}</span> <Link to="/premium">Get premium</Link>
        </div>
      ) : (
        <ProblemMessage error={error} />
      )}
      {result && <Results strategy={strategy} result={result} onChanged={onChanged} onStale={onStale} />}
    </section>
  );
}

function OptimisationForm(props: {
  strategy: Strategy;
  specs?: ParameterSpec[];
  busy: boolean;
  onSubmit: (search: Omit<NewOptimisation, 'optimisationId'>) => void;
}) {
  const { strategy, specs, busy } = props;
  const [rows, setRows] = useState<SweepRow[]>(() => defaultSweeps(strategy.parameters, specs));
  const [interval, setInterval] = useState('1h');
  const [from, setFrom] = useState('2025-06-01');
  const [to, setTo] = useState('2025-08-01');
  const [objective, setObjective] = useState<Objective>('SHARPE');
  const [search, setSearch] = useState<Search>('GRID');
  const [samples, setSamples] = useState('100');
  const [seed, setSeed] = useState('1');
  const [walkForward, setWalkForward] = useState(false);
  const [trainBars, setTrainBars] = useState('500');
  const [testBars, setTestBars] = useState('100');
  const [capital, setCapital] = useState(10000);
  const [fee, setFee] = useState(10);
  const [slippage, setSlippage] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);

  // Until the user has touched a sweep, follow the strategy's current values (and the specs once they arrive).
  const touched = useRef(false);
  useEffect(() => {
    if (!touched.current) setRows(defaultSweeps(strategy.parameters, specs));
  }, [strategy.parameters, specs]);

  const change = (name: string, patch: Partial<SweepRow>) => {
    touched.current = true;
    setRows((rs) => rs.map((r) => (r.name === name ? { ...r, ...patch } : r)));
  };

  const validate = (): string[] => {
    const found = sweepProblems(rows);
    if (!from || !to || from >= to) found.push('The date range is empty: From must be before To.');
    if (search === 'RANDOM') {
      const n = Number(samples);
      if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLES) found.push(`Samples must be a whole number from 1 to ${MAX_SAMPLES}.`);
      if (seed.trim() !== '' && !Number.isInteger(Number(seed))) found.push('The seed must be a whole number.');
    }
    if (walkForward) {
      for (const [label, value] of [['Train bars', trainBars], ['Test bars', testBars]]) {
        const n = Number(value);
        if (value.trim() === '' || !Number.isInteger(n) || n < 1) found.push(`${label} must be a whole number of at least 1.`);
      }
    }
    return found;
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = validate();
    setProblems(found);
    if (found.length > 0) return;
    props.onSubmit({
      interval,
      from: `${from}T00:00:00Z`,
      to: `${to}T00:00:00Z`,
      sweeps: sweepsOf(rows),
      objective,
      search,
      ...(search === 'RANDOM' ? { samples: Number(samples), ...(seed.trim() !== '' ? { seed: Number(seed) } : {}) } : {}),
      ...(walkForward ? { walkForward: { trainBars: Number(trainBars), testBars: Number(testBars) } } : {}),
      initialCapital: capital,
      feeBps: fee,
      slippageBps: slippage,
    });
  };

  const valid = sweepProblems(rows).length === 0;
  const points = valid ? gridSize(sweepsOf(rows)) : undefined;

  return (
    <form className="stack" onSubmit={submit} aria-label="New optimisation" noValidate>
      {rows.length === 0 ? (
        <p className="muted small">This strategy has no parameters to optimise.</p>
      ) : (
        <table className="grid" aria-label="Parameter sweeps">
          <thead>
            <tr>
              <th>sweep</th>
              <th>parameter</th>
              <th className="num">current</th>
              <th>from</th>
              <th>to</th>
              <th>step</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`sweep ${r.name}`}
                    checked={r.included}
                    disabled={busy}
                    onChange={(e) => change(r.name, { included: e.target.checked })}
                  />
                </td>
                <td className="mono">{r.name}</td>
                <td className="num">{strategy.parameters[r.name]}</td>
                {(['from', 'to', 'step'] as const).map((field) => (
                  <td key={field}>
                    <input
                      type="number"
                      step="any"
                      className="sweep-input"
                      aria-label={`${r.name} ${field}`}
                      value={r[field]}
                      disabled={busy || !r.included}
                      onChange={(e) => change(r.name, { [field]: e.target.value })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="inline-form">
        <RangeInputs interval={interval} onInterval={setInterval} from={from} onFrom={setFrom} to={to} onTo={setTo} />
        <label>
          Objective
          <select value={objective} onChange={(e) => setObjective(e.target.value as Objective)}>
            {OBJECTIVES.map((o) => (
              <option key={o} value={o}>
                {objectiveLabel(o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search
          <select value={search} onChange={(e) => setSearch(e.target.value as Search)}>
            {SEARCHES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        {search === 'RANDOM' && (
          <>
            <label>
              Samples
              <input type="number" min={1} max={MAX_SAMPLES} step={1} value={samples} onChange={(e) => setSamples(e.target.value)} />
            </label>
            <label>
              Seed
              <input type="number" step={1} value={seed} onChange={(e) => setSeed(e.target.value)} />
            </label>
          </>
        )}
      </div>
      <div className="inline-form">
        <label className="check">
          <input type="checkbox" checked={walkForward} onChange={(e) => setWalkForward(e.target.checked)} />
          Walk forward
        </label>
        {walkForward && (
          <>
            <label>
              Train bars
              <input type="number" min={1} step={1} value={trainBars} onChange={(e) => setTrainBars(e.target.value)} />
            </label>
            <label>
              Test bars
              <input type="number" min={1} step={1} value={testBars} onChange={(e) => setTestBars(e.target.value)} />
            </label>
          </>
        )}
        <CostInputs capital={capital} onCapital={setCapital} fee={fee} onFee={setFee} slippage={slippage} onSlippage={setSlippage} />
        <button type="submit" className="primary" disabled={busy || strategy.archived || rows.length === 0}>
          {busy ? 'Optimising…' : 'Optimise'}
        </button>
        {points !== undefined && (
          <span className="muted small">
            {search === 'GRID' ? `${points} parameter sets` : `${Math.min(points, Number(samples) || 0)} of ${points} parameter sets`}
          </span>
        )}
      </div>
      {problems.length > 0 && (
        <div className="problem" role="alert" aria-label="Invalid optimisation">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
    </form>
  );
}

function Results(props: {
  strategy: Strategy;
  result: OptimisationResult;
  onChanged: (strategy: Strategy) => void;
  onStale: () => void;
}) {
  const { strategy, result } = props;
  const [adopting, setAdopting] = useState<number>();
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();

  // The strategy's other parameters keep their values; the candidate's replace the swept ones.
  const adopt = async (index: number, candidate: OptimisationCandidate) => {
    setAdopting(index);
    setError(undefined);
    setNotice(undefined);
    const base = strategy.version;
    try {
      await api.changeParameters(strategy.strategyId, { ...strategy.parameters, ...candidate.parameters }, base);
      const saved = await pollStrategy(strategy.strategyId, (s) => s.version > base);
      props.onChanged(saved);
      setNotice(`Parameters set to ${formatParameters(candidate.parameters)}; saved as version ${saved.version}.`);
    } catch (err) {
      const apiError = asError(err);
      if (apiError.conflict) {
        setNotice(staleNotice(apiError));
        props.onStale();
      } else {
        setError(apiError);
      }
    } finally {
      setAdopting(undefined);
    }
  };

  return (
    <div className="stack" aria-label="Optimisation result">
      <p className="small">
        {result.evaluated} parameter sets run{result.skipped > 0 ? `, ${result.skipped} skipped` : ''} over {result.bars} bars, best by{' '}
        {objectiveLabel(result.objective)} first.
      </p>
      <ProblemMessage error={error} />
      <Notice>{notice}</Notice>
      {result.top.length === 0 ? (
        <p className="muted">No parameter set could be run.</p>
      ) : (
        <table className="grid" aria-label="Top candidates">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>parameters</th>
              <th className="num">score</th>
              <th className="num">return</th>
              <th className="num">Sharpe</th>
              <th className="num">max DD</th>
              <th className="num">trades</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {result.top.map((c, i) => (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td className="mono">{formatParameters(c.parameters)}</td>
                <td className="num">{score(result.objective, c.score)}</td>
                <td className="num">{percent(c.totalReturn)}</td>
                <td className="num">{ratio(c.sharpe)}</td>
                <td className="num">{percent(c.maxDrawdown)}</td>
                <td className="num">{c.trades}</td>
                <td>
                  <button
                    type="button"
                    disabled={adopting !== undefined || strategy.archived}
                    onClick={() => adopt(i, c)}
                  >
                    Use these parameters
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.walkForward && <WalkForwardSummary objective={result.objective} walkForward={result.walkForward} />}
    </div>
  );
}

function WalkForwardSummary({ objective, walkForward }: { objective: string; walkForward: WalkForwardResult }) {
  return (
    <div className="stack" aria-label="Walk-forward">
      <h3>Walk forward (out of sample)</h3>
      <dl className="facts">
        <dt>return</dt>
        <dd>{percent(walkForward.totalReturn)}</dd>
        <dt>Sharpe</dt>
        <dd>{ratio(walkForward.sharpe)}</dd>
        <dt>max drawdown</dt>
        <dd>{percent(walkForward.maxDrawdown)}</dd>
        <dt>trades</dt>
        <dd>{walkForward.trades}</dd>
        <dt>windows</dt>
        <dd>{walkForward.windows.length}</dd>
      </dl>
      {walkForward.windows.length > 0 && (
        <table className="grid" aria-label="Walk-forward windows">
          <thead>
            <tr>
              <th className="num">train from</th>
              <th className="num">test bars</th>
              <th>chosen</th>
              <th className="num">in-sample score</th>
              <th className="num">OOS return</th>
              <th className="num">OOS Sharpe</th>
            </tr>
          </thead>
          <tbody>
            {walkForward.windows.map((w) => (
              <tr key={w.testFrom}>
                <td className="num">{w.trainFrom}</td>
                <td className="num">
                  {w.testFrom}–{w.testTo}
                </td>
                <td className="mono">{formatParameters(w.chosen)}</td>
                <td className="num">{score(objective, w.inSampleScore)}</td>
                <td className="num">{percent(w.outOfSampleReturn)}</td>
                <td className="num">{ratio(w.outOfSampleSharpe)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
