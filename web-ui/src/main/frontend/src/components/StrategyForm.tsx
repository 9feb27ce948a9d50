import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, pollStrategy, type Strategy } from '../api';
import { typeLabel } from '../format';
import { useStrategyTypes } from '../hooks';
import { defaultValues, ParameterInputs, parseValues, type ParameterValues } from './ParameterInputs';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  onCreated?: (strategy: Strategy) => void;
}

/** Defines a new strategy; the parameter inputs follow the type chosen, from the server's catalogue. */
export function StrategyForm({ onCreated }: Props) {
  const catalogue = useStrategyTypes();
  const types = catalogue.data ?? [];
  const [name, setName] = useState('');
  const [symbol, setSymbol] = useState('BTCUSDT');
  const [type, setType] = useState('');
  const [values, setValues] = useState<ParameterValues>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const spec = types.find((t) => t.type === type);

  useEffect(() => {
    if (!type && types.length > 0) chooseType(types[0].type);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [types]);

  function chooseType(next: string) {
    setType(next);
    setValues(defaultValues(types.find((t) => t.type === next)?.parameters ?? []));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const id = await api.createStrategy({ name: name.trim(), type, symbol: symbol.trim().toUpperCase(), parameters: parseValues(values) });
      const created = await pollStrategy(id, () => true);
      setName('');
      onCreated?.(created);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, detail: String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-label="New strategy" noValidate>
      <h2>New strategy</h2>
      <ProblemMessage error={catalogue.error} />
      <div className="field">
        <label htmlFor="strategy-name">Name</label>
        <input id="strategy-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="Golden cross" />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="strategy-type">Type</label>
          <select id="strategy-type" value={type} onChange={(e) => chooseType(e.target.value)} disabled={types.length === 0}>
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {typeLabel(t.type)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="strategy-symbol">Symbol</label>
          <input id="strategy-symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="BTCUSDT" />
        </div>
      </div>
      {spec && <ParameterInputs specs={spec.parameters} values={values} onChange={setValues} idPrefix="new-param" />}
      <ProblemMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !spec}>
          {busy ? 'Creating…' : 'Create'}
        </button>
      </div>
    </form>
  );
}
