import { useEffect, useRef, useState } from 'react';
import {
  CandlestickSeries,
  ColorType,
  createChart,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import {
  api,
  CANDLE_INTERVALS,
  type Candle,
  type CandleInterval,
  type LiveCandle,
  type MarketSummary,
  type PriceAlert,
} from '../api';
import { ProblemMessage } from '../components/ProblemMessage';
import { useLoad } from '../hooks';
import { json, liveClient } from '../live';

const SYMBOLS = ['BTCUSDT', 'ETHUSDT'];

const bar = (c: Candle) => ({
  time: (c.openTime / 1000) as UTCTimestamp,
  open: Number(c.open),
  high: Number(c.high),
  low: Number(c.low),
  close: Number(c.close),
});

/** Start of the bar of `interval` that holds `ms` (weeks start on Monday, as the API's do). */
export function barStart(ms: number, interval: CandleInterval): number {
  const minutes: Record<CandleInterval, number> = { '1m': 1, '5m': 5, '15m': 15, '1h': 60, '4h': 240, '1d': 1440, '1w': 10080 };
  const step = minutes[interval] * 60_000;
  const offset = interval === '1w' ? 4 * 86_400_000 : 0;
  return Math.floor((ms - offset) / step) * step + offset;
}

/** Candle chart of a symbol (lightweight-charts), its 24-hour figures, and live candles and alerts over STOMP. */
export function MarketsPage() {
  const [symbol, setSymbol] = useState(SYMBOLS[0]);
  const [interval, setInterval] = useState<CandleInterval>('1h');
  const [connected, setConnected] = useState(false);
  const [alerts, setAlerts] = useState<PriceAlert[]>([]);
  const [live, setLive] = useState<LiveCandle>();
  const page = useLoad(() => api.candles(symbol, interval, 500), [symbol, interval]);
  const summary = useLoad(() => api.marketSummary(symbol), [symbol]);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | undefined>(undefined);
  const series = useRef<ISeriesApi<"Candlestick"> | undefined>(undefined);
  const current = useRef<Candle | undefined>(undefined);

  useEffect(() => {
    if (!container.current) return;
    const c = createChart(container.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#8b949e', fontSize: 11 },
      grid: { vertLines: { color: '#1f2630' }, horzLines: { color: '#1f2630' } },
      rightPriceScale: { borderColor: '#2a313c' },
      timeScale: { borderColor: '#2a313c', timeVisible: true },
    });
    chart.current = c;
    series.current = c.addSeries(CandlestickSeries, {
      upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350',
    });
    return () => {
      c.remove();
      chart.current = undefined;
      series.current = undefined;
    };
  }, []);

  useEffect(() => {
    const candles = page.data?.candles ?? [];
    series.current?.setData(candles.map(bar));
    current.current = candles.length ? { ...candles[candles.length - 1] } : undefined;
    chart.current?.timeScale().fitContent();
  }, [page.data]);

  useEffect(() => {
    const client = liveClient((c) => {
      c.subscribe(`/topic/candles.${symbol}`, (m) => {
        const candle = json<LiveCandle>(m);
        setLive(candle);
        // fold the minute into the bar of the chosen interval that holds it
        const start = barStart(candle.openTime, interval);
        const last = current.current;
        const merged: Candle =
          last && last.openTime === start
            ? { ...last, high: Math.max(Number(last.high), Number(candle.high)), low: Math.min(Number(last.low), Number(candle.low)), close: candle.close }
            : { openTime: start, open: candle.open, high: candle.high, low: candle.low, close: candle.close, volume: candle.volume };
        if (last && start < last.openTime) return; // older than the chart's last bar
        current.current = merged;
        series.current?.update(bar(merged));
      });
      c.subscribe(`/topic/alerts.${symbol}`, (m) => setAlerts((a) => [json<PriceAlert>(m), ...a].slice(0, 20)));
    }, setConnected);
    return () => {
      void client.deactivate();
    };
  }, [symbol, interval]);

  return (
    <section className="panel" aria-label="Markets">
      <div className="panel-head">
        <h2>Markets</h2>
        <span className="toolbar">
          <select aria-label="Symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)}>
            {SYMBOLS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <select aria-label="Interval" value={interval} onChange={(e) => setInterval(e.target.value as CandleInterval)}>
            {CANDLE_INTERVALS.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </select>
          <span className="muted">{connected ? '● live' : '○ connecting'}</span>
        </span>
      </div>
      {summary.data && <Summary summary={summary.data} />}
      {page.error && <ProblemMessage error={page.error} />}
      <div ref={container} className="chart market-chart" aria-label={`${symbol} ${interval} candles`} />
      {live && (
        <p className="muted">
          Last update {new Date(live.openTime).toISOString().slice(0, 16).replace('T', ' ')} UTC: {String(live.close)}
          {live.closed ? '' : ' (in progress)'}
        </p>
      )}
      <h3>Alerts</h3>
      {alerts.length === 0 ? (
        <p className="muted">No price alerts since this page opened.</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={`${a.symbol}-${a.time}`}>
              {new Date(a.time).toISOString().slice(0, 16).replace('T', ' ')} UTC: {a.symbol} {Number(a.changePercent) > 0 ? '+' : ''}
              {String(a.changePercent)} % to {String(a.price)} within {a.windowMinutes} min
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Summary({ summary }: { summary: MarketSummary }) {
  const up = Number(summary.change) >= 0;
  return (
    <p aria-label="24-hour statistics">
      <strong>{String(summary.price)}</strong>{' '}
      <span style={{ color: up ? '#26a69a' : '#ef5350' }}>
        {up ? '+' : ''}
        {String(summary.changePercent)} %
      </span>{' '}
      <span className="muted">
        24 h: high {String(summary.high)} · low {String(summary.low)} · average {String(summary.average)} · volume{' '}
        {String(summary.volume)}
      </span>
    </p>
  );
}
