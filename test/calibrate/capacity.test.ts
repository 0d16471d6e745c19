/** Tests of src/calibrate/capacity.ts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapacityRound } from '../../src/calibrate/calibration.ts';
import { summarizeCapacity, capacityWarning, RPS_WARNING_FRACTION } from '../../src/calibrate/capacity.ts';
import { sampleCalibration, step } from './sample-calibration.ts';

// ── capacity ────────────────────────────────────────────

const round = (n: number, mockRps: number, bareRps: number, errors = 0): CapacityRound => ({
  round: n,
  first: n % 2 === 1 ? 'bare' : 'mock',
  mock: { rps: mockRps, p50Ms: n, p99Ms: 10 * n, errors },
  bare: { rps: bareRps, p50Ms: 1, p99Ms: 5, errors: 0 },
  ratio: mockRps / bareRps,
});

describe('summarizeCapacity', () => {
  it('takes the median of per-round ratios, not the ratio of medians', () => {
    // Ratios 0.9, 0.8, 1.0; the medians of each server (11000 and 11000) come from different rounds.
    const summary = summarizeCapacity([round(1, 9000, 10_000), round(2, 16_000, 20_000), round(3, 11_000, 11_000)]);
    expect(summary.ratio).toBeCloseTo(0.9, 12);
    expect(summary.mock.rps / summary.bare.rps).toBe(1);
  });

  it('reports median figures and sums the errors', () => {
    const summary = summarizeCapacity([round(1, 100, 200, 1), round(2, 300, 200, 0), round(3, 200, 200, 2)]);
    expect(summary.mock).toEqual({ rps: 200, p50Ms: 2, p99Ms: 20, errors: 3 });
    expect(summary.ratio).toBe(1);
  });
});

// ── capacity-warning ────────────────────────────────────

describe('capacityWarning', () => {
  const calibration = sampleCalibration(); // safe concurrency 32, 20000 req/s at zero delay

  it('says nothing at or below the safe concurrency', () => {
    expect(capacityWarning(calibration, { maxInFlight: 1 })).toBeUndefined();
    expect(capacityWarning(calibration, { maxInFlight: 32 })).toBeUndefined();
    expect(capacityWarning(calibration, { maxInFlight: 0 })).toBeUndefined();
  });

  it('warns on one line above it, naming both figures and the date', () => {
    const warning = capacityWarning(calibration, { maxInFlight: 1600 });
    expect(warning).toContain('1600 requests in flight');
    expect(warning).toContain('only up to 32 concurrent requests');
    expect(warning).toContain('2025-03-04');
    expect(warning).toContain('the server, not the client, may set the slope');
    expect(warning).not.toContain('\n');
  });

  it('says the limit is unknown when every rung passed', () => {
    const allPassed = sampleCalibration({ steps: [step(1, true), step(8, true)], safeConcurrency: 8, limitFound: false });
    expect(capacityWarning(allPassed, { maxInFlight: 8 })).toBeUndefined();
    expect(capacityWarning(allPassed, { maxInFlight: 9 })).toContain('calibrated only up to 8 concurrent requests');
  });

  it('warns for any load when even the first rung failed', () => {
    const none = sampleCalibration({ steps: [step(1, false)], safeConcurrency: 0, limitFound: true });
    expect(capacityWarning(none, { maxInFlight: 1 })).toContain('even at 1 connection');
  });

  it('warns when the expected rate passes half the zero-delay capacity', () => {
    expect(RPS_WARNING_FRACTION).toBe(0.5);
    expect(capacityWarning(calibration, { maxInFlight: 8, expectedRps: 10_000 })).toBeUndefined();
    expect(capacityWarning(calibration, { maxInFlight: 8, expectedRps: 10_001 })).toContain('10001 req/s');
  });

  it('rejects a load it cannot compare, naming the field', () => {
    expect(() => capacityWarning(calibration, { maxInFlight: -1 })).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option: 'maxInFlight' }));
    expect(() => capacityWarning(calibration, { maxInFlight: 1.5 })).toThrow(/maxInFlight/);
    expect(() => capacityWarning(calibration, { maxInFlight: 1, expectedRps: Number.NaN })).toThrow(/expectedRps/);
  });

  it('law: warns about in-flight requests exactly when they exceed the safe concurrency', () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2048 }), fc.integer({ min: 0, max: 4096 }), (safeConcurrency, maxInFlight) => {
        const c = sampleCalibration({ safeConcurrency });
        const warning = capacityWarning(c, { maxInFlight });
        expect(warning !== undefined).toBe(maxInFlight > 0 && maxInFlight > safeConcurrency);
      }),
    ));
});
