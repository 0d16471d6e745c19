import { getEventListeners } from 'node:events';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idealMakespan } from '../../src/model/makespan.ts';
import { idealStarts } from '../../src/model/schedule.ts';
import { startTrial } from '../../src/strategies/trial-context.ts';
import { ABORTED, INVALID_RESULT, runOne } from '../../src/strategies/run-one.ts';
import { OUTCOMES, type FetchOne, type RequestRecord } from '../../src/types/index.ts';
import type { Step } from './fake-server.ts';
import { anyStrategy, makespanOf, RUNS, runScripted } from './laws.ts';
import { runVirtual, useVirtualTime, virtualNow } from './virtual-time.ts';

const delay = fc.integer({ min: 0, max: 1000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('respond' as const),
    delay,
    status: fc.oneof(fc.integer({ min: 200, max: 299 }), fc.integer({ min: 100, max: 599 })),
    bytes: fc.nat(),
    delayMs: fc.option(fc.nat(), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('reject' as const), delay, message: fc.string({ minLength: 1 }), code: fc.option(fc.constantFrom('ECONNRESET', 'UND_ERR_SOCKET'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('throw' as const), message: fc.string({ minLength: 1 }) }),
  fc.record({ kind: fc.constant('hang' as const) }),
  fc.record({ kind: fc.constant('garbage' as const), delay }),
);
const scripted = fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 100_000 }), step }), {
  selector: (r) => r.id,
  maxLength: 60,
  size: 'max',
});

/** How long a step keeps its slot under a timeout of `t`. */
function duration(s: Step, t: number): number {
  if (s.kind === 'throw') return 0;
  if (s.kind === 'hang') return t;
  return Math.min(s.delay, t);
}

/** The answer lands at the very instant of the timeout: either outcome is right. */
function tiedAtDeadline(s: Step, t: number): boolean {
  return (s.kind === 'respond' || s.kind === 'reject' || s.kind === 'garbage') && s.delay === t;
}

/** The outcome a step must end as under a timeout of `t` (a tie at t may also time out). */
function expected(s: Step, t: number, record: RequestRecord): boolean {
  if (s.kind === 'throw') return record.outcome === 'network-error' && record.error === s.message && record.code === 'ESYNC';
  if (s.kind === 'hang' || s.delay > t) return record.outcome === 'timeout' && record.timeoutMs === t;
  if (tiedAtDeadline(s, t) && record.outcome === 'timeout') return true;
  if (s.kind === 'garbage') return record.outcome === 'network-error' && record.code === INVALID_RESULT;
  if (s.kind === 'reject') return record.outcome === 'network-error' && record.error === s.message && record.code === s.code;
  const ok = s.status >= 200 && s.status < 300;
  return (
    record.outcome === (ok ? 'ok' : 'http-error') &&
    'status' in record && record.status === s.status && record.bytes === s.bytes && record.delayMs === s.delayMs
  );
}

describe('runOne through every strategy', () => {
  it('turns any mix of answers, rejections, throws, garbage and hangs into exactly one right record each', () =>
    fc.assert(
      fc.asyncProperty(anyStrategy, scripted, fc.integer({ min: 1, max: 1200 }), async (strategy, items, t) => {
        const stepOf = new Map(items.map((r) => [r.id, r.step]));
        const { records, server } = await runScripted(
          strategy,
          items.map((r) => r.id),
          (id) => stepOf.get(id) as Step,
          { timeoutMs: t },
        );
        expect(records).toHaveLength(items.length);
        const counts = OUTCOMES.map((o) => records.filter((r) => r.outcome === o).length);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(items.length);
        records.forEach((r, i) => {
          const item = items[i] as { id: number; step: Step };
          expect([r.index, r.id]).toEqual([i, item.id]);
          expect(expected(item.step, t, r)).toBe(true);
        });
        // Timed-out requests had their signal aborted (bar a tie at t, where the
        // fake had already answered); nothing is left running.
        const timedOut = records
          .filter((r) => r.outcome === 'timeout' && !tiedAtDeadline(stepOf.get(r.id) as Step, t))
          .map((r) => r.id);
        expect([...server.aborted.keys()].toSorted()).toEqual(timedOut.toSorted());
        expect(server.inFlight).toBe(0);
      }),
      { numRuns: RUNS },
    ));

  it('holds the model exactly under faults, each request taking min(d, timeout) of its slot', () =>
    fc.assert(
      fc.asyncProperty(anyStrategy, scripted, fc.integer({ min: 1, max: 1200 }), async (strategy, items, t) => {
        const stepOf = new Map(items.map((r) => [r.id, r.step]));
        const { records } = await runScripted(strategy, items.map((r) => r.id), (id) => stepOf.get(id) as Step, { timeoutMs: t });
        const durations = items.map((r) => duration(r.step, t));
        expect(makespanOf(records)).toBe(idealMakespan(strategy.kind, strategy.k, durations));
        expect(records.map((r) => r.start)).toEqual(idealStarts(strategy.kind, strategy.k, durations));
        expect(records.map((r) => r.end - r.start)).toEqual(durations);
      }),
      { numRuns: RUNS },
    ));

  it('on an outer abort at time A, ends the run at min(model, A), aborts what is in flight and starts nothing more', () =>
    fc.assert(
      fc.asyncProperty(
        anyStrategy,
        fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 100_000 }), delay }), { selector: (r) => r.id, maxLength: 60, size: 'max' }),
        fc.integer({ min: 0, max: 3000 }),
        async (strategy, items, abortAt) => {
          const delayOf = new Map(items.map((r) => [r.id, r.delay]));
          const outer = new AbortController();
          const { records, server } = await runScripted(
            strategy,
            items.map((r) => r.id),
            (id) => ({ kind: 'respond', delay: delayOf.get(id) ?? 0, status: 200, bytes: 1 }),
            { signal: outer.signal },
            undefined,
            () => setTimeout(() => outer.abort(), abortAt),
          );
          const model = idealMakespan(strategy.kind, strategy.k, items.map((r) => r.delay));
          expect(makespanOf(records)).toBe(items.length === 0 ? 0 : Math.min(model, abortAt));
          const notStarted = records.filter((r) => r.outcome === 'network-error' && r.error.startsWith('Not started'));
          expect(server.calls).toHaveLength(items.length - notStarted.length);
          for (const r of records) {
            if (r.outcome === 'ok') expect(r.end).toBeLessThanOrEqual(abortAt);
            else {
              expect(r).toMatchObject({ outcome: 'network-error', code: ABORTED, end: abortAt });
              if (!notStarted.includes(r)) expect(server.aborted.has(r.id)).toBe(true);
            }
          }
          expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
        },
      ),
      { numRuns: RUNS },
    ));

  it('records every request as ABORTED without calling fetchOne when the signal is already aborted', () =>
    fc.assert(
      fc.asyncProperty(anyStrategy, fc.uniqueArray(fc.nat(), { maxLength: 30 }), async (strategy, ids) => {
        const { records, server } = await runScripted(strategy, ids, () => ({ kind: 'hang' }), {
          signal: AbortSignal.abort(new Error('stop')),
        });
        expect(server.calls).toEqual([]);
        expect(records.map((r) => [r.id, r.outcome, r.outcome === 'network-error' && r.code])).toEqual(
          ids.map((id) => [id, 'network-error', ABORTED]),
        );
      }),
      { numRuns: RUNS / 4 },
    ));
});

/** One request (id 25 at index 3) through runOne, in virtual time. */
function one(fetchOne: FetchOne, timeoutMs?: number, signal?: AbortSignal): Promise<RequestRecord> {
  const run = startTrial({ now: virtualNow, timeoutMs, signal });
  return runVirtual(runOne(run, 25, 3, fetchOne)).finally(() => run.close());
}

describe('runOne', () => {
  beforeEach(useVirtualTime);
  afterEach(() => vi.useRealTimers());

  it('records a 2xx as ok with status, bytes and the applied delay', async () => {
    const record = await one(async () => ({ status: 204, bytes: 12, delayMs: 7 }));
    expect(record).toEqual({ id: 25, index: 3, start: 0, end: 0, outcome: 'ok', status: 204, bytes: 12, delayMs: 7 });
  });

  it('records a 404 as an http-error, and omits delayMs the server did not state', async () => {
    const record = await one(async () => ({ status: 404, bytes: 9 }));
    expect(record).toEqual({ id: 25, index: 3, start: 0, end: 0, outcome: 'http-error', status: 404, bytes: 9 });
  });

  it('keeps the code of a rejection, or of its cause as undici nests it', async () => {
    const direct = await one(() => Promise.reject(Object.assign(new Error('reset'), { code: 'ECONNRESET' })));
    expect(direct).toMatchObject({ outcome: 'network-error', error: 'reset', code: 'ECONNRESET' });
    const nested = await one(() => Promise.reject(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } })));
    expect(nested).toMatchObject({ outcome: 'network-error', error: 'fetch failed', code: 'UND_ERR_SOCKET' });
  });

  it('records a non-Error rejection by its text, without a code', async () => {
    const record = await one(() => Promise.reject('boom'));
    expect(record).toMatchObject({ outcome: 'network-error', error: 'boom' });
    expect(record).not.toHaveProperty('code');
  });

  it('records a result without an integer status as INVALID_RESULT', async () => {
    const record = await one(async () => ({ status: '200' }) as never);
    expect(record).toMatchObject({ outcome: 'network-error', code: INVALID_RESULT });
  });

  it('times out at exactly timeoutMs, aborting the request signal with a TimeoutError and leaving no timer', async () => {
    let seen: AbortSignal | undefined;
    const record = await one((_id, signal) => {
      seen = signal;
      return new Promise(() => {});
    }, 250);
    expect(record).toEqual({ id: 25, index: 3, start: 0, end: 250, outcome: 'timeout', timeoutMs: 250 });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(DOMException);
    expect((seen?.reason as DOMException | undefined)?.name).toBe('TimeoutError');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears the timeout timer once the answer arrives', async () => {
    const record = await one(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200, bytes: 0 }), 10)), 1000);
    expect(record).toMatchObject({ outcome: 'ok', end: 10 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends an in-flight request at the outer abort, passing the reason to its signal', async () => {
    const outer = new AbortController();
    let seen: AbortSignal | undefined;
    setTimeout(() => outer.abort(new Error('user quit')), 40);
    const record = await one((_id, signal) => {
      seen = signal;
      return new Promise(() => {});
    }, undefined, outer.signal);
    expect(record).toMatchObject({ outcome: 'network-error', code: ABORTED, error: 'user quit', start: 0, end: 40 });
    expect(seen?.reason).toEqual(new Error('user quit'));
  });
});
