import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../mock-server/errors.ts';
import { normalQuantile, parseProfile, quantile, type Distribution } from '../../mock-server/profile/index.ts';
import type { CandidateName } from '../../src/fit/candidate.ts';
import { TooFewSamplesError } from '../../mock-server/errors.ts';
import { fitSamples, type FitReport } from '../../src/fit/fit-samples.ts';
import { InvalidArgumentError, quantileSorted } from '../../src/stats/index.ts';
import { draws } from './draws.ts';

const N = 2000;
const seed = fc.integer({ min: 1, max: 1e9 });

function ksOf(report: FitReport, name: CandidateName): number {
  const candidate = report.candidates.find((c) => c.name === name);
  if (candidate?.status !== 'fitted') throw new Error(`${name} was not fitted`);
  return candidate.ks;
}

/** The law every pick below states: the true family is picked, or the pick's D is within the tie margin of the true family's. */
function expectTrueFamilyOrTie(report: FitReport, truth: CandidateName): void {
  const own = ksOf(report, truth);
  const parametric = report.candidates.filter((c) => c.status === 'fitted' && c.name !== 'empirical').map((c) => ksOf(report, c.name));
  expect(own).toBeLessThanOrEqual(Math.min(...parametric) + report.criterion.tieMargin);
  if (report.picked !== truth) expect(Math.abs(ksOf(report, report.picked) - own)).toBeLessThanOrEqual(report.criterion.tieMargin);
}

describe('fitSamples', () => {
  it(`picks lognormal for ${N} seeded lognormal draws, or a candidate whose KS distance is within the tie margin 1/√n (law)`, () =>
    fc.assert(
      fc.property(seed, fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0.1, max: 1.5, noNaN: true }), (s, median, sigma) => {
        expectTrueFamilyOrTie(fitSamples(draws({ type: 'lognormal', median, sigma }, N, s)), 'lognormal');
      }),
      { numRuns: 10 },
    ));

  it(`picks pareto for ${N} seeded shifted-Pareto draws (alpha in [0.8, 2]), or a candidate within the tie margin (law)`, () =>
    fc.assert(
      fc.property(
        seed,
        fc.record({ scale: fc.double({ min: 5, max: 100, noNaN: true }), alpha: fc.double({ min: 0.8, max: 2, noNaN: true }), shift: fc.double({ min: 0, max: 100, noNaN: true }) }),
        (s, params) => expectTrueFamilyOrTie(fitSamples(draws({ type: 'pareto', ...params }, N, s)), 'pareto'),
      ),
      { numRuns: 10 },
    ));

  it(`picks exponential for ${N} seeded shifted-exponential draws, or a candidate within the tie margin (law)`, () =>
    fc.assert(
      fc.property(seed, fc.double({ min: 1, max: 300, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (s, mean, shift) => {
        expectTrueFamilyOrTie(fitSamples(draws({ type: 'exponential', mean, shift }, N, s)), 'exponential');
      }),
      { numRuns: 10 },
    ));

  // A sample's p-quantile has standard error sqrt(p(1 − p)/n) / f(q_p); for a lognormal that is, relative to
  // q_p, sigma·sqrt(p(1 − p)/n) / φ(z_p). The fit (an MLE) is closer to the truth than the sample is, so
  // the fitted profile's quantile lies within 5 such standard errors of the sample's.
  it("writes a profile that parses, whose p50/p90/p99 are within 5 standard errors of the sample's, for lognormal draws (law)", () =>
    fc.assert(
      fc.property(seed, fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0.1, max: 1.5, noNaN: true }), (s, median, sigma) => {
        const values = draws({ type: 'lognormal', median, sigma }, N, s);
        const report = fitSamples(values, { source: 'draws.csv', name: 'fitted-draws' });
        const profile = parseProfile(JSON.parse(JSON.stringify(report.profile)));
        const sorted = values.toSorted((a, b) => a - b);
        for (const p of [0.5, 0.9, 0.99]) {
          const z = normalQuantile(p);
          const relativeSe = (sigma * Math.sqrt((p * (1 - p)) / N)) / (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
          const observed = quantileSorted(sorted, p);
          const theory = Math.min(quantile(profile.delay, p), profile.clamp?.max ?? Infinity);
          expect(Math.abs(Math.log(theory / observed))).toBeLessThanOrEqual(5 * relativeSe + 1e-3);
        }
      }),
      { numRuns: 10 },
    ));

  it('writes name, a date-free description naming the source, n and the criterion, seed 1 and clamp.max = ⌈2 × max⌉', () => {
    const values = draws({ type: 'lognormal', median: 90, sigma: 0.5 }, 300, 11);
    const { profile, picked } = fitSamples(values, { source: 'prod.csv', what: 'column "ms"', name: 'prod-like' });
    expect(profile.name).toBe('prod-like');
    expect(profile.seed).toBe(1);
    expect(profile.clamp).toEqual({ max: Math.ceil(2 * Math.max(...values)) });
    expect(profile.description).toContain('300 samples from prod.csv (column "ms")');
    expect(profile.description).toContain(`Picked ${picked}`);
    expect(profile.description).toContain('KS distance');
    expect(profile.description).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('is deterministic and order-free: the same values in any order give the same report (law)', () =>
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 1e9 }), (s, rotation) => {
        const values = draws({ type: 'lognormal', median: 40, sigma: 0.6 }, 200, s);
        const k = rotation % values.length;
        const rotated = [...values.slice(k), ...values.slice(0, k)].toReversed();
        expect(fitSamples(rotated)).toEqual(fitSamples(values));
      }),
      { numRuns: 5 },
    ));

  it('falls back to the empirical percentiles when no family fits and the sample is large enough to tell', () => {
    // Three equal, narrow, far-apart modes: no lognormal, exponential, Pareto or 2-mixture comes close.
    const mode = (median: number): Distribution => ({ type: 'lognormal', median, sigma: 0.05 });
    const trimodal: Distribution = { type: 'mixture', components: [10, 100, 1000].map((m) => ({ weight: 1, dist: mode(m) })) };
    const report = fitSamples(draws(trimodal, 3000, 5));
    expect(report.picked).toBe('empirical');
    expect(report.profile.delay.type).toBe('empirical');
    expect(report.reason).toContain('no parametric candidate within D <=');
  });

  it('skips the log-based families for a sample with a 0 ms value, and still fits', () => {
    const values = [0, ...draws({ type: 'exponential', mean: 30, shift: 0 }, 99, 2)];
    const report = fitSamples(values);
    const status = Object.fromEntries(report.candidates.map((c) => [c.name, c.status]));
    expect(status).toEqual({ lognormal: 'skipped', exponential: 'fitted', pareto: 'skipped', mixture: 'skipped', empirical: 'fitted' });
    expect(report.picked).toBe('exponential');
  });

  it('rejects fewer than 20 values, and a negative or NaN value by its index', () => {
    expect(() => fitSamples([1, 2, 3], { source: 'few.csv' })).toThrow(TooFewSamplesError);
    expect(() => fitSamples([1, 2, 3], { source: 'few.csv' })).toThrow(/few\.csv: 3 valid latencies, need at least 20/);
    const bad = Array.from({ length: 25 }, (_, i) => i + 1);
    bad[7] = -1;
    expect(() => fitSamples(bad)).toThrow(expect.objectContaining({ argument: 'values[7]' }) as InvalidArgumentError);
    bad[7] = Number.NaN;
    expect(() => fitSamples(bad)).toThrow(/values\[7\] must be a finite latency >= 0 ms, got NaN/);
  });

  it('rejects an out-of-range option by name', () => {
    const values = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(() => fitSamples(values, { maxKs: 2 })).toThrow(InvalidOptionError);
    expect(() => fitSamples(values, { maxKs: 2 })).toThrow(/options\.maxKs must be in \[0, 1\], got 2/);
    expect(() => fitSamples(values, { capFactor: 0.5 })).toThrow(/options\.capFactor/);
    expect(() => fitSamples(values, { name: ' ' })).toThrow(/options\.name/);
  });
});
