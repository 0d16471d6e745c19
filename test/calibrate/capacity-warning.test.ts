import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityWarning, RPS_WARNING_FRACTION } from '../../src/calibrate/capacity-warning.ts';
import { sampleCalibration, step } from './sample-calibration.ts';

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
