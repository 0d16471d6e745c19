import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile, parseProfile } from '../../mock-server/profile/index.ts';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from './fake-io.ts';

const FIXTURES = 'test/fixtures/fit';
const fixture = (name: string) => `${FIXTURES}/${name}`;

// The profile JSON printed after the table: from the first line that is just `{` to the end.
function printedProfile(stdout: string): unknown {
  const start = stdout.indexOf('\n{\n');
  return JSON.parse(stdout.slice(start + 1));
}

describe('pokebench profile fit', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pokebench-fit-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the fit table, then a profile JSON that parseProfile accepts', async () => {
    const f = fakeIo();
    expect(await main(['profile', 'fit', fixture('api-latency.csv')], f.io)).toBe(0);
    const out = f.stdout();
    expect(out).toContain(`Fitted 800 samples from ${fixture('api-latency.csv')} (column "latency_ms").`);
    for (const name of ['lognormal', 'exponential', 'pareto', 'mixture', 'empirical']) expect(out).toMatch(new RegExp(`^[* ] ${name} `, 'm'));
    expect(out).toMatch(/^\* mixture /m);
    const profile = parseProfile(printedProfile(out));
    expect(profile.name).toBe('fitted-api-latency');
    expect(profile.delay.type).toBe('mixture');
    expect(profile.description).toContain(`800 samples from ${fixture('api-latency.csv')}`);
  });

  it('with --out, writes a profile that loadProfile reads back, named after the file, and prints the table', async () => {
    const out = path.join(dir, 'prod-like.json');
    const f = fakeIo();
    expect(await main(['profile', 'fit', fixture('session.har'), '--out', out], f.io)).toBe(0);
    expect(f.stdout()).toContain('(timings.wait)');
    expect(f.stdout()).toContain(`Wrote ${out} (profile "prod-like")`);
    expect(f.stdout()).not.toContain('"delay"');
    const written = await loadProfile(out);
    expect(written.name).toBe('prod-like');
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(written);
  });

  it('reads the HAR total time with --har-field time, and names the profile with --name', async () => {
    const f = fakeIo();
    expect(await main(['profile', 'fit', fixture('session.har'), '--har-field', 'time', '--name', 'har-total'], f.io)).toBe(0);
    expect(f.stdout()).toContain('(time)');
    expect(parseProfile(printedProfile(f.stdout())).name).toBe('har-total');
  });

  it('prints a machine-readable report with --json: candidates, pick, criterion and the profile', async () => {
    const f = fakeIo();
    expect(await main(['profile', 'fit', fixture('latencies.json'), '--json'], f.io)).toBe(0);
    const report = JSON.parse(f.stdout());
    expect(report).toMatchObject({ source: fixture('latencies.json'), format: 'json', skipped: 0, out: null, observed: { n: 200 } });
    expect(report.candidates.map((c: { name: string }) => c.name)).toEqual(['lognormal', 'exponential', 'pareto', 'mixture', 'empirical']);
    expect(report.picked).toBe(report.profile.delay.type);
    expect(parseProfile(report.profile)).toEqual(report.profile);
  });

  it('skips and counts invalid values with --skip-invalid', async () => {
    const f = fakeIo();
    expect(await main(['profile', 'fit', fixture('bad-cell.csv'), '--skip-invalid'], f.io)).toBe(0);
    expect(f.stdout()).toContain('Skipped 2 invalid values (--skip-invalid).');
    expect(f.stdout()).toContain('Fitted 28 samples');
  });

  it.each([
    [[fixture('bad-cell.csv')], `Failed to read samples from ${fixture('bad-cell.csv')}: line 8, column "latency_ms": "n/a" is not a number`],
    [[fixture('too-few.csv')], `${fixture('too-few.csv')}: 12 valid latencies, need at least 20`],
    [[fixture('no-such.csv')], `Failed to read samples from ${fixture('no-such.csv')}: no such file.`],
    [[fixture('api-latency.csv'), '--column', 'elapsed'], '--column "elapsed" names no column; the columns are "request", "route", "latency_ms".'],
    [[fixture('api-latency.csv'), '--har-field', 'wait'], '--har-field applies to HAR files'],
    [[fixture('session.har'), '--har-field', 'ttfb'], '--har-field must be one of wait, time, got "ttfb"'],
    [[fixture('session.har'), '--max-ks', '2'], '--max-ks must be a number from 0 to 1'],
    [[fixture('session.har'), '--samples', '10'], "--samples applies to 'profile show' only"],
  ])('exits 2 for %j, naming the file or flag and the rule', async (args, message) => {
    const f = fakeIo();
    expect(await main(['profile', 'fit', ...args], f.io)).toBe(2);
    expect(f.stderr()).toContain(message);
    expect(f.stdout()).toBe('');
  });

  it('exits 2 when the profile cannot be written, naming the path', async () => {
    const f = fakeIo();
    const out = path.join(dir, 'missing-dir', 'x.json');
    expect(await main(['profile', 'fit', fixture('latencies.json'), '--out', out], f.io)).toBe(2);
    expect(f.stderr()).toContain(`Failed to write ${out}`);
  });

  it('rejects fit flags on list and show, and keeps list and show working', async () => {
    const wrong = fakeIo();
    expect(await main(['profile', 'show', 'fixed-100ms', '--json'], wrong.io)).toBe(2);
    expect(wrong.stderr()).toContain("--json applies to 'profile fit' only");
    const show = fakeIo();
    expect(await main(['profile', 'show', 'fixed-100ms', '--samples', '200'], show.io)).toBe(0);
    expect(show.stdout()).toContain('p99');
    const help = fakeIo();
    expect(await main(['profile', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('pokebench profile fit SAMPLES');
  });
});
