import { useEffect, useRef } from 'react';
import { AreaSeries, ColorType, createChart, LineSeries, type UTCTimestamp } from 'lightweight-charts';
import { backtests } from '../backtests';
import { useLoad } from '../hooks';
import { ProblemMessage } from './ProblemMessage';

const toChart = (points: { time: number; value: number }[]) =>
  points.map((p) => ({ time: Math.floor(p.time / 1000) as UTCTimestamp, value: p.value }));

/** A run's equity (line, right scale) and drawdown (area, left scale), downsampled by the server for the chart. */
export default function BacktestChart({ backtestId }: { backtestId: string }) {
  const series = useLoad(() => backtests.series(backtestId, 600), [backtestId]);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current || !series.data) return;
    const chart = createChart(container.current, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#8b949e', fontSize: 11 },
      grid: { vertLines: { color: '#1f2630' }, horzLines: { color: '#1f2630' } },
      leftPriceScale: { visible: true, borderColor: '#2a313c' },
      rightPriceScale: { borderColor: '#2a313c' },
      timeScale: { borderColor: '#2a313c', timeVisible: true },
    });
    chart.addSeries(LineSeries, { color: '#26a69a', lineWidth: 2, title: 'equity', priceLineVisible: false })
      .setData(toChart(series.data.equity));
    chart.addSeries(AreaSeries, {
      priceScaleId: 'left',
      lineColor: '#ef5350',
      topColor: 'rgba(239, 83, 80, 0.05)',
      bottomColor: 'rgba(239, 83, 80, 0.35)',
      lineWidth: 1,
      title: 'drawdown',
      priceLineVisible: false,
      priceFormat: { type: 'percent' },
    }).setData(toChart(series.data.drawdown).map((p) => ({ ...p, value: p.value * 100 })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series.data]);

  if (series.error) return <ProblemMessage error={series.error} />;
  return (
    <div aria-label="Equity and drawdown">
      <div ref={container} className="chart" />
      {series.data && (
        <p className="muted small">
          {series.data.equity.length} of {series.data.points} points shown (largest-triangle downsampling)
        </p>
      )}
    </div>
  );
}
