/** Test helper: arbitraries and a runner shared by the virtual-time laws. */
import fc from 'fast-check';
import type { RequestRecord, Strategy, StrategyOptions } from '../../src/types/index.ts';
import { batched } from '../../src/strategies/batched.ts';
import { bounded } from '../../src/strategies/bounded.ts';
import { concurrent } from '../../src/strategies/concurrent.ts';
import { sequential } from '../../src/strategies/sequential.ts';
import { fakeServer, type FakeServer, type Step } from './fake-server.ts';
import { inVirtualTime, runVirtual, virtualNow } from './virtual-time.ts';

/** Cases per property: hundreds, still a few seconds in all. */
export const RUNS = 200;

/** A request: a unique id and the delay its answer takes. */
export interface Delayed {
  id: number;
  delay: number;
}

/** 0..60 requests with unique ids and integer delays 0..1000 ms (size 'max': the default would stop at 10). */
export const delayedIds = fc.uniqueArray(
  fc.record({ id: fc.integer({ min: 1, max: 100_000 }), delay: fc.integer({ min: 0, max: 1000 }) }),
  { selector: (r) => r.id, maxLength: 60, size: 'max' },
);

/** Slots 1..10. */
export const slots = fc.integer({ min: 1, max: 10 });

// A counterexample then reads `bounded(3)`, not the body of `run`.
const named = (strategy: Strategy): Strategy => Object.assign({ ...strategy }, { [fc.toStringMethod]: () => strategy.name });

/** Any of the four strategies, with k in 1..10 where it has one. */
export const anyStrategy: fc.Arbitrary<Strategy> = fc.oneof(
  fc.constant(named(sequential())),
  fc.constant(named(concurrent())),
  slots.map((k) => named(bounded(k))),
  slots.map((k) => named(batched(k))),
);

/** Run `strategy` over `ids` against a fake following `plan`, in virtual time. */
export function runScripted(
  strategy: Strategy,
  ids: readonly number[],
  plan: (id: number) => Step,
  options: StrategyOptions = {},
  afterStep?: (server: FakeServer) => void,
  beforeRun?: () => void,
): Promise<{ records: RequestRecord[]; server: FakeServer }> {
  return inVirtualTime(async () => {
    const server = fakeServer(plan);
    beforeRun?.();
    const run = strategy.run(ids, server.fetchOne, { now: virtualNow, ...options });
    const records = await runVirtual(run, afterStep && (() => afterStep(server)));
    return { records, server };
  });
}

/** Run `strategy` where every request answers 200 after its delay. */
export function trialDelays(
  strategy: Strategy,
  items: readonly Delayed[],
  afterStep?: (server: FakeServer) => void,
): Promise<{ records: RequestRecord[]; server: FakeServer }> {
  const delayOf = new Map(items.map((r) => [r.id, r.delay]));
  return runScripted(
    strategy,
    items.map((r) => r.id),
    (id) => ({ kind: 'respond', delay: delayOf.get(id) ?? 0, status: 200, bytes: 0, delayMs: delayOf.get(id) }),
    {},
    afterStep,
  );
}

/** Time the last record ended: the run's makespan (0 for no records). */
export function makespanOf(records: readonly RequestRecord[]): number {
  return records.reduce((max, r) => Math.max(max, r.end), 0);
}
