/**
 * Sharding a sweep across machines, like vitest's and Playwright's
 * `--shard index/count`: whole strategies (peers count as strategies) are
 * dealt in list order, so each strategy's whole ladder, and so its verdict,
 * is measured on one machine.
 */
import { UsageError } from '../cli/index.ts';
import type { ShardInfo } from '../results/index.ts';

/**
 * The shard that entry `position` of the sweep's list belongs to (1-based):
 * dealt round-robin, so shards get nearly equal counts.
 *
 * @example
 * // 5 strategies over 2 shards: 1 → positions 0, 2, 4; 2 → positions 1, 3
 * shardOf(3, 2) // 2
 */
export function shardOf(position: number, count: number): number {
  return (position % count) + 1;
}

/** The entries of `list` that shard `shard` runs (all of them without a shard). */
export function pickShard<T>(list: readonly T[], shard: ShardInfo | undefined): T[] {
  if (shard === undefined) return [...list];
  return list.filter((_, position) => shardOf(position, shard.count) === shard.index);
}

/**
 * Reads `--shard index/count` (`2/3`).
 *
 * @throws UsageError naming the flag and the form it takes.
 */
export function parseShardFlag(raw: string): ShardInfo {
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 1000 || index < 1 || index > count) {
    throw new UsageError(`--shard must be INDEX/COUNT with 1 <= INDEX <= COUNT <= 1000 (e.g. --shard 2/3), got ${JSON.stringify(raw)}.`);
  }
  return { index, count };
}
