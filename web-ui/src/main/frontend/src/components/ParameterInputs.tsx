import type { ParameterSpec, Parameters } from '../api';

/** Parameter values as typed, so a half-typed number is not lost. */
export type ParameterValues = Record<string, string>;

export function defaultValues(specs: ParameterSpec[]): ParameterValues {
  return Object.fromEntries(specs.map((s) => [s.name, String(s.defaultValue)]));
}

export function valuesOf(parameters: Parameters, specs: ParameterSpec[]): ParameterValues {
  const values = defaultValues(specs);
  for (const [k, v] of Object.entries(parameters)) values[k] = String(v);
  return values;
}

/** The typed values as numbers; blank ones are left out so the server applies the type's default. */
export function parseValues(values: ParameterValues): Parameters {
  const parameters: Parameters = {};
  for (const [k, v] of Object.entries(values)) {
    if (v.trim() !== '') parameters[k] = Number(v);
  }
  return parameters;
}

/** A hint for a value outside its spec; the server has the final word (and the cross-parameter rules). */
export function outOfRange(spec: ParameterSpec, value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  if (Number.isNaN(n)) return 'not a number';
  if (spec.integer && !Number.isInteger(n)) return 'whole number';
  if (n < spec.min || n > spec.max) return `${spec.min}–${spec.max}`;
  return undefined;
}

interface Props {
  specs: ParameterSpec[];
  values: ParameterValues;
  onChange: (values: ParameterValues) => void;
  disabled?: boolean;
  idPrefix?: string;
}

/** One number input per parameter of the chosen type, bounded and stepped by its spec. */
export function ParameterInputs({ specs, values, onChange, disabled, idPrefix = 'param' }: Props) {
  if (specs.length === 0) {
    return <p className="muted small">This type takes no parameters.</p>;
  }
  return (
    <div className="param-grid">
      {specs.map((spec) => {
        const id = `${idPrefix}-${spec.name}`;
        const value = values[spec.name] ?? '';
        const warning = outOfRange(spec, value);
        return (
          <div className="field" key={spec.name}>
            <label htmlFor={id}>{spec.name}</label>
            <input
              id={id}
              name={spec.name}
              type="number"
              inputMode={spec.integer ? 'numeric' : 'decimal'}
              min={spec.min}
              max={spec.max}
              step={spec.integer ? 1 : 'any'}
              placeholder={String(spec.defaultValue)}
              value={value}
              disabled={disabled}
              aria-invalid={warning ? true : undefined}
              onChange={(e) => onChange({ ...values, [spec.name]: e.target.value })}
            />
            <span className={warning ? 'hint warn' : 'hint'}>
              {spec.min}–{spec.max}
              {spec.integer ? ', whole' : ''} · default {spec.defaultValue}
            </span>
          </div>
        );
      })}
    </div>
  );
}
