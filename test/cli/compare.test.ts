import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { buildResults } from '../gate/build-results.ts';
import { fakeIo } from './fake-io.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

let dir: string;
/** Absolute path of a file in the temp dir. */
const at = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-compare-'));
  // Two copies of one real results file: identical content, distinct paths.
  await copyFile(path.join(fixtures, 'results-fast-jitter-30ms.json'), at('jitter-a.json'));
  await copyFile(path.join(fixtures, 'results-fast-jitter-30ms.json'), at('jitter-b.json'));
  await copyFile(path.join(fixtures, 'results-small-ladder.json'), at('fixed-100ms.json'));
  // The same run with two of concurrent's runs at N = 800 lost: too few to decide that point.
  const short = JSON.parse(await readFile(at('jitter-b.json'), 'utf8')) as { strategies: { name: string; points: { n: number; runs: unknown[] }[] }[] };
  const point = short.strategies.find((s) => s.name === 'concurrent')!.points.find((p) => p.n === 800)!;
  point.runs = point.runs.slice(0, 2);
  await writeFile(at('jitter-short.json'), JSON.stringify(short));
  await writeFile(at('base.json'), JSON.stringify(buildResults({ noise: 0.05, seed: 1 })));
  await writeFile(at('slow.json'), JSON.stringify(buildResults({ noise: 0.05, seed: 2, plant: { strategy: 'concurrent', n: 160, factor: 2 } })));
  await writeFile(at('base-quiet.json'), JSON.stringify(buildResults({ noise: 0.02, seed: 3 })));
  await writeFile(at('mild.json'), JSON.stringify(buildResults({ noise: 0.02, seed: 4, plant: { strategy: 'concurrent', n: 160, factor: 1.3 } })));
  await writeFile(at('not-json.json'), '{ "schema": "pokebench-results", ');
  await writeFile(at('other-schema.json'), JSON.stringify({ schema: 'lighthouse-report', version: 1 }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function compare(...argv: string[]) {
  const f = fakeIo();
  const code = await main(['compare', ...argv], f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

describe('pokebench compare: exit codes', () => {
  it('exits 0 for two same-build files whose points are all decided', async () => {
    const { code, stdout } = await compare(at('base.json'), at('base-quiet.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('PASS: no regression');
    expect(stdout).not.toContain('REGRESSED');
  });

  it('exits 0 for two copies of a real, noisy run: points undecided alone are covered by their strategy, and the report says how far', async () => {
    const { code, stdout } = await compare(at('jitter-a.json'), at('jitter-b.json'));
    expect(code).toBe(0);
    expect(stdout).not.toContain('REGRESSED');
    expect(stdout).toMatch(/concurrent: this comparison could not see a regression smaller than \d+\.\d% at N = \d+ \(5 baseline vs 5 current runs\)/);
    expect(stdout).toMatch(/bounded\(4\): \d+ points? \(N = [\d, ]+\) undecided alone, but across its 6 points a slowdown of the whole strategy by more than 10% is ruled out/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^PASS: no regression in 29 points \(\d+ unchanged, \d+ inconclusive alone;/);
  });

  it('exits 3 when a point had too few runs to decide: no regression seen, but none could be ruled out there', async () => {
    const { code, stdout } = await compare(at('jitter-a.json'), at('jitter-short.json'));
    expect(code).toBe(3);
    expect(stdout).toMatch(/concurrent\s+800 .*too few runs \(5 vs 2\)/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^INCONCLUSIVE: no regression seen, but 1 of 29 points could not be decided.*exit 3/);
  });

  it('exits 0 with a warning for the same files under --allow-inconclusive', async () => {
    const { code, stdout } = await compare(at('jitter-a.json'), at('jitter-short.json'), '--allow-inconclusive');
    expect(code).toBe(0);
    expect(stdout).toMatch(/WARNING: undecided points passed only because of --allow-inconclusive/);
  });

  it('prints the report with each point\'s detectable effect as JSON under --json', async () => {
    const { code, stdout } = await compare(at('base.json'), at('slow.json'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { status: string; rows: { detectable: number | null }[]; power: { strategy: string; detectable: number | null }[] };
    expect(report.status).toBe('regression');
    expect(report.rows.every((r) => typeof r.detectable === 'number' && r.detectable >= 0.1)).toBe(true);
    expect(report.power.map((p) => p.strategy)).toEqual(['sequential', 'concurrent', 'bounded(4)']);
  });

  it('exits 1 for a planted 2x slowdown and prints the table with the regressed point', async () => {
    const { code, stdout } = await compare(at('base.json'), at('slow.json'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/strategy\s+N\s+baseline ms\s+current ms\s+change/);
    const regressed = stdout.split('\n').filter((line) => /^\S+\s+\d+\s.*REGRESSED/.test(line));
    expect(regressed).toHaveLength(1);
    expect(regressed[0]).toMatch(/^concurrent\s+160\s/);
    // One of its three points twice as slow moves the whole strategy by 2^(1/3): 26%.
    expect(stdout).toMatch(/ {2}concurrent: \+2\d\.\d% \[.*\] over 3 points; REGRESSED: the whole strategy is slower by more than 10\.0%/);
    expect(stdout).toContain('REGRESSION: 1 of 9 points regressed, concurrent slower across its points');
  });

  it.each([
    ['missing.json', 'no such file'],
    ['not-json.json', 'not JSON'],
    ['other-schema.json', 'schema must be "pokebench-results"'],
  ])('exits 2 for an unusable current file %s, naming the file and why', async (name, why) => {
    const { code, stderr, stdout } = await compare(at('jitter-a.json'), at(name));
    expect(code).toBe(2);
    expect(stderr).toContain(at(name));
    expect(stderr).toContain(why);
    expect(stdout).toBe('');
  });

  it('names the baseline too when it is the unreadable one', async () => {
    const { code, stderr } = await compare(at('missing.json'), at('jitter-a.json'));
    expect(code).toBe(2);
    expect(stderr).toContain(at('missing.json'));
  });

  it('exits 2 for runs under different profiles, saying which and how to fix it', async () => {
    const { code, stdout } = await compare(at('jitter-a.json'), at('fixed-100ms.json'));
    expect(code).toBe(2);
    expect(stdout).toContain('profile differs: "fast-jitter-30ms" in the baseline, "fixed-100ms" now');
    expect(stdout).toContain('--profile fast-jitter-30ms');
    expect(stdout).toContain('UNUSABLE');
  });
});

describe('pokebench compare: usage', () => {
  it.each([
    [['only-one.json'], 'expected BASELINE.json and CURRENT.json, got 1 file(s)'],
    [[], 'got 0 file(s)'],
    [['a.json', 'b.json', '--threshold', 'ten'], '--threshold must be a percentage below 100% like 10% (or a fraction below 1 like 0.1), got "ten"'],
    [['a.json', 'b.json', '--threshold', '0%'], '--threshold must be a percentage below 100% like 10% (or a fraction below 1 like 0.1), got "0%"'],
    [['a.json', 'b.json', '--threshold'], "'--threshold"],
    [['a.json', 'b.json', '--treshold', '5%'], "Unknown option '--treshold'"],
  ])('exits 2 for %j, naming the problem', async (argv, message) => {
    const { code, stderr } = await compare(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('checks --threshold before reading any file', async () => {
    const { code, stderr } = await compare(at('missing.json'), at('missing.json'), '--threshold', 'ten');
    expect(code).toBe(2);
    expect(stderr).toContain('--threshold');
    expect(stderr).not.toContain('no such file');
  });

  it('exits 2 for a --threshold of 100% or more, which leaves no room for an improvement', async () => {
    const { code, stderr } = await compare(at('base.json'), at('slow.json'), '--threshold', '150%');
    expect(code).toBe(2);
    expect(stderr).toContain('--threshold must be a percentage below 100%');
  });

  it('applies --threshold: a 1.3x slowdown regresses at 10% (the default) and 20%, not at 50%', async () => {
    // Noise ±2%: the interval lies within [1.3 × 0.98/1.02, 1.3 × 1.02/0.98] = [1.25, 1.35] whatever the seed.
    const byDefault = await compare(at('base-quiet.json'), at('mild.json'));
    const at20 = await compare(at('base-quiet.json'), at('mild.json'), '--threshold', '20%');
    const at50 = await compare(at('base-quiet.json'), at('mild.json'), '--threshold', '0.5');
    expect([byDefault.code, at20.code, at50.code]).toEqual([1, 1, 0]);
    expect(byDefault.stdout).toContain('threshold 10%');
    expect(at20.stdout).toContain('threshold 20%');
    expect(at50.stdout).toContain('threshold 50%');
  });

  it('prints its help and exits 0', async () => {
    const { code, stdout } = await compare('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: pokebench compare BASELINE.json CURRENT.json');
  });
});

describe('pokebench compare: Markdown and the CI job summary', () => {
  it('prints a Markdown table with --markdown', async () => {
    const { code, stdout } = await compare(at('base.json'), at('slow.json'), '--markdown');
    expect(code).toBe(1);
    expect(stdout).toContain('### pokebench gate: REGRESSION');
    expect(stdout).toContain('| strategy | N | baseline ms | current ms | change | 95% CI | detectable | decision |');
    expect(stdout).toContain('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    expect(stdout).toMatch(/^\| concurrent \| 160 \|.*\| \*\*REGRESSED\*\* \|$/m);
  });

  it('appends the Markdown report to $GITHUB_STEP_SUMMARY, keeping what was there', async () => {
    const summary = at('step-summary.md');
    await writeFile(summary, '## earlier step\n');
    const f = fakeIo({ GITHUB_STEP_SUMMARY: summary });
    expect(await main(['compare', at('base.json'), at('slow.json')], f.io)).toBe(1);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('## earlier step\n### pokebench gate: REGRESSION')).toBe(true);
    expect(text).toContain('**REGRESSED**');
    // The terminal still gets the plain table.
    expect(f.stdout()).not.toContain('### pokebench gate');
  });
});

describe('pokebench baseline save', () => {
  it('copies a valid results file byte for byte and exits 0', async () => {
    const to = at('saved-baseline.json');
    const f = fakeIo();
    expect(await main(['baseline', 'save', '--from', at('jitter-a.json'), '--to', to], f.io)).toBe(0);
    expect(await readFile(to, 'utf8')).toBe(await readFile(at('jitter-a.json'), 'utf8'));
    expect(f.stdout()).toContain('Saved baseline');
    expect(f.stdout()).toContain('5 strategies');
  });

  it('reads pokebench-results/results.json and writes pokebench-baseline.json in the working directory by default', async () => {
    const cwd = await mkdtemp(path.join(dir, 'cwd-'));
    await mkdir(path.join(cwd, 'pokebench-results'));
    await copyFile(at('base.json'), path.join(cwd, 'pokebench-results', 'results.json'));
    const f = fakeIo();
    expect(await main(['baseline', 'save'], { ...f.io, cwd })).toBe(0);
    expect(await readFile(path.join(cwd, 'pokebench-baseline.json'), 'utf8')).toBe(await readFile(at('base.json'), 'utf8'));
  });

  it.each([['not-json.json'], ['other-schema.json'], ['missing.json']])('refuses %s with exit 2, naming it, and writes nothing', async (name) => {
    const to = at(`refused-${name}`);
    const f = fakeIo();
    expect(await main(['baseline', 'save', '--from', at(name), '--to', to], f.io)).toBe(2);
    expect(f.stderr()).toContain(at(name));
    expect(existsSync(to)).toBe(false);
  });

  it("exits 2 without 'save'", async () => {
    const f = fakeIo();
    expect(await main(['baseline', 'keep'], f.io)).toBe(2);
    expect(f.stderr()).toContain("expected 'save', got \"keep\"");
  });
});
