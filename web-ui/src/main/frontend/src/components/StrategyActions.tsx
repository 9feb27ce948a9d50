import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, pollStrategy, type Strategy } from '../api';
import { Notice, ProblemMessage } from './ProblemMessage';
import { staleNotice } from './ParameterEditor';

interface Props {
  strategy: Strategy;
  onChanged: (strategy: Strategy) => void;
  onStale: () => void;
}

/** Rename and archive, both guarded by the version like the parameters. */
export function StrategyActions({ strategy, onChanged, onStale }: Props) {
  const [name, setName] = useState(strategy.name);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => setName(strategy.name), [strategy.version, strategy.name]);

  async function run(change: (version: number) => Promise<void>, done: string) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const base = strategy.version;
    try {
      await change(base);
      onChanged(await pollStrategy(strategy.strategyId, (s) => s.version > base));
      setNotice(done);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError({ status: 0, detail: String(err) });
      if (apiError.conflict) {
        setNotice(staleNotice(apiError));
        onStale();
      } else {
        setError(apiError);
      }
    } finally {
      setBusy(false);
    }
  }

  function rename(e: FormEvent) {
    e.preventDefault();
    run((v) => api.rename(strategy.strategyId, name.trim(), v), 'Renamed.');
  }

  function archive() {
    if (!window.confirm(`Archive "${strategy.name}"? It can no longer be changed; its history stays.`)) return;
    run((v) => api.archive(strategy.strategyId, reason.trim() || undefined, v), 'Archived; its history stays.');
  }

  const disabled = busy || strategy.archived;
  return (
    <section className="panel form" aria-label="Actions">
      <h2>Manage</h2>
      <form className="row" onSubmit={rename} noValidate>
        <div className="field grow">
          <label htmlFor="rename">Name</label>
          <input id="rename" value={name} maxLength={100} disabled={disabled} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" disabled={disabled || name.trim() === strategy.name}>
          Rename
        </button>
      </form>
      <div className="row">
        <div className="field grow">
          <label htmlFor="archive-reason">Archive reason</label>
          <input id="archive-reason" value={reason} disabled={disabled} placeholder="optional" onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="button" className="danger" disabled={disabled} onClick={archive}>
          Archive
        </button>
      </div>
      <ProblemMessage error={error} />
      <Notice>{notice}</Notice>
    </section>
  );
}
