/**
 * Shards of a run: picking one shard's cells and merging the shards' results.
 */
export { mergeShards } from './merge-shards.ts';
export { parseShardFlag, pickShard } from './pick-shard.ts';
