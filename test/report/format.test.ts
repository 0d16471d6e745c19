import { describe, expect, it } from 'vitest';
import { allOk, formatCounts, formatInterval, formatMs, formatPercent, formatRatio, formatSmallMs, NOT_AVAILABLE, slugify } from '../../src/report/format.ts';

describe('format', () => {
  it('gives milliseconds precision that follows magnitude', () => {
    expect([3033.5, 100, 99.96, 34.36, 1.599, 0].map(formatMs)).toEqual(['3034', '100', '100.0', '34.4', '1.60', '0.00']);
    expect(formatSmallMs(0.0854)).toBe('0.085');
    expect(formatPercent(0.0341)).toBe('3.4%');
    expect(formatRatio(0.9549)).toBe('0.95');
    expect(formatInterval({ low: 0.98249, high: 1.009 })).toBe('[0.982, 1.009]');
  });

  it('prints non-finite numbers as n/a, never NaN', () => {
    for (const f of [formatMs, formatSmallMs, formatPercent, formatRatio]) {
      expect(f(Number.NaN)).toBe(NOT_AVAILABLE);
      expect(f(Number.POSITIVE_INFINITY)).toBe(NOT_AVAILABLE);
    }
  });

  it('lists only the outcomes that happened, in report order', () => {
    const counts = { ok: 495, 'http-error': 3, 'network-error': 0, timeout: 2 };
    expect(formatCounts(counts)).toBe('ok 495, http-error 3, timeout 2');
    expect(allOk(counts)).toBe(false);
    expect(allOk({ ok: 5, 'http-error': 0, 'network-error': 0, timeout: 0 })).toBe(true);
    expect(formatCounts({ ok: 0, 'http-error': 0, 'network-error': 0, timeout: 0 })).toBe('none');
  });

  it('slugs names into file-safe ids', () => {
    expect(slugify('bounded(4)')).toBe('bounded-4');
    expect(slugify('  Workers (6) / undici ')).toBe('workers-6-undici');
    expect(slugify('()')).toBe('unnamed');
  });
});
