/**
 * Vitest matchers for scaling, registered with `expect.extend` on import.
 *
 * @example
 * import 'pokebench/vitest';
 * const result = await measureScaling(concurrent(), { fetchOne, ns: [1, 50, 100, 200] });
 * expect(result).toStayFlat();
 * expect(result).toBeEfficient(0.8);
 *
 * A verdict comes from a confidence interval: `inconclusive` (the data cannot
 * tell) fails every scaling matcher with that reason, rather than passing or
 * failing on a guess. `measureScaling` adds repetitions before it says so.
 * `invalid` (a point lost requests to the machine, not to the profile) fails
 * every matcher, `.not` included, with the cause: those runs measured nothing.
 */
import { expect } from 'vitest';
import type { ScalingMeasurement } from '../sweep/index.ts';
import { PARTIAL_MARGIN } from '../scaling/index.ts';

interface ScalingMatchers<R = unknown> {
  /** Total time grows like sequential: normalised slope's interval above 0.85. */
  toScaleLinearly(): R;
  /** Total time stays nearly flat: normalised slope's interval below 0.15. */
  toStayFlat(): R;
  /** Total time grows like a pool of k: the slope's interval overlaps 1/k (± the pool margin) and excludes 0 and 1. */
  toScaleAsPoolOf(k: number): R;
  /** Every point's efficiency (the model's ideal / measured, the number `run` reports) is at least `min`. */
  toBeEfficient(min: number): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends ScalingMatchers<T> {}
}

function isMeasurement(value: unknown): value is ScalingMeasurement {
  return typeof value === 'object' && value !== null && 'analysis' in value && 'points' in value;
}

function describe(m: ScalingMeasurement): string {
  const { slope, interval, verdict } = m.analysis;
  return `${m.strategy}: slope s = ${slope.toFixed(3)} [${interval.low.toFixed(3)}, ${interval.high.toFixed(3)}], verdict ${verdict.label} (${verdict.reason})`;
}

/** The failure of any matcher on an invalid measurement: `pass` is chosen so that `.not` fails too. */
function invalidResult(m: ScalingMeasurement, want: string, isNot: boolean) {
  return {
    pass: isNot,
    message: () => `cannot tell whether ${m.strategy} ${want}: the measurement is invalid. ${m.analysis.verdict.reason}`,
  };
}

function verdictMatcher(received: unknown, ok: (m: ScalingMeasurement) => boolean, want: string, isNot: boolean) {
  if (!isMeasurement(received)) {
    return { pass: false, message: () => `expected a ScalingMeasurement (from measureScaling), got ${typeof received}` };
  }
  if (received.analysis.verdict.kind === 'invalid') return invalidResult(received, want, isNot);
  const pass = ok(received);
  return {
    pass,
    message: () =>
      received.verdict === 'inconclusive'
        ? `cannot tell whether ${received.strategy} ${want}: the verdict is inconclusive. ${describe(received)}`
        : `expected ${received.strategy} ${isNot ? 'not ' : ''}to ${want}; ${describe(received)}`,
  };
}

expect.extend({
  toScaleLinearly(received: unknown) {
    return verdictMatcher(received, (m) => m.analysis.verdict.kind === 'linear', 'scale linearly', this.isNot);
  },
  toStayFlat(received: unknown) {
    return verdictMatcher(received, (m) => m.analysis.verdict.kind === 'flat', 'stay flat', this.isNot);
  },
  toScaleAsPoolOf(received: unknown, k: number) {
    return verdictMatcher(
      received,
      (m) => {
        // The same rule as the verdict: the interval overlaps 1/k widened by the
        // margin a pool's per-request overhead needs (scaling/thresholds.ts).
        const { low, high } = m.analysis.interval;
        return m.analysis.verdict.kind === 'partial' && low <= (1 / k) * (1 + PARTIAL_MARGIN) && (1 / k) * (1 - PARTIAL_MARGIN) <= high;
      },
      `scale as a pool of ${k} (slope 1/${k} = ${(1 / k).toFixed(3)})`,
      this.isNot,
    );
  },
  toBeEfficient(received: unknown, min: number) {
    if (!isMeasurement(received)) {
      return { pass: false, message: () => `expected a ScalingMeasurement (from measureScaling), got ${typeof received}` };
    }
    if (received.analysis.verdict.kind === 'invalid') return invalidResult(received, `is at least ${min} efficient`, this.isNot);
    const worst = received.points.reduce((a, p) => (p.efficiency < a.efficiency ? p : a));
    return {
      pass: worst.efficiency >= min,
      message: () =>
        `expected ${received.strategy} ${this.isNot ? 'not ' : ''}to be at least ${min} efficient; worst point N=${worst.n}: model ideal ${worst.idealMs.toFixed(1)} ms / measured ${worst.medianMs.toFixed(1)} ms = ${worst.efficiency.toFixed(3)}${worst.model ? ` (${worst.model.binding} roof binds)` : ''}`,
    };
  },
});
