/** Tests of src/calibrate/fidelity.ts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { resolveCalibrateOptions } from '../../src/calibrate/calibrate.ts';
import { FIDELITY_PERCENTILES, faultProbability, fidelityBoundMs, fidelityRow, judgeFidelity, meanDelayMs, profileCaveats, responseTimeoutSeconds, samplingBand, theoreticalPercentile, fidelityResponses } from '../../src/calibrate/fidelity.ts';

// ── fidelity ────────────────────────────────────────────

const spec = (label: 'p50' | 'p99.9', judged = true) => ({ label, p: label === 'p50' ? 0.5 : 0.999, judged });

describe('fidelityBoundMs', () => {
  it('allows 1 ms below 20 ms of theory and 5% above', () => {
    expect(fidelityBoundMs(0)).toBe(1);
    expect(fidelityBoundMs(10)).toBe(1);
    expect(fidelityBoundMs(20)).toBe(1);
    expect(fidelityBoundMs(30)).toBeCloseTo(1.5, 12);
    expect(fidelityBoundMs(100)).toBeCloseTo(5, 12);
  });
});

describe('theoreticalPercentile', () => {
  it('is the delay itself at every percentile of a fixed profile', () => {
    const profile = parseProfile({ delay: { type: 'fixed', ms: 100 } });
    for (const { p } of FIDELITY_PERCENTILES) expect(theoreticalPercentile(profile, 'pokemon', p)).toBe(100);
  });

  it('interpolates a uniform profile', () => {
    const profile = parseProfile({ delay: { type: 'uniform', min: 24, max: 36 } });
    expect(theoreticalPercentile(profile, 'pokemon', 0.5)).toBe(30);
    expect(theoreticalPercentile(profile, 'pokemon', 0.99)).toBe(35.88);
  });

  it('applies the clamp, as the sampler does', () => {
    const profile = parseProfile({ delay: { type: 'lognormal', median: 90, sigma: 0.7 }, clamp: { min: 10, max: 200 } });
    expect(theoreticalPercentile(profile, 'pokemon', 0.5)).toBe(90);
    // Unclamped, p99 is ~460 ms.
    expect(theoreticalPercentile(profile, 'pokemon', 0.99)).toBe(200);
  });

  it("uses the route's own delay where the profile overrides it", () => {
    const profile = parseProfile({ delay: { type: 'fixed', ms: 10 }, routes: { 'pokemon-list': { delay: { type: 'fixed', ms: 70 } } } });
    expect(theoreticalPercentile(profile, 'pokemon', 0.5)).toBe(10);
    expect(theoreticalPercentile(profile, 'pokemon-list', 0.5)).toBe(70);
  });
});

describe('fidelityRow', () => {
  it('reports the error in ms and relative to theory, and whether it is within the bound', () => {
    const row = fidelityRow(spec('p50'), { theoryMs: 100, observedMs: 104, serverMs: 100 });
    expect(row).toMatchObject({ errorMs: 4, boundMs: 5, within: true, judged: true });
    expect(row.relativeError).toBeCloseTo(0.04, 12);
    expect(fidelityRow(spec('p50'), { theoryMs: 100, observedMs: 106, serverMs: 100 }).within).toBe(false);
  });

  it('judges a percentile below theory too: a delay not applied is not faithful', () => {
    expect(fidelityRow(spec('p50'), { theoryMs: 100, observedMs: 90, serverMs: 100 }).within).toBe(false);
  });

  it('is never within when nothing was observed, and has no relative error then', () => {
    const row = fidelityRow(spec('p50'), { theoryMs: 30, observedMs: Number.NaN, serverMs: Number.NaN });
    expect(row.within).toBe(false);
    expect(row.relativeError).toBeNull();
  });

  it('has no relative error at a theory of 0 ms', () => {
    expect(fidelityRow(spec('p50'), { theoryMs: 0, observedMs: 0.4, serverMs: 0 })).toMatchObject({ relativeError: null, within: true });
  });

  it('widens theory by its sampling band, and reports the error against the point', () => {
    const row = fidelityRow(spec('p50'), { theoryMs: 100, bandLowMs: 90, bandHighMs: 115, observedMs: 118, serverMs: 112 });
    expect(row).toMatchObject({ errorMs: 18, within: true, bandLowMs: 90, bandHighMs: 115 });
    expect(fidelityRow(spec('p50'), { theoryMs: 100, bandLowMs: 90, bandHighMs: 115, observedMs: 84.9, serverMs: 90 }).within).toBe(false);
  });

  it('is within exactly when |observed - theory| <= max(1 ms, 5% of theory), without a band', () =>
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 5000, noNaN: true }), (theoryMs, observedMs) => {
        const row = fidelityRow(spec('p50'), { theoryMs, observedMs, serverMs: theoryMs });
        expect(row.within).toBe(Math.abs(observedMs - theoryMs) <= Math.max(1, 0.05 * theoryMs));
      }),
    ));
});

describe('samplingBand', () => {
  it('is p ± 1.96·sqrt(p(1 - p)/n), clipped to [0, 1]', () => {
    const { low, high } = samplingBand(0.99, 4000);
    expect(low).toBeCloseTo(0.99 - 1.96 * Math.sqrt((0.99 * 0.01) / 4000), 4);
    expect(high).toBeCloseTo(0.99 + 1.96 * Math.sqrt((0.99 * 0.01) / 4000), 4);
    expect(samplingBand(0.99, 50).high).toBe(1);
    expect(samplingBand(0.5, 0)).toEqual({ low: 0, high: 1 });
  });

  it('law: holds p and narrows as the sample grows', () =>
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), (p, n) => {
        const small = samplingBand(p, n);
        const large = samplingBand(p, 4 * n);
        expect(small.low).toBeLessThanOrEqual(p);
        expect(small.high).toBeGreaterThanOrEqual(p);
        expect(large.low).toBeGreaterThanOrEqual(small.low);
        expect(large.high).toBeLessThanOrEqual(small.high);
      }),
    ));

  it('collapses to the point for a fixed delay, whatever the sample', () => {
    const profile = parseProfile({ delay: { type: 'fixed', ms: 100 } });
    const band = samplingBand(0.99, 10);
    expect(theoreticalPercentile(profile, 'pokemon', band.low)).toBe(100);
    expect(theoreticalPercentile(profile, 'pokemon', band.high)).toBe(100);
  });
});

describe('meanDelayMs', () => {
  it('is the mean of the clamped distribution', () => {
    expect(meanDelayMs(parseProfile({ delay: { type: 'fixed', ms: 100 } }), 'pokemon')).toBe(100);
    expect(meanDelayMs(parseProfile({ delay: { type: 'uniform', min: 24, max: 36 } }), 'pokemon')).toBeCloseTo(30, 1);
    // Lognormal mean: median·exp(sigma²/2) = 90·e^0.245 ≈ 115; a clamp at 100 caps it below that.
    expect(meanDelayMs(parseProfile({ delay: { type: 'lognormal', median: 90, sigma: 0.7 } }), 'pokemon')).toBeCloseTo(115, -1);
    expect(meanDelayMs(parseProfile({ delay: { type: 'lognormal', median: 90, sigma: 0.7 }, clamp: { max: 100 } }), 'pokemon')).toBeLessThan(90);
  });
});

describe('judgeFidelity', () => {
  const row = (judged: boolean, within: boolean) => ({ judged, within });

  it('is faithful when every judged row is within, whatever the reported-only rows say', () => {
    expect(judgeFidelity([row(true, true), row(true, true), row(false, false)])).toBe('faithful');
  });

  it('is unfaithful when one judged row is out', () => {
    expect(judgeFidelity([row(true, true), row(true, false), row(false, true)])).toBe('unfaithful');
  });

  it('is unfaithful with nothing judged', () => {
    expect(judgeFidelity([])).toBe('unfaithful');
    expect(judgeFidelity([row(false, true)])).toBe('unfaithful');
  });

  it('is faithful iff some row is judged and every judged row is within', () =>
    fc.assert(
      fc.property(fc.array(fc.record({ judged: fc.boolean(), within: fc.boolean() }), { maxLength: 8 }), (rows) => {
        const judged = rows.filter((r) => r.judged);
        const expected = judged.length > 0 && judged.every((r) => r.within) ? 'faithful' : 'unfaithful';
        expect(judgeFidelity(rows)).toBe(expected);
      }),
    ));

  it('judges p50, p90 and p99 and only reports p99.9', () => {
    expect(FIDELITY_PERCENTILES.filter((s) => s.judged).map((s) => s.label)).toEqual(['p50', 'p90', 'p99']);
    expect(FIDELITY_PERCENTILES.filter((s) => !s.judged).map((s) => s.label)).toEqual(['p99.9']);
  });
});

describe('responseTimeoutSeconds', () => {
  it('is twice the p99.99 plus 200 ms, in whole seconds from 1 to 10', () => {
    expect(responseTimeoutSeconds(parseProfile({ delay: { type: 'fixed', ms: 100 } }), 'pokemon')).toBe(1);
    expect(responseTimeoutSeconds(parseProfile({ delay: { type: 'fixed', ms: 1000 } }), 'pokemon')).toBe(3);
    expect(responseTimeoutSeconds(parseProfile({ delay: { type: 'pareto', scale: 10, alpha: 0.5 } }), 'pokemon')).toBe(10);
  });
});

describe('faultProbability and profileCaveats', () => {
  it('adds the probabilities of the faults that apply to the route', () => {
    const profile = parseProfile({
      delay: { type: 'fixed', ms: 10 },
      faults: [
        { kind: 'http-error', probability: 0.02 },
        { kind: 'reset', probability: 0.01, routes: ['pokemon-list'] },
        { kind: 'rate-limited', probability: 0.005, routes: ['pokemon'] },
      ],
    });
    expect(faultProbability(profile, 'pokemon')).toBeCloseTo(0.025, 12);
    expect(faultProbability(profile, 'pokemon-list')).toBeCloseTo(0.03, 12);
  });

  it('is 0 for a profile without faults, and names the features the theory leaves out', () => {
    const plain = parseProfile({ delay: { type: 'fixed', ms: 10 } });
    expect(faultProbability(plain, 'pokemon')).toBe(0);
    expect(profileCaveats(plain)).toEqual([]);
    const capped = parseProfile({ delay: { type: 'fixed', ms: 10 }, concurrency: { max: 4 } });
    expect(profileCaveats(capped)).toEqual([expect.stringContaining('caps the server at 4')]);
    const breaking = parseProfile({ delay: { type: 'fixed', ms: 10 }, faults: [{ kind: 'reset', probability: 0.01 }, { kind: 'http-error', probability: 0.01 }] });
    expect(profileCaveats(breaking)).toEqual([expect.stringContaining('breaks connections (reset): autocannon waits out its 1 s timeout')]);
  });
});

// ── measure-fidelity ────────────────────────────────────

describe('fidelityResponses', () => {
  const options = resolveCalibrateOptions({ fidelityConnections: 16, fidelityResponses: 4000, fidelityMaxMs: 10_000 });

  it('asks for all the responses when the profile is fast enough to give them in half the cap', () => {
    expect(fidelityResponses(parseProfile({ delay: { type: 'fixed', ms: 10 } }), options)).toBe(4000);
  });

  it('asks for fewer when the profile is slow, so the run ends by count and not by its cap', () => {
    // 16 connections × (floor(5 s / (100 + 1) ms) - 1) = 16 × 48.
    expect(fidelityResponses(parseProfile({ delay: { type: 'fixed', ms: 100 } }), options)).toBe(768);
  });

  it('asks for at least one response per connection', () => {
    expect(fidelityResponses(parseProfile({ delay: { type: 'fixed', ms: 60_000 } }), options)).toBe(16);
  });
});
