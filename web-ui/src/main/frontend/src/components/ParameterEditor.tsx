import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, pollStrategy, type ParameterSpec, type Strategy } from '../api';
import { ParameterInputs, parseValues, valuesOf, type ParameterValues } from './ParameterInputs';
import { Notice, ProblemMessage } from './ProblemMessage';

interface Props {
  strategy: Strategy;
  specs: ParameterSpec[];
  onSaved: (strategy: Strategy) => void;
  /** Someone else changed the strategy first: read it again. */
  onStale: () => void;
}

export const STALE_MESSAGE = 'Changed meanwhile, reloaded: these are the current values; apply your change again.';

export function staleNotice(error: ApiError): string {
  return error.reason ? `${STALE_MESSAGE} (${error.reason})` : STALE_MESSAGE;
}

/**
 * Edits the parameters with optimistic concurrency: the change carries the version it was based on (If-Match), and a
 * 409 means another change came first, so the form reloads instead of overwriting it.
 */
export function ParameterEditor({ strategy, specs, onSaved, onStale }: Props) {
  const [values, setValues] = useState<ParameterValues>(() => valuesOf(strategy.parameters, specs));
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  // A newer version (saved here, or reloaded after a conflict) replaces what is in the inputs.
  useEffect(() => {
    setValues(valuesOf(strategy.parameters, specs));
  }, [strategy.version, strategy.parameters, specs]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const base = strategy.version;
    try {
      await api.changeParameters(strategy.strategyId, parseValues(values), base);
      const saved = await pollStrategy(strategy.strategyId, (s) => s.version > base);
      onSaved(saved);
      setNotice(`Saved as version ${saved.version}.`);
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

  const disabled = busy || strategy.archived;
  return (
    <form className="panel form" onSubmit={save} aria-label="Parameters" noValidate>
      <div className="panel-head">
        <h2>Parameters</h2>
        <span className="tag" title="The version this form is based on; sent as If-Match">
          v{strategy.version}
        </span>
      </div>
      <ParameterInputs specs={specs} values={values} onChange={setValues} disabled={disabled} idPrefix="edit-param" />
      <ProblemMessage error={error} />
      <Notice>{notice}</Notice>
      {specs.length > 0 && (
        <div className="actions">
          <button type="button" disabled={disabled} onClick={() => setValues(valuesOf(strategy.parameters, specs))}>
            Reset
          </button>
          <button type="submit" className="primary" disabled={disabled}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </form>
  );
}
