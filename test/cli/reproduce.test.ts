import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from './fake-io.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-reproduce-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pokebench reproduce', () => {
  it('rejects bad input naming the flag, before measuring anything', async () => {
    for (const [argv, flag] of [
      [['--cores-like', '4,x'], '--cores-like'],
      [['--quick', '--thorough'], '--thorough'],
      [['--payloads', 'huge'], '--payloads'],
      [['--n', '0,10'], '--n'],
      [['--repeats', 'x'], '--repeats'],
      [['--bogus'], "'--bogus'"],
    ] as const) {
      const f = fakeIo();
      expect(await main(['reproduce', ...argv, '--out', dir], f.io)).toBe(2);
      expect(f.stderr()).toContain(flag);
    }
  });

  it('end to end on a short ladder: every client and payload, the claims, the roofline, the knobs, and the files', async () => {
    const out = path.join(dir, 'short');
    const f = fakeIo();
    const argv = ['reproduce', '--quick', '--profile', 'fast-jitter-30ms', '--n', '10,20', '--sequential-n', '2,4', '--repeats', '1', '--cores-like', '4', '--out', out];
    expect(await main(argv, f.io)).toBe(0);
    const report = JSON.parse(await readFile(path.join(out, 'reproduce.json'), 'utf8'));
    expect(report.payloads.map((p: { payload: string }) => p.payload)).toEqual(['slim', 'realistic']);
    for (const { results, roofline } of report.payloads) {
      const names = results.strategies.map((s: { name: string }) => s.name);
      expect(names).toEqual(expect.arrayContaining(['sequential', 'concurrent']));
      // Every client that ran has a roofline row per N, and nothing was lost at any point.
      for (const s of results.strategies) {
        for (const p of s.points) {
          const sum = Object.values(p.counts as Record<string, number>).reduce((a, b) => a + b, 0);
          expect(sum, `${s.name} N=${p.n}`).toBe(p.n * p.runs.length);
          const row = roofline.find((r: { client: string; n: number }) => r.client === s.name && r.n === p.n);
          // The model's ideal is the point's own, never below a roof.
          expect(row.idealMs).toBe(p.idealMs);
          expect(row.idealMs).toBeGreaterThanOrEqual(Math.max(row.waitRoofMs, row.cpuRoofMs, row.serverRoofMs));
        }
      }
    }
    expect(report.claims.map((c: { id: string }) => c.id)).toEqual(['speedup', 'asyncio-linear', 'go-flat']);
    // The cores table: this machine's row and the emulated ones, each with the pool Python would pick.
    const cores = report.cores as { rows: { cores: number; workers: number; measuredSpeedup: number }[] };
    expect(cores.rows.map((r) => r.cores)).toEqual([...new Set([4, report.machine.cpus])].toSorted((a, b) => a - b));
    for (const r of cores.rows) {
      expect(r.workers).toBe(Math.min(32, r.cores + 4));
      expect(r.measuredSpeedup).toBeGreaterThan(0);
    }
    expect(report.capSweep.kind).toBe('ok');
    expect(report.capSweep.rows.map((r: { setting: number | null }) => r.setting)).toEqual([4, null]);
    // A cap of 4 on 20 requests: at least 5 rounds of the delay, in the model and on the clock.
    const capped = report.capSweep.rows[0];
    expect(capped.waitRoofMs).toBeGreaterThanOrEqual(5 * 24);
    expect(capped.measuredMs).toBeGreaterThanOrEqual(capped.waitRoofMs - 3);
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(['reproduce.md', 'reproduce.html', 'reproduce.json', 'chart-pool-size.svg', 'chart-server-cap.svg', 'slim', 'realistic']));
    expect(await readdir(path.join(out, 'slim'))).toContain('report.html');
    const html = await readFile(path.join(out, 'reproduce.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(f.stdout()).toContain('## Results');
    expect(f.stdout()).toContain('### The blog\'s machine, emulated');
    expect(f.stdout()).toContain('**How to rerun.** `npx pokebench reproduce --quick --profile fast-jitter-30ms --n 10,20 --sequential-n 2,4 --repeats 1 --cores-like 4`');
    expect(f.stdout()).toContain('## Why: the model, measured');
    // The mock ran in a process of its own and reported its CPU.
    for (const { results } of report.payloads) {
      expect(results.settings.mock).toBe('child');
      expect(results.strategies[0].points[0].runs[0].serverCpuMs).toBeGreaterThan(0);
    }
    // Three mock processes (one per payload, one for the knobs), every peer and three knob sweeps: more than the unit default.
  }, 120_000);
});
