import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/gate/compare.ts';
import { renderGateMarkdown, renderGateReport } from '../../src/gate/render.ts';
import { buildResults, DEFAULT_STRATEGIES } from './build-results.ts';

const regression = compareResults(buildResults(), buildResults({ plant: { strategy: 'bounded(4)', n: 40, factor: 2 }, verdicts: { concurrent: { class: 'linear' } } }));

describe('renderGateReport', () => {
  it('lays out one aligned row per point with the change and its interval', () => {
    const lines = renderGateReport(regression).split('\n');
    expect(lines[0]).toMatch(/^strategy\s+N\s+baseline ms\s+current ms\s+change\s+95% CI\s+detectable\s+decision$/);
    expect(lines).toContain('bounded(4)   40         1000        2000  +100.0%  [+100.0%, +100.0%]     ≥ 10.0%  REGRESSED');
    expect(lines).toContain('sequential   10         1000        1000     0.0%        [0.0%, 0.0%]     ≥ 10.0%  unchanged');
  });

  it('lists verdict changes and ends with a one-line summary', () => {
    const text = renderGateReport(regression);
    expect(text).toContain('concurrent: flat → linear (scaling class changed, worse: fails the gate; renew the baseline if this is intended)');
    expect(text.split('\n').at(-1)).toBe('REGRESSION: 1 of 9 points regressed, bounded(4) slower across its points, 1 scaling verdict changed class (threshold 10%, 95% intervals); exit 1.');
  });

  it('summarises a pass by decision counts, with the options used', () => {
    const report = compareResults(buildResults(), buildResults({ plant: { strategy: 'sequential', n: 10, factor: 0.5 } }), { threshold: 0.05, significanceLevel: 0.01 });
    const text = renderGateReport(report);
    expect(text).toContain('99% CI');
    expect(text.split('\n').at(-1)).toBe('PASS: no regression in 9 points (1 improved, 8 unchanged; threshold 5%, 99% intervals).');
  });

  it('shows an undecided point without an interval, and the reason for an unusable comparison', () => {
    const current = buildResults({ plant: { strategy: 'sequential', n: 40, runs: 2 } });
    const text = renderGateReport(compareResults(buildResults(), { ...current, settings: { ...current.settings, payload: 'realistic' } }));
    expect(text).toMatch(/sequential\s+40\s+4000\s+4000\s+0\.0%\s+n\/a\s+n\/a\s+too few runs \(5 vs 2\)/);
    expect(text).toContain('sequential: this comparison could not see a regression of any size at N = 40: too few runs for an interval (5 baseline vs 2 current runs).');
    expect(text).toContain('Not comparable:\n  - payload differs');
    expect(text.split('\n').at(-1)).toBe('UNUSABLE: the two runs are not comparable (1 reason above); exit 2.');
  });
});

describe('renderGateMarkdown', () => {
  it('starts with the status, has a GitHub table row per point and ends with the bold summary', () => {
    const lines = renderGateMarkdown(regression).trimEnd().split('\n');
    expect(lines[0]).toBe('### pokebench gate: REGRESSION');
    expect(lines.filter((l) => l.startsWith('| '))).toHaveLength(2 + regression.rows.length);
    expect(lines).toContain('| bounded(4) | 40 | 1000 | 2000 | +100.0% | [+100.0%, +100.0%] | ≥ 10.0% | **REGRESSED** |');
    expect(lines.at(-1)).toMatch(/^\*\*REGRESSION: 1 of 9 points regressed/);
  });

  it('escapes table pipes and Markdown emphasis in strategy names', () => {
    const strategies = [{ ...DEFAULT_STRATEGIES[0]!, name: 'a|b_c*' }];
    const md = renderGateMarkdown(compareResults(buildResults({ strategies }), buildResults({ strategies })));
    expect(md).toContain('| a\\|b\\_c\\* | 10 |');
  });
});
