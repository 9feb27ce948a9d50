import { INTERVALS } from '../backtests';

/** The bars a run reads: their interval and the UTC dates they span (a backtest's and an optimisation's forms). */
export function RangeInputs(props: {
  interval: string;
  onInterval: (interval: string) => void;
  from: string;
  onFrom: (date: string) => void;
  to: string;
  onTo: (date: string) => void;
}) {
  return (
    <>
      <label>
        Interval
        <select value={props.interval} onChange={(e) => props.onInterval(e.target.value)}>
          {INTERVALS.map((i) => (
            <option key={i}>{i}</option>
          ))}
        </select>
      </label>
      <label>
        From (UTC)
        <input type="date" value={props.from} onChange={(e) => props.onFrom(e.target.value)} required />
      </label>
      <label>
        To (UTC)
        <input type="date" value={props.to} onChange={(e) => props.onTo(e.target.value)} required />
      </label>
    </>
  );
}

/** What a run starts with and pays: capital, fee and slippage in basis points. */
export function CostInputs(props: {
  capital: number;
  onCapital: (capital: number) => void;
  fee: number;
  onFee: (bps: number) => void;
  slippage: number;
  onSlippage: (bps: number) => void;
}) {
  return (
    <>
      <label>
        Capital
        <input type="number" min={1} step="any" value={props.capital} onChange={(e) => props.onCapital(Number(e.target.value))} />
      </label>
      <label>
        Fee (bps)
        <input type="number" min={0} max={1000} step="any" value={props.fee} onChange={(e) => props.onFee(Number(e.target.value))} />
      </label>
      <label>
        Slippage (bps)
        <input type="number" min={0} max={1000} step="any" value={props.slippage} onChange={(e) => props.onSlippage(Number(e.target.value))} />
      </label>
    </>
  );
}
