import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPoolSize, MAX_DEFAULT_POOL_SIZE, resolvePoolSize } from '../../src/strategies/pool-size.ts';

describe('defaultPoolSize', () => {
  it('is min(32, cpus + 4), like Python ThreadPoolExecutor', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), (cpus) => {
        const size = defaultPoolSize(cpus);
        expect(size).toBe(cpus + 4 <= MAX_DEFAULT_POOL_SIZE ? cpus + 4 : MAX_DEFAULT_POOL_SIZE);
      }),
    ));

  it('gives 6 on the 2-core box the design measured', () => {
    expect(defaultPoolSize(2)).toBe(6);
  });

  it('sizes for os.availableParallelism() by default', () => {
    expect(defaultPoolSize()).toBe(defaultPoolSize(availableParallelism()));
  });
});

describe('resolvePoolSize', () => {
  it('keeps any positive integer k and fills the default for undefined', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (k) => {
        expect(resolvePoolSize('bounded', k)).toBe(k);
        expect(resolvePoolSize('bounded', undefined)).toBe(defaultPoolSize());
      }),
    ));

  it('names the strategy and k in the error', () => {
    expect(() => resolvePoolSize('batched', -2)).toThrow(/batched\(k\): k must be a positive integer, got -2/);
    expect(() => resolvePoolSize('batched', '3' as never)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_K' }));
  });
});
