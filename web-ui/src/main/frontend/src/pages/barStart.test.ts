import { describe, expect, it } from 'vitest';
import { barStart } from './MarketsPage';

const t = (iso: string) => Date.parse(iso);

describe('barStart', () => {
  it('puts a live minute into the bar of the chosen interval, as the API aggregates', () => {
    expect(barStart(t('2025-06-04T13:47:00Z'), '1m')).toBe(t('2025-06-04T13:47:00Z'));
    expect(barStart(t('2025-06-04T13:47:00Z'), '15m')).toBe(t('2025-06-04T13:45:00Z'));
    expect(barStart(t('2025-06-04T13:47:00Z'), '4h')).toBe(t('2025-06-04T12:00:00Z'));
    expect(barStart(t('2025-06-04T13:47:00Z'), '1d')).toBe(t('2025-06-04T00:00:00Z'));
  });

  it('starts weeks on Monday 00:00 UTC', () => {
    // 2025-06-04 is a Wednesday; 2025-06-02 the Monday before it
    expect(barStart(t('2025-06-04T13:47:00Z'), '1w')).toBe(t('2025-06-02T00:00:00Z'));
    expect(barStart(t('2025-06-02T00:00:00Z'), '1w')).toBe(t('2025-06-02T00:00:00Z'));
  });
});
