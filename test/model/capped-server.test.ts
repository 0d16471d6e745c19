/**
 * The capped model against a capped server, in virtual time: a fake server
 * that serves at most c requests at once (the rest wait in arrival order, as
 * the mock's concurrency gate queues them) makes every strategy take exactly
 * the makespan `idealMakespan(kind, k, delays, c)` predicts. The model's laws
 * alone (test/model/makespan.test.ts) cannot show that it models this server.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idealMakespan } from '../../src/model/makespan.ts';
import { bounded, concurrent } from '../../src/strategies/index.ts';
import type { FetchOne, FetchResult } from '../../src/types/index.ts';
import { anyStrategy, delayedIds, makespanOf } from '../strategies/laws.ts';
import { inVirtualTime, runVirtual, virtualNow } from '../strategies/virtual-time.ts';

/** A server with `cap` service slots: a request is served for its delay once a slot is free, first come first served. */
function cappedServer(cap: number, delayOf: ReadonlyMap<number, number>): { fetchOne: FetchOne; maxServing: () => number } {
  let serving = 0;
  let maxServing = 0;
  const waiting: (() => void)[] = [];
  const fetchOne: FetchOne = (id) =>
    new Promise<FetchResult>((resolve) => {
      const delay = delayOf.get(id) ?? 0;
      const serve = (): void => {
        serving++;
        maxServing = Math.max(maxServing, serving);
        const finish = (): void => {
          serving--;
          waiting.shift()?.();
          resolve({ status: 200, bytes: 0, delayMs: delay });
        };
        // The fake clock turns a 0 ms timer set inside a timer into 1 ms: answer a 0 ms delay without one.
        if (delay === 0) queueMicrotask(finish);
        else setTimeout(finish, delay);
      };
      if (serving < cap) serve();
      else waiting.push(serve);
    });
  return { fetchOne, maxServing: () => maxServing };
}

describe('the capped model against a capped server in virtual time', () => {
  it('law: every strategy, any k, delays and cap c: the makespan is idealMakespan(kind, k, delays, c), never more than c served at once', () =>
    fc.assert(
      fc.asyncProperty(anyStrategy, delayedIds, fc.integer({ min: 1, max: 8 }), async (strategy, items, cap) => {
        const delays = items.map((r) => r.delay);
        const server = cappedServer(cap, new Map(items.map((r) => [r.id, r.delay])));
        const records = await inVirtualTime(() => runVirtual(strategy.run(items.map((r) => r.id), server.fetchOne, { now: virtualNow })));
        expect(records.every((r) => r.outcome === 'ok')).toBe(true);
        expect(makespanOf(records)).toBe(idealMakespan(strategy.kind, strategy.k, delays, cap));
        expect(server.maxServing()).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 150, seed: 0xca9 },
    ));

  it('worked example: concurrent over delays 100, 100, 100 on a server of 1 takes 300, a pool of 4 over five 100s on a server of 2 takes 300', async () => {
    const run = async (strategyKind: 'concurrent' | 'bounded', cap: number, n: number): Promise<number> => {
      const strategy = strategyKind === 'concurrent' ? concurrent() : bounded(4);
      const ids = Array.from({ length: n }, (_, i) => i + 1);
      const server = cappedServer(cap, new Map(ids.map((id) => [id, 100])));
      return makespanOf(await inVirtualTime(() => runVirtual(strategy.run(ids, server.fetchOne, { now: virtualNow }))));
    };
    expect(await run('concurrent', 1, 3)).toBe(300);
    expect(await run('bounded', 2, 5)).toBe(300);
  });
});
