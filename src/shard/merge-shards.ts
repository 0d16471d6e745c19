/**
 * Shards in, one run out: the results of `run --shard i/n` from n machines
 * merged into the results one machine would have written, each strategy
 * carrying the machine that measured it. Refuses what is not one sweep:
 * mixed versions, profiles or settings, a shard twice, a strategy in two
 * shards, a shard missing. Every refusal names the files.
 */
import { MergeRefusedError } from '../../mock-server/errors/index.ts';
import type { Results, RunSettings } from '../results/index.ts';

export { MergeRefusedError };

/** One shard's results and the file they came from. */
export interface ShardFile {
  file: string;
  results: Results;
}

/** The settings every shard must share (ladders are per strategy, so each shard has its own). */
function sharedSettings(settings: RunSettings): unknown {
  const { ladders: _ladders, target: _target, ...rest } = settings;
  return rest;
}

/** Requires `key(results)` to be the same in every file; else names each file with its value. */
function requireSame(files: readonly ShardFile[], what: string, fix: string, key: (r: Results) => unknown): void {
  const values = files.map((f) => JSON.stringify(key(f.results)));
  if (values.every((v) => v === values[0])) return;
  const listed = files.map((f, i) => `${f.file} (${values[i]!.length > 120 ? `${values[i]!.slice(0, 117)}...` : values[i]})`).join(', ');
  throw new MergeRefusedError(`Failed to merge: the shards have mixed ${what}: ${listed}. ${fix}`);
}

/**
 * Merges the shards of one sweep.
 *
 * @throws MergeRefusedError naming the files, when they are not the complete, disjoint shards of one sweep.
 * @example
 * const merged = mergeShards([{ file: 'a/results.json', results: a }, { file: 'b/results.json', results: b }]);
 */
export function mergeShards(files: readonly ShardFile[]): Results {
  if (files.length === 0) throw new MergeRefusedError('Failed to merge: no results files given. Pass the results.json of every shard, or a folder holding them.');
  const whole = files.filter((f) => f.results.shard === undefined);
  if (whole.length > 0) {
    throw new MergeRefusedError(`Failed to merge: ${whole.map((f) => f.file).join(', ')} ${whole.length === 1 ? 'is' : 'are'} not a shard (no "shard" field). Merge the results of 'pokebench run --shard I/N' only.`);
  }
  requireSame(files, 'versions', 'Run every shard with the same pokebench.', (r) => `results ${r.version}, ${r.tool.name} ${r.tool.version}`);
  requireSame(files, 'shard counts', 'Every shard of one sweep takes the same N in --shard I/N.', (r) => r.shard?.count);
  requireSame(files, 'profiles', 'Run every shard with the same --profile and --seed.', (r) => r.settings.profile);
  requireSame(files, 'settings', 'Run every shard with the same options (payload, client, repeats, warmup, url).', (r) => sharedSettings(r.settings));

  const count = files[0]!.results.shard!.count;
  const byIndex = new Map<number, ShardFile>();
  for (const f of files) {
    const index = f.results.shard!.index;
    const other = byIndex.get(index);
    if (other) throw new MergeRefusedError(`Failed to merge: ${other.file} and ${f.file} are both shard ${index}/${count}. Pass each shard once.`);
    byIndex.set(index, f);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const have = [...byIndex.entries()].map(([i, f]) => `${f.file} = ${i}/${count}`).join(', ');
    throw new MergeRefusedError(`Failed to merge: shard ${missing.join(', ')} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing (have ${have}). Add the missing shard's results.json.`);
  }
  const owner = new Map<string, string>();
  for (const f of files) {
    for (const s of f.results.strategies) {
      const first = owner.get(s.name);
      if (first) throw new MergeRefusedError(`Failed to merge: strategy ${s.name} is in both ${first} and ${f.file}: the shards overlap. Run each shard with its own --shard I/N.`);
      owner.set(s.name, f.file);
    }
  }

  const ordered = Array.from({ length: count }, (_, i) => byIndex.get(i + 1)!);
  // Shards were dealt round-robin from one list: deal them back in the same order.
  const strategies = [];
  const longest = Math.max(...ordered.map((f) => f.results.strategies.length));
  for (let round = 0; round < longest; round++) {
    for (const f of ordered) {
      const s = f.results.strategies[round];
      if (s) strategies.push({ ...s, machine: s.machine ?? f.results.machine });
    }
  }
  const first = ordered[0]!.results;
  const { shard: _shard, ...rest } = first;
  return {
    ...rest,
    createdAt: ordered.map((f) => f.results.createdAt).toSorted().at(-1)!,
    settings: { ...first.settings, ladders: Object.assign({}, ...ordered.map((f) => f.results.settings.ladders)) as RunSettings['ladders'] },
    // The shards ran side by side: the sweep took as long as its slowest shard.
    durationMs: Math.max(...ordered.map((f) => f.results.durationMs)),
    strategies,
    merged: { shards: count },
  };
}
