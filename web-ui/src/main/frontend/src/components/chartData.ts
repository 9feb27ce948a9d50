import type { StoredEvent } from '../api';

export interface Point {
  time: number; // seconds since the epoch, as lightweight-charts wants it
  value: number;
}

/**
 * Each parameter's value over time, from the events that set parameters (creation and changes). Points in the same
 * second keep the last value; every line is carried on to `now`, so a value that never changed still shows.
 */
export function parameterSeries(events: StoredEvent[], now: Date = new Date()): Record<string, Point[]> {
  const series: Record<string, Point[]> = {};
  for (const event of events) {
    const parameters = event.payload?.parameters;
    if (!parameters || typeof parameters !== 'object') continue;
    const time = Math.floor(new Date(event.timestamp).getTime() / 1000);
    if (!Number.isFinite(time)) continue;
    for (const [name, raw] of Object.entries(parameters as Record<string, unknown>)) {
      const value = Number(raw);
      if (!Number.isFinite(value)) continue;
      const points = (series[name] ??= []);
      const last = points[points.length - 1];
      if (last && last.time >= time) last.value = value;
      else points.push({ time, value });
    }
  }
  const end = Math.floor(now.getTime() / 1000);
  for (const points of Object.values(series)) {
    const last = points[points.length - 1];
    if (last && end > last.time) points.push({ time: end, value: last.value });
  }
  return series;
}
