/**
 * `pokebench calibrate --quick` end to end on the wall clock: the mock and a
 * bare node:http server in a child process, autocannon here. One run covers
 * capacity at zero delay (always on `instant`), fidelity to `fixed-100ms` at
 * a low load, and the safe-concurrency ladder, and checks the saved file.
 * Margins are meant to hold on a loaded 2-core machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalibration, readCalibration, type Calibration } from '../../src/calibrate/index.ts';
import { calibrate } from '../../src/cli/commands/calibrate.ts';
import { fakeIo } from '../cli/fake-io.ts';

let dir: string;
let calibration: Calibration;
let exitCode: number;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-calibrate-perf-'));
  const run = fakeIo();
  // Low load for fidelity: 4 connections, so a 100 ms delay is judged, not the machine.
  exitCode = await calibrate(['--quick', '--profile', 'fixed-100ms', '--connections', '4', '--out', dir, '--json'], run.io);
  stdout = run.stdout();
  stderr = run.stderr();
  const saved = await readCalibration(dir);
  if (!saved) throw new Error(`no calibration.json in ${dir}; stderr:\n${stderr}`);
  calibration = saved;
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pokebench calibrate --quick', () => {
  it('prints the saved calibration as JSON and one progress line per step', () => {
    expect(exitCode).toBe(0);
    expect(parseCalibration(JSON.parse(stdout), 'stdout')).toEqual(calibration);
    expect(calibration).toMatchObject({ quick: true, profile: 'fixed-100ms', payload: 'slim' });
    expect(calibration.machine.cpus).toBeGreaterThanOrEqual(1);
    expect(stderr).toMatch(/capacity: round 3\/3/);
    expect(stderr).toMatch(/fidelity: \d+ responses/);
    expect(stderr).toMatch(/concurrency: 1 connection:/);
  });

  it('(a) measures the mock at zero delay at a real rate, not far behind the bare server', () => {
    const { capacity } = calibration;
    expect(capacity.rounds).toHaveLength(3);
    expect(capacity.bytes).toBeGreaterThan(1000);
    for (const round of capacity.rounds) expect(round.mock.errors + round.bare.errors, `round ${round.round}`).toBe(0);
    expect(capacity.mock.rps).toBeGreaterThan(2000);
    expect(capacity.bare.rps).toBeGreaterThan(2000);
    expect(capacity.ratio).toBeGreaterThan(0.5);
    expect(capacity.ratio).toBeLessThan(2);
  });

  it('(b) holds fixed-100ms at low load: p50 within a few ms of 100, the server applying exactly 100', () => {
    const { fidelity } = calibration;
    const p50 = fidelity.rows.find((r) => r.label === 'p50');
    expect(p50?.theoryMs).toBe(100);
    // A timer can fire a hair early (libuv's cached clock), never by a whole ms.
    expect(p50?.observedMs).toBeGreaterThanOrEqual(99);
    expect(p50?.observedMs).toBeLessThanOrEqual(104);
    for (const row of fidelity.rows) expect(row.serverMs, row.label).toBe(100);
    expect(fidelity.counts).toMatchObject({ non2xx: 0, errors: 0, timeouts: 0 });
    expect(fidelity.counts.measured).toBeGreaterThanOrEqual(30);
    expect(fidelity.caveats).toEqual([]);
    // The verdict itself is a property of the rows (test/calibrate/fidelity.test.ts); here only
    // that it follows them: its p99 judgement on a saturated 2-core box is the box's, not the mock's.
    expect(fidelity.verdict === 'faithful').toBe(fidelity.rows.filter((r) => r.judged).every((r) => r.within));
  });

  it('(c) climbs the ladder on a fixed 50 ms delay and stops at the first failing rung', () => {
    const { concurrency } = calibration;
    const first = concurrency.steps[0];
    expect(first?.connections).toBe(1);
    // The ladder's inline profile was applied: one connection sees ~50 ms, not 100 (fidelity's) or 0.
    expect(first?.p50Ms).toBeGreaterThanOrEqual(49);
    expect(first?.p50Ms).toBeLessThanOrEqual(55);
    expect(concurrency.steps.slice(0, -1).every((s) => s.pass)).toBe(true);
    const last = concurrency.steps.at(-1);
    expect(concurrency.limitFound).toBe(last?.pass === false);
    expect(concurrency.safeConcurrency).toBe(concurrency.limitFound ? (concurrency.steps.at(-2)?.connections ?? 0) : last?.connections);
  });
});
