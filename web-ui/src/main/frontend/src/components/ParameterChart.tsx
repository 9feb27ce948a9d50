import { useEffect, useMemo, useRef } from 'react';
import { ColorType, createChart, LineSeries, LineType, type UTCTimestamp } from 'lightweight-charts';
import type { StoredEvent } from '../api';
import { parameterSeries } from './chartData';

const COLORS = ['#26a69a', '#f0b90b', '#42a5f5', '#ef5350', '#ab47bc', '#8d6e63'];

/** The strategy's parameters over time as step lines (TradingView's lightweight-charts), from its events. */
export default function ParameterChart({ events }: { events: StoredEvent[] }) {
  const container = useRef<HTMLDivElement>(null);
  const series = useMemo(() => parameterSeries(events), [events]);
  const names = useMemo(() => Object.keys(series).sort(), [series]);

  useEffect(() => {
    if (!container.current || names.length === 0) return;
    const chart = createChart(container.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#8b949e', fontSize: 11 },
      grid: { vertLines: { color: '#1f2630' }, horzLines: { color: '#1f2630' } },
      rightPriceScale: { borderColor: '#2a313c' },
      timeScale: { borderColor: '#2a313c', timeVisible: true, secondsVisible: true },
      crosshair: { horzLine: { labelBackgroundColor: '#2a313c' }, vertLine: { labelBackgroundColor: '#2a313c' } },
    });
    names.forEach((name, i) => {
      const line = chart.addSeries(LineSeries, {
        color: COLORS[i % COLORS.length],
        lineWidth: 2,
        lineType: LineType.WithSteps,
        title: name,
        priceLineVisible: false,
      });
      line.setData(series[name].map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series, names]);

  if (names.length === 0) return null;
  return (
    <section className="panel" aria-label="Parameter history">
      <div className="panel-head">
        <h2>Parameters over time</h2>
        <span className="legend">
          {names.map((n, i) => (
            <span key={n}>
              <i style={{ background: COLORS[i % COLORS.length] }} />
              {n}
            </span>
          ))}
        </span>
      </div>
      <div ref={container} className="chart" />
    </section>
  );
}
