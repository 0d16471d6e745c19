import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Strategy } from '../../src/types/index.ts';
import { parseStrategy, STRATEGY_FORMS } from '../../src/strategies/parse-strategy.ts';
import { defaultPoolSize } from '../../src/strategies/pool-size.ts';

// workers.ts belongs to the worker-pool work; parseStrategy only has to hand it k.
vi.mock('../../src/strategies/workers.ts', () => ({
  workers: (k?: number): Strategy => ({ name: `workers(${k ?? 'default'})`, kind: 'workers', k, run: async () => [] }),
}));

describe('parseStrategy', () => {
  it('reads name(k) and name:k alike for every pool, whatever the case and spacing', () =>
    fc.assert(
      fc.property(fc.constantFrom('bounded', 'batched', 'workers'), fc.integer({ min: 1, max: 1000 }), (name, k) => {
        for (const text of [`${name}(${k})`, `${name}:${k}`, ` ${name.toUpperCase()} ( ${k} ) `]) {
          expect(parseStrategy(text)).toMatchObject({ name: `${name}(${k})`, kind: name, k });
        }
      }),
    ));

  it('reads the plain strategies', () => {
    expect(parseStrategy('sequential').kind).toBe('sequential');
    expect(parseStrategy('Concurrent').kind).toBe('concurrent');
  });

  it('gives a pool without k the default pool size', () => {
    expect(parseStrategy('bounded').k).toBe(defaultPoolSize());
    expect(parseStrategy('batched()').k).toBe(defaultPoolSize());
    expect(parseStrategy('workers').name).toBe('workers(default)');
  });

  it.each(['', 'bounded(', 'bounded(-1)', 'bounded(2.5)', 'pool(4)', 'sequential(2)', 'bounded:x'])(
    'rejects %j naming the text and listing the valid forms',
    (text) => {
      expect(() => parseStrategy(text)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_STRATEGY', text }));
      expect(() => parseStrategy(text)).toThrow(STRATEGY_FORMS.join(', '));
    },
  );

  it('passes k = 0 to the factory, which rejects it with ERR_INVALID_K', () => {
    expect(() => parseStrategy('bounded(0)')).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_K' }));
  });
});
