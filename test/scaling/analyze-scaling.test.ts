import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScaling, type ScalingInput } from '../../src/scaling/analyze-scaling.ts';
import { MIN_DISTINCT_N, MIN_REPETITIONS } from '../../src/scaling/thresholds.ts';
import { mulberry32 } from '../../src/stats/prng.ts';
import { sweep } from './synthetic.ts';

const L = 100;
const seed = fc.integer();

function bad(input: ScalingInput, argument: string): void {
  expect(() => analyzeScaling(input)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_ARGUMENT', argument }));
}

describe('analyzeScaling', () => {
  it('calls one-at-a-time data (T = a + N·L, 3% noise) linear with s ≈ 1', () =>
    fc.assert(
      fc.property(seed, (s) => {
        const a = analyzeScaling({ points: sweep((n) => 20 + n * L, { seed: s }), meanLatencyMs: L });
        expect(a.verdict.kind).toBe('linear');
        expect(a.slope).toBeGreaterThan(0.9);
        expect(a.slope).toBeLessThan(1.1);
        expect(a.r2).toBeGreaterThan(0.95);
      }),
      { numRuns: 20 },
    ));

  it('calls all-at-once data (T ≈ L + a little per N) flat', () =>
    fc.assert(
      fc.property(seed, (s) => {
        const a = analyzeScaling({ points: sweep((n) => 110 + 0.07 * n, { seed: s }), meanLatencyMs: L });
        expect(a.verdict.kind).toBe('flat');
        expect(a.interval.high).toBeLessThan(0.15);
      }),
      { numRuns: 20 },
    ));

  it('calls T = N·L/4 a pool of 4, whether k is given or estimated', () =>
    fc.assert(
      fc.property(seed, (s) => {
        const points = sweep((n) => 15 + (n * L) / 4, { seed: s });
        expect(analyzeScaling({ points, meanLatencyMs: L, k: 4 }).verdict).toMatchObject({ label: 'partial(1/4)', kEstimated: false });
        expect(analyzeScaling({ points, meanLatencyMs: L }).verdict).toMatchObject({ label: 'partial(1/4)', kEstimated: true });
      }),
      { numRuns: 20 },
    ));

  it('does not name a pool the data rule out', () => {
    const points = sweep((n) => (n * L) / 4, { seed: 1 });
    expect(analyzeScaling({ points, meanLatencyMs: L, k: 2 }).verdict.kind).toBe('inconclusive');
  });

  it('calls pure noise on a tiny sample inconclusive', () => {
    for (let s = 1; s <= 20; s++) {
      const rng = mulberry32(s);
      const points = [1, 2, 4].map((n) => ({ n, times: Array.from({ length: 3 }, () => 1000 * rng()) }));
      const a = analyzeScaling({ points, meanLatencyMs: L, seed: s });
      expect(a.verdict.kind, `noise seed ${s}: ${a.verdict.reason}`).toBe('inconclusive');
    }
  });

  it('is not thrown off by one very slow repetition (Theil–Sen on medians)', () => {
    const points = sweep((n) => 20 + (n * L) / 4, { seed: 3 });
    const last = points[points.length - 1];
    if (last === undefined) throw new Error('empty sweep');
    points[points.length - 1] = { n: last.n, times: [...last.times.slice(0, 4), 10 * (last.times[4] as number)] };
    const a = analyzeScaling({ points, meanLatencyMs: L, k: 4 });
    expect(a.verdict.label).toBe('partial(1/4)');
  });

  it('replays exactly for a bootstrap seed, and reports the seed and sample sizes it used', () => {
    const points = sweep((n) => 20 + n * 30, { seed: 9 });
    const one = analyzeScaling({ points, meanLatencyMs: L, seed: 42, resamples: 300 });
    expect(analyzeScaling({ points, meanLatencyMs: L, seed: 42, resamples: 300 })).toEqual(one);
    expect(one).toMatchObject({ seed: 42, resamples: 300, confidence: 0.95 });
    expect(one.medians.map((m) => [m.n, m.repetitions])).toEqual(points.map((p) => [p.n, 5]));
  });

  it('normalises the fitted slope by the mean latency: s = b / L', () => {
    const points = sweep((n) => 7 + 12 * n, { seed: 5, relSd: 0 });
    const a = analyzeScaling({ points, meanLatencyMs: 48 });
    expect(a.slopeMs).toBeCloseTo(12, 9);
    expect(a.interceptMs).toBeCloseTo(7, 6);
    expect(a.slope).toBeCloseTo(0.25, 9);
  });

  it('accepts points in any order', () => {
    const points = sweep((n) => n * L, { seed: 2 });
    expect(analyzeScaling({ points: points.toReversed(), meanLatencyMs: L })).toEqual(analyzeScaling({ points, meanLatencyMs: L }));
  });

  it(`is inconclusive with fewer than ${MIN_DISTINCT_N} N or ${MIN_REPETITIONS} repetitions, however clean the data`, () => {
    const twoN = sweep((n) => n * L, { seed: 1, ns: [100, 200], relSd: 0 });
    expect(analyzeScaling({ points: twoN, meanLatencyMs: L }).verdict).toMatchObject({ kind: 'inconclusive', reason: expect.stringMatching(/distinct N/) });
    const twoReps = sweep((n) => n * L, { seed: 1, reps: 2, relSd: 0 });
    expect(analyzeScaling({ points: twoReps, meanLatencyMs: L }).verdict).toMatchObject({ kind: 'inconclusive', reason: expect.stringMatching(/repetition/) });
  });

  it('rejects unusable input, naming the argument', () => {
    const ok = sweep((n) => n, { seed: 1 });
    bad({ points: ok.slice(0, 1), meanLatencyMs: L }, 'points');
    bad({ points: [...ok, { n: 50, times: [1] }], meanLatencyMs: L }, 'points[6].n');
    bad({ points: [...ok, { n: 3200, times: [] }], meanLatencyMs: L }, 'points[6].times');
    bad({ points: ok, meanLatencyMs: 0 }, 'meanLatencyMs');
    bad({ points: ok, meanLatencyMs: L, k: 0 }, 'k');
    bad({ points: ok, meanLatencyMs: L, seed: 0.5 }, 'seed');
  });
});
