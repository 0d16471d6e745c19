// The matchers on an invalid measurement: every one fails, `.not` included, with the cause.
import { describe, expect, it } from 'vitest';
import '../../src/vitest/matchers.ts';
import type { ScalingMeasurement } from '../../src/sweep/measure-scaling.ts';

const CAUSE = 'N = 400: 120 of 1200 requests were lost beyond the faults the profile injected. 120 × EMFILE: the process ran out of file descriptors';

function measurement(verdict: ScalingMeasurement['analysis']['verdict']): ScalingMeasurement {
  const point = (n: number) => ({ n, times: [100, 101, 102], medianMs: 101, idealMs: 100, efficiency: 0.99, cpuPerRequestMs: 0.1, failed: 0 });
  return {
    strategy: 'concurrent',
    kind: 'concurrent',
    k: undefined,
    points: [point(100), point(200), point(400)],
    meanLatencyMs: 100,
    analysis: {
      medians: [], interceptMs: 100, slopeMs: 0, slope: 0.001, r2: 0,
      interval: { low: -0.01, high: 0.01 }, confidence: 0.95, resamples: 100, seed: 1, verdict,
    },
    verdict: verdict.label,
    efficiency: 0.99,
  };
}

describe('scaling matchers on an invalid measurement', () => {
  const invalid = measurement({ kind: 'invalid', label: 'invalid', reason: CAUSE });

  it.each([
    ['toStayFlat', () => expect(invalid).toStayFlat()],
    ['not.toStayFlat', () => expect(invalid).not.toStayFlat()],
    ['toScaleLinearly', () => expect(invalid).toScaleLinearly()],
    ['not.toScaleLinearly', () => expect(invalid).not.toScaleLinearly()],
    ['toScaleAsPoolOf', () => expect(invalid).toScaleAsPoolOf(4)],
    ['toBeEfficient', () => expect(invalid).toBeEfficient(0.5)],
    ['not.toBeEfficient', () => expect(invalid).not.toBeEfficient(0.5)],
  ])('%s fails with the cause', (_name, assertion) => {
    expect(assertion).toThrow(/the measurement is invalid\. N = 400: .*EMFILE/);
  });

  it('the same numbers with a valid verdict pass (the invalid verdict alone fails them)', () => {
    const flat = measurement({ kind: 'flat', label: 'flat', reason: 'slope interval lies within (-0.15, 0.15)' });
    expect(flat).toStayFlat();
    expect(flat).toBeEfficient(0.5);
    expect(flat).not.toScaleLinearly();
  });
});
