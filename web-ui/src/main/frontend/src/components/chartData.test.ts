import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../api';
import { parameterSeries } from './chartData';

const event = (timestamp: string, payload: Record<string, unknown>): StoredEvent => ({
  eventId: timestamp,
  sequenceNumber: 0,
  type: 'X',
  revision: '1',
  timestamp,
  payload,
  metaData: {},
});

describe('parameterSeries', () => {
  it('gives each parameter a line, merges points within a second and carries the last value to now', () => {
    const t0 = Date.parse('2026-11-01T10:00:00Z') / 1000;
    const series = parameterSeries(
      [
        event('2026-11-01T10:00:00.100Z', { parameters: { fast: 10, slow: 50 } }),
        event('2026-11-01T10:00:00.900Z', { parameters: { fast: 11, slow: 50 }, previousParameters: { fast: 10, slow: 50 } }),
        event('2026-11-01T10:05:00Z', { name: 'renamed', previousName: 'x' }),
        event('2026-11-01T11:00:00Z', { parameters: { fast: 12, slow: 60 }, previousParameters: { fast: 11, slow: 50 } }),
      ],
      new Date('2026-11-01T12:00:00Z'),
    );
    expect(Object.keys(series).sort()).toEqual(['fast', 'slow']);
    expect(series.fast).toEqual([
      { time: t0, value: 11 },
      { time: t0 + 3600, value: 12 },
      { time: t0 + 7200, value: 12 },
    ]);
    expect(series.slow.map((p) => p.value)).toEqual([50, 60, 60]);
  });
});
