import { describe, expect, it } from 'vitest';
import { evaluateCandidate } from '../../src/fit/evaluate-candidate.ts';
import { summarizeObserved } from '../../src/fit/observed-summary.ts';

const sorted = Array.from({ length: 100 }, (_, i) => i + 0.5);

describe('evaluateCandidate', () => {
  it("scores with the mock's own CDF and quantiles: uniform(0, 100) against 0.5..99.5 has D = 0.005 and near-zero errors", () => {
    const score = evaluateCandidate(sorted, summarizeObserved(sorted), { type: 'uniform', min: 0, max: 100 }, 1000);
    expect(score.ks).toBeCloseTo(0.005, 12);
    expect(score.quantiles.map((q) => q.label)).toEqual(['p50', 'p90', 'p99', 'p99.9']);
    const p50 = score.quantiles[0];
    expect(p50).toEqual({ label: 'p50', p: 0.5, observed: 50, theory: 50, relativeError: 0 });
  });

  it('applies the clamp: quantiles stop at the cap, and F = 1 from the cap on', () => {
    const score = evaluateCandidate(sorted, summarizeObserved(sorted), { type: 'uniform', min: 0, max: 1000 }, 60);
    expect(score.quantiles.find((q) => q.label === 'p90')?.theory).toBe(60);
    // Unclamped, F(99.5) = 0.0995 against 1; clamped at 60 the largest gap is just below 60: 0.06 against 0.6.
    expect(score.ks).toBeCloseTo(0.6 - 0.06 + 0.005, 2);
  });

  it('gives a null relative error when the observed percentile is 0 and the theory is not', () => {
    const zeros = Array.from({ length: 20 }, () => 0);
    const score = evaluateCandidate(zeros, summarizeObserved(zeros), { type: 'fixed', ms: 3 }, 10);
    expect(score.quantiles[0]?.relativeError).toBeNull();
    expect(score.ks).toBe(1);
  });
});
