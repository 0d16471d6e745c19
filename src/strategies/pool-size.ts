/** How many slots a pool gets when the user does not say. */
import { availableParallelism } from 'node:os';
import { InvalidPoolSizeError } from '../../mock-server/errors/index.ts';

/** Cap on {@link defaultPoolSize}, as Python's `ThreadPoolExecutor`. */
export const MAX_DEFAULT_POOL_SIZE = 32;

/**
 * Default k for `bounded`, `batched` and `workers`: min(32, cpus + 4), Python's
 * `ThreadPoolExecutor` default (6 on the 2-core box of docs/design.md), so a
 * comparison with the blog's Python client is like for like.
 *
 * @param cpus - CPUs to size for. @defaultValue `os.availableParallelism()`
 * @example defaultPoolSize(2) // 6
 */
export function defaultPoolSize(cpus: number = availableParallelism()): number {
  return Math.min(MAX_DEFAULT_POOL_SIZE, cpus + 4);
}

/**
 * The pool size to use: `k` when given and valid, {@link defaultPoolSize}
 * when undefined.
 *
 * @param strategy - the factory's name, for the error message.
 * @throws InvalidPoolSizeError (code `ERR_INVALID_K`) unless k is a positive integer.
 */
export function resolvePoolSize(strategy: string, k: number | undefined): number {
  if (k === undefined) return defaultPoolSize();
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) throw new InvalidPoolSizeError(strategy, k);
  return k;
}
