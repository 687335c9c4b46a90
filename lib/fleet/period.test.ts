import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, periodStart } from './period';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration(' 6h ')).toBe(21_600_000);
    expect(parseDuration('1d')).toBe(86_400_000);
  });
  it('refuses anything else', () => {
    for (const bad of ['', '6', 'h', '1.5h', '-1h', '1w', '1h30m', '9999999s'])
      expect(parseDuration(bad)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('picks the largest unit that divides', () => {
    expect(formatDuration(86_400_000)).toBe('1d');
    expect(formatDuration(5_400_000)).toBe('90m');
    expect(formatDuration(45_000)).toBe('45s');
  });
});

describe('periodStart', () => {
  it('is the same for every moment of one period and moves at its end', () => {
    const every = 60_000;
    expect(periodStart(120_000, every)).toBe(120_000);
    expect(periodStart(179_999, every)).toBe(120_000);
    expect(periodStart(180_000, every)).toBe(180_000);
  });
});
