import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { moduleArgs } from '../../mock-server/package-files/index.ts';
import { main } from '../../src/cli/main.ts';
import { flagsToConfig, gateFlags, maxInFlight } from '../../src/cli/commands/run.ts';
import { RERUN_DEFAULTS } from '../../src/gate/index.ts';
import { fakeIo } from './fake-io.ts';
import { RESULTS_VERSION, validateResults } from '../../src/results/index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-run-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pokebench run: flags', () => {
  it('maps flags to config, splitting lists but not inside parentheses', () => {
    expect(flagsToConfig({ strategies: 'sequential,bounded(4),workers', n: '1,10,100', repeats: '5', threshold: '15%' })).toEqual({
      strategies: ['sequential', 'bounded(4)', 'workers'],
      n: [1, 10, 100],
      repeats: 5,
      threshold: 0.15,
    });
  });

  it.each([
    [{ n: '1,x' }, '--n must list whole numbers'],
    [{ repeats: 'many' }, '--repeats must be a number'],
    [{ repeats: '0' }, '--repeats'],
    [{ client: 'axios' }, '--client'],
    [{ payload: 'huge' }, '--payload'],
    [{ url: 'ftp://x' }, '--url'],
    [{ timeout: '-5' }, '--timeout'],
  ])('rejects %j naming the flag', (values, message) => {
    expect(() => flagsToConfig(values)).toThrow(message);
  });

  it('reads the gate flags with their defaults, and names a bad one', () => {
    expect(gateFlags({})).toEqual({ maxReruns: RERUN_DEFAULTS.maxReruns, seconds: RERUN_DEFAULTS.seconds, allowInconclusive: false });
    expect(gateFlags({ 'max-reruns': '0', 'rerun-budget-s': '30', 'allow-inconclusive': true })).toEqual({ maxReruns: 0, seconds: 30, allowInconclusive: true });
    expect(() => gateFlags({ 'max-reruns': 'lots' })).toThrow('--max-reruns must be a whole number ≥ 0, got "lots".');
    expect(() => gateFlags({ 'rerun-budget-s': '-5' })).toThrow('--rerun-budget-s must be a whole number');
  });

  it('estimates the most requests in flight, for the calibration warning: N of a concurrent client, else the largest pool', () => {
    expect(maxInFlight({ strategies: ['sequential', 'concurrent'], n: [1, 400] })).toBe(400);
    expect(maxInFlight({ strategies: ['bounded(4)', 'workers(12)'], n: [1, 400] })).toBe(12);
    expect(maxInFlight({ strategies: ['bounded'], k: 7 })).toBe(7);
    expect(maxInFlight({ strategies: [], peers: ['py-asyncio'], n: [100] })).toBe(100);
  });

  it('exits 2 naming an unknown flag or strategy', async () => {
    const unknown = fakeIo();
    expect(await main(['run', '--repeat', '3'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain("'--repeat'");
    const bad = fakeIo();
    expect(await main(['run', '--strategies', 'sequential,turbo', '--out', dir], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('turbo');
  });

  it('a malformed --peers command line exits 2 at once, with no server left holding the process', async () => {
    const child = spawnSync(process.execPath, [...moduleArgs(import.meta.url, '../../src/cli/bin'), 'run', '--peers', "python3 'unterminated", '--out', dir], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('peer');
  });

  it('reads a config file and reports a bad setting with the file and the key', async () => {
    const file = path.join(dir, 'bad.config.json');
    await writeFile(file, JSON.stringify({ repeats: 2.5, colour: 'red' }));
    const f = fakeIo();
    expect(await main(['run', '--config', file], f.io)).toBe(2);
    expect(f.stderr()).toContain(file);
    expect(f.stderr()).toContain('repeats');
    expect(f.stderr()).toContain('colour');
  });
});

describe('pokebench run: end to end on a tiny ladder', () => {
  it('sweeps every strategy and writes every artefact', async () => {
    const out = path.join(dir, 'out');
    const summary = path.join(dir, 'step-summary.md');
    const f = fakeIo({ GITHUB_STEP_SUMMARY: summary });
    const code = await main(
      ['run', '--n', '1,4,8', '--sequential-n', '1,2,3', '--k', '2', '--repeats', '3', '--warmup', '0', '--out', out, '--seed', '3'],
      f.io,
    );
    expect(f.stderr()).not.toContain('Error');
    expect(code).toBe(0);

    // Progress, one line per step when not on a terminal.
    expect(f.stderr()).toMatch(/\[\s*1\/\d+\] sequential N=1 repeat 1\/3/);
    // The table and chart on stdout.
    for (const name of ['sequential', 'concurrent', 'bounded(2)', 'batched(2)', 'workers(2)']) expect(f.stdout()).toContain(name);

    const files = await readdir(out);
    for (const expected of ['results.json', 'report.html', 'summary.md', 'github-action-benchmark.json', 'bencher.json']) {
      expect(files).toContain(expected);
    }
    expect(files.filter((file) => file.endsWith('.svg')).length).toBeGreaterThanOrEqual(5);

    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    expect(results).toMatchObject({ schema: 'pokebench-results', version: RESULTS_VERSION });
    expect(() => validateResults(results, 'results.json')).not.toThrow();
    expect(results.settings.profile).toMatchObject({ name: 'fast-jitter-30ms', seed: 3 });
    expect(results.strategies).toHaveLength(5);
    for (const s of results.strategies) {
      for (const p of s.points) {
        const sum = Object.values(p.counts as Record<string, number>).reduce((a, b) => a + b, 0);
        expect(sum, `${s.name} N=${p.n}`).toBe(p.n * p.runs.length);
        expect(p.idealMs).toBeGreaterThan(0);
      }
    }
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(await readFile(summary, 'utf8')).toContain('concurrent');

    // The mock ran out of the measured process, said so, and reported its own CPU beside the client's.
    expect(f.stderr()).toContain('mock in a child process');
    expect(results.settings).toMatchObject({ mock: 'child', url: null });
    expect(html).toContain('mock in a child process of its own');
    for (const s of results.strategies) {
      for (const p of s.points) {
        for (const run of p.runs) {
          expect(run.serverCpuMs, `${s.name} N=${p.n}`).toBeGreaterThan(0);
          expect(run.serverLoopActiveMs, `${s.name} N=${p.n}`).toBeGreaterThan(0);
        }
        expect(p.model.serverRoofMs).toBeGreaterThan(0);
        expect(p.efficiency).toBeCloseTo(p.idealMs / p.medianMs, 12);
      }
    }
    expect(f.stdout()).toContain('CPU ms client / mock');
  });

  it('--mock in-process still runs, on the client\'s own event loop, and says so', async () => {
    const out = path.join(dir, 'in-process');
    const f = fakeIo();
    const code = await main(['run', '--mock', 'in-process', '--strategies', 'concurrent', '--n', '1,4,8', '--repeats', '3', '--warmup', '0', '--out', out], f.io);
    expect(f.stderr()).not.toContain('Error');
    expect(code).toBe(0);
    expect(f.stderr()).toContain('mock in this process');
    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    expect(results.settings.mock).toBe('in-process');
    for (const p of results.strategies[0].points) {
      const sum = Object.values(p.counts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(sum).toBe(p.n * p.runs.length);
      // Its work is on the client's loop: there is no separate mock CPU to read.
      expect(p.runs[0].serverCpuMs).toBeUndefined();
      expect(p.model.serverRoofMs).toBe(0);
    }
    expect(await readFile(path.join(out, 'summary.md'), 'utf8')).toContain('mock in-process');
  });

  it('rejects an unknown --mock, naming the flag', () => {
    expect(() => flagsToConfig({ mock: 'docker' })).toThrow('--mock');
  });

  it('under a faulty, capped profile: counts still sum to N, the injected faults are reported per kind, and the cap is in the model', async () => {
    const profile = path.join(dir, 'faulty-capped.json');
    await writeFile(
      profile,
      JSON.stringify({
        name: 'faulty-capped',
        seed: 4,
        delay: { type: 'fixed', ms: 5 },
        faults: [
          { kind: 'http-error', probability: 0.2 },
          { kind: 'reset', probability: 0.1 },
        ],
        concurrency: { max: 2 },
      }),
    );
    const out = path.join(dir, 'faulty');
    const f = fakeIo();
    const code = await main(['run', '--profile', profile, '--strategies', 'concurrent', '--n', '10,20', '--repeats', '2', '--warmup', '0', '--out', out], f.io);
    expect(f.stderr()).not.toContain('Error');
    expect(code).toBe(0);
    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    const [point] = results.strategies[0].points;
    const outcomes = Object.values(point.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(outcomes).toBe(point.n * point.runs.length);
    // Each injected http-error is one http-error outcome; each reset one network error.
    expect(point.faults['http-error'] ?? 0).toBe(point.counts['http-error']);
    expect(point.faults.reset ?? 0).toBe(point.counts['network-error']);
    // Capped at 2: ten requests of 5 ms take 5 rounds, not one (a reset applies no delay, so allow a few).
    expect(point.idealMs).toBeGreaterThanOrEqual(3 * 5);
    expect(f.stdout()).toMatch(/injected: /);
  });

  it('exits 2 with the cause when a strategy is invalid: every request lost to a server that is not there', async () => {
    const { createServer } = await import('node:net');
    // A port that was just free: nothing listens there once this server closes.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const out = path.join(dir, 'invalid');
    const f = fakeIo();
    const code = await main(['run', '--url', `http://127.0.0.1:${port}`, '--strategies', 'concurrent', '--n', '5,10', '--repeats', '1', '--warmup', '0', '--out', out], f.io);
    expect(code).toBe(2);
    expect(f.stderr()).toMatch(/concurrent is invalid: N = 5: 5 of 5 requests were lost.*5 × ECONNREFUSED: the server refused the connection.*Fix: /);
    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    expect(results.strategies[0].scaling.verdict).toEqual({ class: 'invalid' });
    expect(results.strategies[0].points[0].invalid).toMatch(/ECONNREFUSED/);
  });
});
