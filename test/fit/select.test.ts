/** Tests of src/fit/select.ts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, TooFewSamplesError } from '../../mock-server/errors/index.ts';
import { cdf, type Distribution, ProfileError, normalQuantile, parseProfile, quantile } from '../../mock-server/profile/index.ts';
import { CANDIDATE_NAMES } from '../../src/fit/families.ts';
import type { CandidateName } from '../../src/fit/families.ts';
import { fallbackKs, resolveFitOptions, ksDistance, nextDown, summarizeObserved, evaluateCandidate, pickCandidate, type ScoredCandidate, buildFittedProfile, fittedCap, fitSamples, type FitReport } from '../../src/fit/select.ts';
import { InvalidArgumentError, quantileSorted } from '../../src/stats/index.ts';
import { leafDistribution } from '../mock-server/profile/arbitraries.ts';
import { draws } from './draws.ts';

// ── fit-options ─────────────────────────────────────────


// Statistical laws hold with high probability, not always: fast-check's seed is
// pinned in each, so every run checks the same cases and a fresh draw cannot fail CI.
describe('resolveFitOptions', () => {
  it('fills the defaults: tie margin 1/√n, maxKs 0.05, cap factor 2, name "fitted"', () => {
    expect(resolveFitOptions({}, 400)).toEqual({
      source: 'samples',
      what: undefined,
      name: 'fitted',
      tieMargin: 0.05,
      maxKs: 0.05,
      fallbackKs: fallbackKs(0.05, 400),
      capFactor: 2,
    });
  });

  it.each([
    [{ tieMargin: -0.1 }, 'options.tieMargin'],
    [{ maxKs: Number.NaN }, 'options.maxKs'],
    [{ capFactor: 0.9 }, 'options.capFactor'],
    [{ name: '' }, 'options.name'],
  ])('rejects %j naming %s', (options, name) => {
    expect(() => resolveFitOptions(options, 100)).toThrow(InvalidOptionError);
    expect(() => resolveFitOptions(options, 100)).toThrow(name);
  });
});

describe('fallbackKs', () => {
  it('is the larger of maxKs and the 99% DKW bound sqrt(ln(200) / 2n)', () => {
    expect(fallbackKs(0.05, 40)).toBeCloseTo(Math.sqrt(Math.log(200) / 80), 12);
    expect(fallbackKs(0.05, 100_000)).toBe(0.05);
    expect(fallbackKs(1, 40)).toBe(1);
  });
});

// ── ks-distance ─────────────────────────────────────────

const uniform04 = (x: number) => Math.min(1, Math.max(0, x / 4));
const sample = fc.array(fc.double({ min: 0, max: 2000, noNaN: true }).map((x) => x + 0), { minLength: 1, maxLength: 60 });

// Naive reference, from the definition: for every sample value v, compare F(v) with the
// share of samples ≤ v and F(v−) with the share of samples < v; O(n²).
function naiveKs(values: readonly number[], F: (x: number) => number): number {
  const n = values.length;
  let worst = 0;
  for (const v of values) {
    const atMost = values.filter((x) => x <= v).length / n;
    const below = values.filter((x) => x < v).length / n;
    worst = Math.max(worst, Math.abs(F(v) - atMost), Math.abs(F(nextDown(v)) - below));
  }
  return worst;
}

describe('ksDistance', () => {
  it('is 0.25 for [1, 2, 3] against uniform(0, 4) (by hand: F(1) − 0 = 0.25 and 1 − F(3) = 0.25)', () => {
    expect(ksDistance([1, 2, 3], uniform04)).toBeCloseTo(0.25, 15);
  });

  it('is 0.5 for [1, 2] against fixed 2: the gap just below the atom counts (F(2−) = 0 against 1/2)', () => {
    const fixed2: Distribution = { type: 'fixed', ms: 2 };
    expect(ksDistance([1, 2], (x) => cdf(fixed2, x))).toBe(0.5);
  });

  it('counts tied samples as one step: [2, 2, 2, 2] against fixed 2 is 0', () => {
    expect(ksDistance([2, 2, 2, 2], (x) => (x >= 2 ? 1 : 0))).toBe(0);
  });

  it('is 1 when the CDF gives NaN, and 0 for an empty sample', () => {
    expect(ksDistance([1, 2], () => Number.NaN)).toBe(1);
    expect(ksDistance([], uniform04)).toBe(0);
  });

  it('lies in [0, 1] for any sample and any distribution (law: D is a distance between CDFs)', () =>
    fc.assert(
      fc.property(sample, leafDistribution, (values, dist) => {
        const d = ksDistance(values.toSorted((a, b) => a - b), (x) => cdf(dist, x));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }),
    ));

  it('equals the naive O(n²) definition for any sample and distribution', () =>
    fc.assert(
      fc.property(sample, leafDistribution, (values, dist) => {
        const F = (x: number) => cdf(dist, x);
        expect(ksDistance(values.toSorted((a, b) => a - b), F)).toBeCloseTo(naiveKs(values, F), 12);
      }),
    ));

  it("is 0 against the sample's own empirical distribution (law: D(Fn, Fn) = 0)", () =>
    fc.assert(
      fc.property(sample, (values) => {
        const own: Distribution = { type: 'empirical', samples: values };
        expect(ksDistance(values.toSorted((a, b) => a - b), (x) => cdf(own, x))).toBe(0);
      }),
    ));
});

describe('nextDown', () => {
  it('is the largest double below x: smaller, and nothing fits between (law)', () =>
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const below = nextDown(x);
        expect(below).toBeLessThan(x);
        const mid = below / 2 + x / 2;
        expect(mid === below || mid === x).toBe(true);
      }),
    ));
});

// ── observed-summary ────────────────────────────────────

describe('summarizeObserved', () => {
  it('gives n, min, max, mean and the type-7 p50/p90/p99/p99.9', () => {
    const sorted = Array.from({ length: 11 }, (_, i) => i * 10);
    expect(summarizeObserved(sorted)).toEqual({ n: 11, min: 0, max: 100, mean: 50, percentiles: { p50: 50, p90: 90, p99: 99, 'p99.9': 99.9 } });
  });
});

// ── evaluate-candidate ──────────────────────────────────

const uniformSample = Array.from({ length: 100 }, (_, i) => i + 0.5);

describe('evaluateCandidate', () => {
  it("scores with the mock's own CDF and quantiles: uniform(0, 100) against 0.5..99.5 has D = 0.005 and near-zero errors", () => {
    const score = evaluateCandidate(uniformSample, summarizeObserved(uniformSample), { type: 'uniform', min: 0, max: 100 }, 1000);
    expect(score.ks).toBeCloseTo(0.005, 12);
    expect(score.quantiles.map((q) => q.label)).toEqual(['p50', 'p90', 'p99', 'p99.9']);
    const p50 = score.quantiles[0];
    expect(p50).toEqual({ label: 'p50', p: 0.5, observed: 50, theory: 50, relativeError: 0 });
  });

  it('applies the clamp: quantiles stop at the cap, and F = 1 from the cap on', () => {
    const score = evaluateCandidate(uniformSample, summarizeObserved(uniformSample), { type: 'uniform', min: 0, max: 1000 }, 60);
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

// ── pick-candidate ──────────────────────────────────────

const options = { tieMargin: 0.01, fallbackKs: 0.05 };
const scored = (name: ScoredCandidate['name'], ks: number, parameters: number): ScoredCandidate => ({ name, ks, parameters });

describe('pickCandidate', () => {
  it('picks the smallest KS distance when no other is within the tie margin', () => {
    const pick = pickCandidate([scored('lognormal', 0.03, 2), scored('mixture', 0.012, 5), scored('empirical', 0.005, 25)], options);
    expect(pick.name).toBe('mixture');
    expect(pick.reason).toBe('smallest D = 0.0120');
  });

  it('breaks a near tie toward fewer parameters, and says so', () => {
    const pick = pickCandidate([scored('lognormal', 0.02, 2), scored('mixture', 0.012, 5)], options);
    expect(pick.name).toBe('lognormal');
    expect(pick.reason).toContain('fewer parameters (2 vs 5)');
  });

  it('breaks a tie between equally many parameters by the smaller D', () => {
    expect(pickCandidate([scored('lognormal', 0.02, 2), scored('exponential', 0.015, 2)], options).name).toBe('exponential');
  });

  it('never lets empirical compete: it is the fallback, even with the smallest D', () => {
    expect(pickCandidate([scored('lognormal', 0.04, 2), scored('empirical', 0.001, 25)], options).name).toBe('lognormal');
  });

  it('falls back to empirical when the best parametric D is above fallbackKs, or nothing parametric was fitted', () => {
    const far = pickCandidate([scored('lognormal', 0.2, 2), scored('mixture', 0.08, 5), scored('empirical', 0.01, 25)], options);
    expect(far.name).toBe('empirical');
    expect(far.reason).toContain('best: mixture, D = 0.0800');
    expect(pickCandidate([scored('empirical', 0.01, 25)], options)).toEqual({ name: 'empirical', reason: 'no parametric candidate could be fitted' });
  });

  it('throws InvalidArgumentError on no candidates', () => {
    expect(() => pickCandidate([], options)).toThrow(InvalidArgumentError);
  });

  it('picks a parametric candidate within the tie margin of the smallest parametric D, with the fewest parameters among those (law)', () =>
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ name: fc.constantFrom(...CANDIDATE_NAMES.filter((n) => n !== 'empirical')), ks: fc.double({ min: 0, max: 0.04, noNaN: true }), parameters: fc.integer({ min: 1, max: 6 }) }),
          { minLength: 1, maxLength: 4, selector: (c) => c.name },
        ),
        fc.double({ min: 0, max: 0.02, noNaN: true }),
        (candidates, tieMargin) => {
          const pick = pickCandidate(candidates, { tieMargin, fallbackKs: 0.05 });
          const best = Math.min(...candidates.map((c) => c.ks));
          const picked = candidates.find((c) => c.name === pick.name);
          if (!picked) throw new Error('picked a candidate that was not offered');
          expect(picked.ks).toBeLessThanOrEqual(best + tieMargin);
          const tied = candidates.filter((c) => c.ks <= best + tieMargin);
          expect(picked.parameters).toBe(Math.min(...tied.map((c) => c.parameters)));
        },
      ),
    ));
});

// ── fitted-profile ──────────────────────────────────────

const input = {
  name: 'prod-like',
  source: 'prod.csv',
  what: 'column "ms"',
  n: 500,
  delay: { type: 'lognormal' as const, median: 90, sigma: 0.7 },
  reason: 'smallest D = 0.0123',
  max: 812.345,
  capFactor: 2,
};

describe('buildFittedProfile', () => {
  it('writes name, seed 1, the delay, clamp.max = ⌈2 × max⌉ and a description of where it came from', () => {
    expect(buildFittedProfile(input)).toEqual({
      name: 'prod-like',
      description:
        "Fitted by 'pokebench profile fit' to 500 samples from prod.csv (column \"ms\"). Picked lognormal by KS distance D: smallest D = 0.0123. clamp.max = 2 × the largest sample (812.35 ms), rounded up.",
      seed: 1,
      delay: input.delay,
      clamp: { max: 1625 },
    });
  });

  it('validates with parseProfile: an invalid delay is a ProfileError naming the field', () => {
    expect(() => buildFittedProfile({ ...input, delay: { type: 'lognormal', median: 90, sigma: 0 } })).toThrow(ProfileError);
    expect(() => buildFittedProfile({ ...input, delay: { type: 'lognormal', median: 90, sigma: 0 } })).toThrow('delay.sigma: must be > 0');
  });
});

describe('fittedCap', () => {
  it('is capFactor × max rounded up to a whole ms', () => {
    expect(fittedCap(812.345, 2)).toBe(1625);
    expect(fittedCap(0, 2)).toBe(0);
  });
});

// ── fit-samples ─────────────────────────────────────────

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
      { numRuns: 10, seed: 0x5a4 },
    ));

  it(`picks pareto for ${N} seeded shifted-Pareto draws (alpha in [0.8, 2]), or a candidate within the tie margin (law)`, () =>
    fc.assert(
      fc.property(
        seed,
        fc.record({ scale: fc.double({ min: 5, max: 100, noNaN: true }), alpha: fc.double({ min: 0.8, max: 2, noNaN: true }), shift: fc.double({ min: 0, max: 100, noNaN: true }) }),
        (s, params) => expectTrueFamilyOrTie(fitSamples(draws({ type: 'pareto', ...params }, N, s)), 'pareto'),
      ),
      { numRuns: 10, seed: 0x5a5 },
    ));

  it(`picks exponential for ${N} seeded shifted-exponential draws, or a candidate within the tie margin (law)`, () =>
    fc.assert(
      fc.property(seed, fc.double({ min: 1, max: 300, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (s, mean, shift) => {
        expectTrueFamilyOrTie(fitSamples(draws({ type: 'exponential', mean, shift }, N, s)), 'exponential');
      }),
      { numRuns: 10, seed: 0x5a6 },
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
      { numRuns: 10, seed: 0x5a7 },
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
      { numRuns: 5, seed: 0x5a8 },
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
