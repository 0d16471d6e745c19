import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile } from '../../mock-server/profile/index.ts';
import { fitEmpirical } from '../../src/fit/fit-empirical.ts';
import { quantileSorted } from '../../src/stats/index.ts';

const sorted = fc
  .array(fc.double({ min: 0, max: 5000, noNaN: true }).map((x) => x + 0), { minLength: 2, maxLength: 400 })
  .map((values) => values.toSorted((a, b) => a - b));

function percentilesOf(values: readonly number[]): Record<string, number> {
  const fit = fitEmpirical(values);
  if (fit.status !== 'fitted' || fit.dist.type !== 'empirical' || !fit.dist.percentiles) throw new Error('expected empirical percentiles');
  return fit.dist.percentiles;
}

describe('fitEmpirical', () => {
  it("reproduces the sample's type-7 percentiles to 0.01 ms at every point it keeps (law)", () =>
    fc.assert(
      fc.property(sorted, (values) => {
        const fit = fitEmpirical(values);
        if (fit.status !== 'fitted') throw new Error('expected a fit');
        for (const key of Object.keys(percentilesOf(values))) {
          const p = Number(key) / 100;
          expect(Math.abs(quantile(fit.dist, p) - quantileSorted(values, p))).toBeLessThanOrEqual(0.005 + 1e-9);
        }
      }),
    ));

  it('always keeps p0 (the min) and p100 (the max), so the schema accepts it', () =>
    fc.assert(
      fc.property(sorted, (values) => {
        const points = percentilesOf(values);
        expect(points['0']).toBe(Math.round((values[0] ?? 0) * 100) / 100);
        expect(points['100']).toBe(Math.round((values.at(-1) ?? 0) * 100) / 100);
      }),
    ));

  it('keeps a percentile only when the sample resolves it: p99.9 needs 1000 samples', () => {
    const ramp = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(Object.keys(percentilesOf(ramp(999)))).not.toContain('99.9');
    expect(Object.keys(percentilesOf(ramp(1000)))).toContain('99.9');
    expect(Object.keys(percentilesOf(ramp(20)))).toEqual(['0', '5', '10', '15', '20', '25', '30', '35', '40', '45', '50', '55', '60', '65', '70', '75', '80', '85', '90', '95', '100']);
  });
});
