import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseShardFlag, pickShard, shardOf } from '../../src/shard/pick-shard.ts';
import { mergeShards, type ShardFile } from '../../src/shard/merge-shards.ts';
import type { Results } from '../../src/results/types.ts';
import { fakeIo } from '../cli/fake-io.ts';

let dir: string;
const at = (...p: string[]) => path.join(dir, ...p);
const read = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Results;

// A tiny ladder with an exact 100 ms delay, so each verdict is clear on a loaded machine: the
// normalised slope divides the client's CPU per request (and the load's jitter) by the delay, and
// at 30 ms a loaded box's jitter alone once pushed concurrent's interval past the flat bound.
const SWEEP = ['--profile', 'PROFILE', '--strategies', 'sequential,concurrent,bounded(2)', '--sequential-n', '1,2,4,8', '--n', '1,4,8,16', '--repeats', '3', '--warmup', '0'];
const sweep = () => SWEEP.map((a) => (a === 'PROFILE' ? at('fixed-100ms.json') : a));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const f = fakeIo();
  const code = await main(argv, { ...f.io, cwd: dir });
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-shard-'));
  await writeFile(at('fixed-100ms.json'), JSON.stringify({ name: 'fixed-100ms', seed: 3, delay: { type: 'fixed', ms: 100 } }));
  for (const args of [['--out', 'whole'], ['--shard', '1/2', '--out', 'shards/a'], ['--shard', '2/2', '--out', 'shards/b']]) {
    const run = await cli(['run', ...sweep(), ...args]);
    expect(run.code, run.stderr).toBe(0);
  }
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('run --shard', () => {
  it('deals whole strategies round-robin in list order, peers after the strategies', () => {
    expect([0, 1, 2, 3, 4].map((p) => shardOf(p, 2))).toEqual([1, 2, 1, 2, 1]);
    expect(pickShard(['sequential', 'concurrent', 'bounded', 'py-sync'], { index: 2, count: 2 })).toEqual(['concurrent', 'py-sync']);
    expect(pickShard(['a', 'b'], undefined)).toEqual(['a', 'b']);
  });

  it.each(['0/2', '3/2', '1/0', 'two', '1/2/3'])('rejects --shard %s naming the flag and the form', (raw) => {
    expect(() => parseShardFlag(raw)).toThrow('--shard must be INDEX/COUNT');
  });

  it('writes the shard, the tool version, the settings and the machine into each shard\'s results', async () => {
    const a = await read(at('shards/a/results.json'));
    expect(a.shard).toEqual({ index: 1, count: 2 });
    expect(a.strategies.map((s) => s.name)).toEqual(['sequential', 'bounded(2)']);
    expect(a.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(a.machine.hostname).toEqual(expect.any(String));
    expect(a.settings.profile).toMatchObject({ name: 'fixed-100ms', seed: 3 });
  });
});

describe('pokebench merge', () => {
  it('gives the same strategies, points and verdict classes as one unsharded run, with each strategy\'s machine', async () => {
    const merged = await cli(['merge', 'shards', '--out', 'merged']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('Merged 2 shards');
    const whole = await read(at('whole/results.json'));
    const result = await read(at('merged/results.json'));
    const shape = (r: Results) => r.strategies.map((s) => ({ name: s.name, n: s.points.map((p) => p.n), counts: s.points.map((p) => p.counts), verdict: s.scaling.verdict }));
    // Clear classes on this ladder (an exact 100 ms delay), so agreeing is not agreeing on 'inconclusive'.
    expect(whole.strategies.map((s) => s.scaling.verdict)).toEqual([{ class: 'linear' }, { class: 'flat' }, { class: 'partial', k: 2 }]);
    expect(shape(result)).toEqual(shape(whole));
    expect(result.shard).toBeUndefined();
    expect(result.merged).toEqual({ shards: 2 });
    expect(result.strategies.every((s) => s.machine?.hostname !== undefined)).toBe(true);
    for (const name of ['report.html', 'summary.md']) expect(await readFile(at('merged', name), 'utf8')).toContain('2 shards: ');
    expect(merged.stdout).toContain('2 shards: ');
  }, 60_000);

  it('feeds the gate: compare reads merged results like any other', async () => {
    await cli(['merge', at('shards/a/results.json'), at('shards/b/results.json'), '--out', 'merged2']);
    const gate = await cli(['compare', at('whole/results.json'), at('merged2/results.json')]);
    expect([0, 1, 3]).toContain(gate.code); // pass, regression or undecided: read and compared, never unusable (2)
    for (const name of ['sequential', 'concurrent', 'bounded(2)']) expect(gate.stdout).toContain(name);
  }, 60_000);

  describe('refuses what is not one sweep, naming the files', () => {
    let a: Results;
    let b: Results;
    beforeAll(async () => {
      a = await read(at('shards/a/results.json'));
      b = await read(at('shards/b/results.json'));
    });
    const files = (...rs: Results[]): ShardFile[] => rs.map((results, i) => ({ file: `shard-${i}.json`, results }));

    it.each<[string, () => ShardFile[], RegExp]>([
      ['mixed versions', () => files(a, { ...b, tool: { ...b.tool, version: '9.9.9' } }), /mixed versions: shard-0\.json .*shard-1\.json .*9\.9\.9/],
      ['mixed profiles', () => files(a, { ...b, settings: { ...b.settings, profile: { ...b.settings.profile, seed: 4 } } }), /mixed profiles: shard-0\.json .*shard-1\.json/],
      ['mixed settings', () => files(a, { ...b, settings: { ...b.settings, repeats: 5 } }), /mixed settings: shard-0\.json .*shard-1\.json .*same options/],
      ['mixed shard counts', () => files(a, { ...b, shard: { index: 2, count: 3 } }), /mixed shard counts/],
      ['the same shard twice', () => files(a, a), /shard-0\.json and shard-1\.json are both shard 1\/2/],
      ['a missing shard', () => files(a), /shard 2 of 2 is missing \(have shard-0\.json = 1\/2\)/],
      ['overlapping strategies', () => files(a, { ...b, strategies: [...b.strategies, a.strategies[0]!] }), /strategy sequential is in both shard-0\.json and shard-1\.json/],
      ['a whole run', () => files(a, { ...b, shard: undefined }), /shard-1\.json is not a shard/],
      ['nothing', () => [], /no results files given/],
    ])('%s', (_name, make, message) => {
      expect(() => mergeShards(make())).toThrow(message);
    });

    it('on the command line: exit 2 with the message, and nothing written', async () => {
      const run = await cli(['merge', at('shards/a/results.json'), '--out', 'refused']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('shard 2 of 2 is missing');
      expect(run.stderr).toContain(path.join('shards', 'a', 'results.json'));
      await expect(readFile(at('refused', 'results.json'))).rejects.toMatchObject({ code: 'ENOENT' });
      expect((await cli(['merge', 'shards'])).stderr).toContain('--out DIR is required');
    });
  });
});
