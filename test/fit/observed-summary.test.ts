import { describe, expect, it } from 'vitest';
import { summarizeObserved } from '../../src/fit/observed-summary.ts';

describe('summarizeObserved', () => {
  it('gives n, min, max, mean and the type-7 p50/p90/p99/p99.9', () => {
    const sorted = Array.from({ length: 11 }, (_, i) => i * 10);
    expect(summarizeObserved(sorted)).toEqual({ n: 11, min: 0, max: 100, mean: 50, percentiles: { p50: 50, p90: 90, p99: 99, 'p99.9': 99.9 } });
  });
});
