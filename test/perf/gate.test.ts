/**
 * The real gate end to end: `pokebench run --baseline` on a fixed-delay
 * profile, with a planted slower strategy under the same name through the
 * sweep's internal seam. Shape-based: a same build passes, a 2× slower client
 * fails after its confirming rerun, a slowdown the rerun does not show
 * passes, and an undecided point brings more repetitions. In the perf
 * project: its verdicts rest on wall-clock noise, which files running side by
 * side in the unit project would add (measured there under a load average of
 * 17: every point inconclusive).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runWith } from '../../src/cli/commands/run.ts';
import { regressedStrategies, type GateReport } from '../../src/gate/index.ts';
import type { Strategy } from '../../src/types/index.ts';
import { slowedStrategy } from '../../src/sweep/slowed-strategy.ts';
import { fakeIo } from '../cli/fake-io.ts';

let dir: string;
let profile: string;
let baseline: string;

// bounded(2) over N = 2, 4, 8 at a fixed 60 ms: 60, 120 and 240 ms per run, all
// wait-bound. A loaded 2-core box (load average 9 measured while writing this)
// still throws the odd run 1.5-2× long, so the threshold is 50%: wide enough
// that a same build is decided `unchanged`, while the planted 2× slowdown
// (+100%) clears it by far.
const sweep = (out: string, ...extra: string[]): string[] => [
  '--profile', profile, '--strategies', 'bounded(2)', '--n', '2,4,8', '--repeats', '5', '--warmup', '1', '--threshold', '50%', '--out', path.join(dir, out), ...extra,
];

/** Runs `pokebench run` with a seam that hands out `plan(sweep index)`'s slowdown of the strategy, counting sweeps. */
async function gate(out: string, plan: (sweepIndex: number) => number, ...extra: string[]) {
  const f = fakeIo();
  let sweeps = 0;
  const code = await runWith(sweep(out, '--baseline', baseline, ...extra), f.io, {
    strategyOverride: (s: Strategy) => slowedStrategy(s, plan(sweeps++)),
  });
  const report = JSON.parse(await readFile(path.join(dir, out, 'compare.json'), 'utf8')) as GateReport;
  return { code, sweeps, report, stdout: f.stdout(), stderr: f.stderr() };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-gate-e2e-'));
  profile = path.join(dir, 'fixed-60ms.json');
  await writeFile(profile, JSON.stringify({ name: 'fixed-60ms', seed: 1, delay: { type: 'fixed', ms: 60 } }));
  const f = fakeIo();
  expect(await runWith(sweep('baseline'), f.io, {})).toBe(0);
  baseline = path.join(dir, 'baseline', 'results.json');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pokebench run --baseline: the real gate', () => {
  it('exits 0 for the same build, saying what it could have seen', async () => {
    const { code, sweeps, report, stdout, stderr } = await gate('same', () => 0);
    expect(code).toBe(0);
    expect(report.status).toBe('pass');
    expect(report.rows.map((r) => r.decision)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // A busy box may leave a point open on the first pass: then repetitions were added, never a confirming rerun.
    expect(stderr).not.toContain('confirming');
    expect(report.rows.every((r) => r.currentRuns === 5 * sweeps)).toBe(true);
    // Its power is stated: never below the threshold, which the gate ignores by design.
    expect(report.power).toHaveLength(1);
    expect(report.power[0]!.detectable).toBeGreaterThanOrEqual(0.5);
    expect(stdout).toMatch(/bounded\(2\): this comparison could not see a regression smaller than \d+\.\d% at N = \d/);
    // The same words end summary.md, next to the run's own summary.
    const summary = await readFile(path.join(dir, 'same', 'summary.md'), 'utf8');
    expect(summary).toMatch(/### pokebench gate: PASS[\s\S]*bounded\(2\): this comparison could not see a regression smaller than/);
  });

  it('exits 1 for a client 2× slower under the same name, after the confirming rerun', async () => {
    const { code, sweeps, report, stderr, stdout } = await gate('slow', () => 1);
    expect(code).toBe(1);
    expect(sweeps).toBe(2);
    expect(stderr).toContain('regression in bounded(2); confirming with one rerun of it');
    expect(report.status).toBe('regression');
    // Twice the time per request also reads as slope 1: a point regressed, or the class changed (partial(1/2) → linear), or both.
    expect(regressedStrategies(report)).toEqual(['bounded(2)']);
    expect(stdout).toMatch(/Rerun of bounded\(2\):/);
  });

  it('exits 0 when the rerun does not reproduce the regression', async () => {
    const { code, sweeps, stdout } = await gate('flake', (i) => (i === 0 ? 1 : 0));
    expect(code).toBe(0);
    // The confirming rerun, and possibly a round of repetitions if the noise left a point open.
    expect(sweeps).toBeGreaterThanOrEqual(2);
    expect(stdout).toContain('The regression did not reproduce on the rerun: treated as noise.');
  });

  it('adds repetitions to an undecided point instead of passing, within --max-reruns', async () => {
    // Two runs a point is too few to decide: the gate must add a sweep's
    // repetitions (pooled: 2 more runs a point per round, at most 2 rounds) rather than pass.
    const { code, sweeps, report, stderr } = await gate('open', () => 0, '--repeats', '2', '--max-reruns', '2');
    expect(stderr).toContain('undecided points in bounded(2); adding 2 repetitions per point');
    expect(sweeps).toBeGreaterThanOrEqual(2);
    expect(sweeps).toBeLessThanOrEqual(3);
    expect(report.rows.every((r) => r.currentRuns === 2 * sweeps)).toBe(true);
    expect(code).toBe(report.exitCode);
    expect([0, 3]).toContain(code);
  });

  it('exits 3 with the reason when the budget allows no rerun, and 0 with a warning under --allow-inconclusive', async () => {
    const strict = await gate('closed', () => 0, '--repeats', '2', '--max-reruns', '0');
    expect(strict.code).toBe(3);
    expect(strict.sweeps).toBe(1);
    expect(strict.stdout).toMatch(/still undecided after 0 reruns: the rerun budget ran out at its 0 reruns \(--max-reruns\)/);
    expect(strict.stdout).toMatch(/INCONCLUSIVE: no regression seen, but 3 of 3 points could not be decided/);
    const lenient = await gate('lenient', () => 0, '--repeats', '2', '--max-reruns', '0', '--allow-inconclusive');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('WARNING: undecided points passed only because of --allow-inconclusive');
  });
});
