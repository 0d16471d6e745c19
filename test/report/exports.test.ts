import { describe, expect, it } from 'vitest';
import { benchmarkName, toBencherMetricFormat, toGithubActionBenchmark } from '../../src/report/exports.ts';
import { FIXTURE_NAMES, loadFixture } from './fixtures.ts';

describe('toGithubActionBenchmark', () => {
  it.each(FIXTURE_NAMES)('has one ms entry per strategy × N of results-%s.json, valued at the median', (name) => {
    const results = loadFixture(name);
    const entries = toGithubActionBenchmark(results);
    const expected = results.strategies.flatMap((s) => s.points.map((p) => ({ name: `${s.name} N=${p.n}`, unit: 'ms', value: p.medianMs })));
    expect(entries.map(({ name: n, unit, value }) => ({ name: n, unit, value }))).toEqual(expected);
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
  });

  it('is the customSmallerIsBetter shape: name, unit, value, and string range and extra', () => {
    for (const entry of toGithubActionBenchmark(loadFixture('flaky-realistic'))) {
      expect(Object.keys(entry).toSorted()).toEqual(['extra', 'name', 'range', 'unit', 'value']);
      expect(entry.range).toMatch(/^± [\d.]+$/);
      expect(entry.extra).toMatch(/^ideal .+\nefficiency .+\n\d+ repetitions, .+\noutcomes .+$/);
    }
    expect(JSON.parse(JSON.stringify(toGithubActionBenchmark(loadFixture('small-ladder'))))[0]).toEqual(
      expect.objectContaining({ name: 'sequential N=1', unit: 'ms' }),
    );
  });
});

describe('toBencherMetricFormat', () => {
  it.each(FIXTURE_NAMES)('has one latency metric per strategy × N of results-%s.json, in ns', (name) => {
    const results = loadFixture(name);
    const bmf = toBencherMetricFormat(results);
    const points = results.strategies.flatMap((s) => s.points.map((p) => ({ key: benchmarkName(s.name, p.n), p })));
    expect(Object.keys(bmf)).toEqual(points.map(({ key }) => key));
    for (const { key, p } of points) {
      expect(bmf[key]).toEqual({
        latency: { value: Math.round(p.medianMs * 1e6), lower_value: Math.round(p.minMs * 1e6), upper_value: Math.round(p.maxMs * 1e6) },
      });
      const { value, lower_value: low = Number.NaN, upper_value: high = Number.NaN } = bmf[key]?.latency ?? { value: Number.NaN };
      expect(low).toBeLessThanOrEqual(value);
      expect(value).toBeLessThanOrEqual(high);
      expect(Number.isInteger(value)).toBe(true);
    }
  });

  it('names benchmarks as the github-action-benchmark export does', () => {
    const results = loadFixture('fast-jitter-30ms');
    expect(Object.keys(toBencherMetricFormat(results))).toEqual(toGithubActionBenchmark(results).map((e) => e.name));
    expect(benchmarkName('concurrent', 400)).toBe('concurrent N=400');
  });
});
