/** Tests of src/fit/render.ts. */
import { describe, expect, it } from 'vitest';
import { describeParameters, renderFitReport } from '../../src/fit/render.ts';
import { fitSamples } from '../../src/fit/select.ts';
import { draws } from './draws.ts';

// ── render-fit ──────────────────────────────────────────

describe('renderFitReport', () => {
  const report = fitSamples(draws({ type: 'lognormal', median: 90, sigma: 0.5 }, 300, 21), { source: 'prod.csv', what: 'column "ms"' });
  const text = renderFitReport(report);
  const rows = text.split('\n').filter((line) => /^[* ] (lognormal|exponential|pareto|mixture|empirical) /.test(line));

  it('has one row per candidate, the pick marked with *, its KS distance and four percentile cells', () => {
    expect(rows.map((row) => row.slice(2).split(/\s+/)[0])).toEqual(['lognormal', 'exponential', 'pareto', 'mixture', 'empirical']);
    expect(rows.filter((row) => row.startsWith('*'))).toHaveLength(1);
    const picked = rows.find((row) => row.startsWith('*')) ?? '';
    expect(picked).toContain(`* ${report.picked}`);
    const candidate = report.candidates.find((c) => c.name === report.picked);
    if (candidate?.status !== 'fitted') throw new Error('the pick was fitted');
    expect(picked).toContain(candidate.ks.toFixed(4));
    expect(picked.match(/\([+-]\d+\.\d%\)/g)).toHaveLength(4);
  });

  it('names the source, the observed percentiles, the pick with its reason, and the criterion', () => {
    expect(text).toContain('Fitted 300 samples from prod.csv (column "ms").');
    expect(text).toMatch(/observed: p50 [\d.]+, p90 [\d.]+, p99 [\d.]+, p99\.9 [\d.]+/);
    expect(text).toContain(`picked: ${report.picked}, ${report.reason}.`);
    expect(text).toContain('criterion: KS distance');
  });

  it('shows a skipped candidate with its reason', () => {
    const withZero = fitSamples([0, ...draws({ type: 'exponential', mean: 20 }, 40, 3)]);
    expect(renderFitReport(withZero)).toMatch(/lognormal +— +skipped: a sample is 0 ms/);
  });
});

describe('describeParameters', () => {
  it('states each family in a few words', () => {
    expect(describeParameters({ type: 'lognormal', median: 90, sigma: 0.7 })).toBe('median 90 ms, sigma 0.7');
    expect(describeParameters({ type: 'exponential', mean: 40 })).toBe('mean 40 ms, shift 0 ms');
    expect(describeParameters({ type: 'pareto', scale: 10, alpha: 1.5, shift: 5 })).toBe('scale 10 ms, alpha 1.5, shift 5 ms');
    expect(
      describeParameters({
        type: 'mixture',
        components: [
          { weight: 3, dist: { type: 'lognormal', median: 20, sigma: 0.2 } },
          { weight: 1, dist: { type: 'lognormal', median: 400, sigma: 0.1 } },
        ],
      }),
    ).toBe('75% lognormal(median 20 ms, sigma 0.2) + 25% lognormal(median 400 ms, sigma 0.1)');
    expect(describeParameters({ type: 'empirical', percentiles: { '100': 9, '0': 1, '50': 4 } })).toBe('3 percentiles, p0 1 .. p100 9 ms');
  });
});
