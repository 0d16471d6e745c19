import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultIds, measureTrial, POKEMON_COUNT } from '../../src/measure/measure-trial.ts';
import { concurrent } from '../../src/strategies/concurrent.ts';
import { sequential } from '../../src/strategies/sequential.ts';
import type { FetchOne, FetchResult, Outcome, RequestRecord, Strategy } from '../../src/types/index.ts';

/** What the scripted client does for one request. */
type Fate = 'ok' | 'not-found' | 'server-error' | 'reject';

const FATE_OUTCOME: Record<Fate, Outcome> = {
  ok: 'ok',
  'not-found': 'http-error',
  'server-error': 'http-error',
  reject: 'network-error',
};

/** A client that answers request i (its id is i + 1) as `fates[i]`, stamping delay = id. */
function scripted(fates: readonly Fate[]): FetchOne {
  return async (id) => {
    const fate = fates[id - 1];
    if (fate === 'reject') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const status = fate === 'ok' ? 200 : fate === 'not-found' ? 404 : 500;
    return { status, bytes: 10, delayMs: id };
  };
}

const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** A strategy that returns whatever records it is told to, for invariant checks. */
function rigged(make: (ids: readonly number[]) => RequestRecord[], kind: Strategy['kind'] = 'sequential'): Strategy {
  return { name: 'rigged', kind, run: async (list) => make(list) };
}

const okRecord = (id: number, index: number): RequestRecord => ({ id, index, start: 0, end: 1, outcome: 'ok', status: 200, bytes: 1 });

const cpuMs = ({ user, system }: NodeJS.CpuUsage): number => (user + system) / 1000;

/** A fresh client that answers 200 to everything. */
const answers200 = (): FetchOne => async () => ({ status: 200, bytes: 1 });

/** A client that never answers pokemon 2 (until aborted) and answers the others at once. */
const hangsOnTwo: FetchOne = (id, signal) =>
  id === 2
    ? new Promise<FetchResult>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
    : Promise.resolve({ status: 200, bytes: 1 });

/** A client that stamps NaN as the delay of pokemon 1. */
const nanDelayOnOne: FetchOne = async (id) => ({ status: 200, bytes: 1, delayMs: id === 1 ? Number.NaN : 7 });

describe('measureTrial', () => {
  it('counts every outcome of a mixed run, summing to N', async () => {
    const fates: Fate[] = ['ok', 'not-found', 'ok', 'server-error', 'reject', 'ok'];
    const result = await measureTrial({ strategy: concurrent(), fetchOne: scripted(fates), ids: ids(fates.length) });
    expect(result.counts).toEqual({ ok: 3, 'http-error': 2, 'network-error': 1, timeout: 0 });
    expect(result).toMatchObject({ strategy: 'concurrent', kind: 'concurrent', n: 6 });
  });

  it('counts a request that outlives timeoutMs as a timeout', async () => {
    const result = await measureTrial({ strategy: concurrent(), fetchOne: hangsOnTwo, ids: [1, 2, 3], timeoutMs: 20 });
    expect(result.counts).toEqual({ ok: 2, 'http-error': 0, 'network-error': 0, timeout: 1 });
  });

  it('counts exactly the generated mix of outcomes, for any mix', () =>
    fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Fate>('ok', 'not-found', 'server-error', 'reject'), { maxLength: 40 }), async (fates) => {
        const result = await measureTrial({ strategy: concurrent(), fetchOne: scripted(fates), ids: ids(fates.length), loopResolutionMs: 1 });
        const expected = { ok: 0, 'http-error': 0, 'network-error': 0, timeout: 0 };
        for (const fate of fates) expected[FATE_OUTCOME[fate]] += 1;
        expect(result.counts).toEqual(expected);
        expect(result.records.map((r) => r.outcome)).toEqual(fates.map((f) => FATE_OUTCOME[f]));
      }),
      { numRuns: 50 },
    ));

  it('lists the applied delays in input order and notes the requests without one', async () => {
    const fates: Fate[] = ['ok', 'reject', 'not-found', 'reject', 'ok'];
    const result = await measureTrial({ strategy: sequential(), fetchOne: scripted(fates), ids: ids(5) });
    expect(result.appliedDelaysMs).toEqual([1, 3, 5]);
    expect(result.missingDelayIndices).toEqual([1, 3]);
  });

  it('treats a NaN delay from a client as missing, so the list never holds NaN', async () => {
    const result = await measureTrial({ strategy: sequential(), fetchOne: nanDelayOnOne, ids: [1, 2] });
    expect(result.appliedDelaysMs).toEqual([7]);
    expect(result.missingDelayIndices).toEqual([0]);
  });

  it('takes wall and total time from the injected clock: the makespan is the last outcome', async () => {
    // Virtual time: each request of pokemon `id` takes `id` ms.
    let t = 100;
    const now = (): number => t;
    const slow: FetchOne = async (id) => {
      t += id;
      return { status: 200, bytes: 1 };
    };
    const result = await measureTrial({ strategy: sequential(), fetchOne: slow, ids: [3, 1, 4], now });
    expect(result.records.map((r) => [r.start, r.end])).toEqual([[0, 3], [3, 4], [4, 8]]);
    expect(result.wallMs).toBe(8);
    expect(result.totalMs).toBe(8);
  });

  it('reports the sockets opened during the run, counted from onStart', async () => {
    let opened = 5;
    const fetchOne: FetchOne = Object.assign(async () => ({ status: 200, bytes: 1 }), {
      stats: () => ({ connectionsOpened: opened }),
    });
    // A strategy with setup: it opens 10 sockets before starting (not billed), then 3 during.
    const withSetup: Strategy = {
      name: 'with-setup',
      kind: 'bounded',
      k: 3,
      async run(list, f, options) {
        opened += 10;
        await options?.onStart?.();
        opened += 3;
        return Promise.all(list.map(async (id, index) => ({ ...okRecord(id, index), ...(await f(id, AbortSignal.timeout(1000))) }) as RequestRecord));
      },
    };
    const result = await measureTrial({ strategy: withSetup, fetchOne, ids: [1, 2, 3] });
    expect(result.connectionsOpened).toBe(3);
    expect(result.k).toBe(3);
  });

  it('reports no socket count for a client without stats, or for workers (threads have their own clients)', async () => {
    expect((await measureTrial({ strategy: sequential(), fetchOne: answers200(), n: 2 })).connectionsOpened).toBeUndefined();
    const counted = Object.assign(answers200(), { stats: () => ({ connectionsOpened: 1 }) });
    const threads = rigged((list) => list.map(okRecord), 'workers');
    expect((await measureTrial({ strategy: threads, fetchOne: counted, n: 2 })).connectionsOpened).toBeUndefined();
  });

  it('measures CPU time and event-loop delay, in ms', async () => {
    // Burn 30 ms of CPU inside the run, blocking the loop at least 30 ms of wall time, then let the
    // monitor tick. Both bounds: process.cpuUsage counts every thread of the process (GC, compiler),
    // so 30 ms of it can pass in less than 30 ms of this thread's wall time.
    const burning = rigged(() => []);
    burning.run = async (list) => {
      const start = process.cpuUsage();
      const wallStart = performance.now();
      while (cpuMs(process.cpuUsage(start)) < 30 || performance.now() - wallStart < 30) {
        // busy on purpose
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      return list.map(okRecord);
    };
    const result = await measureTrial({ strategy: burning, fetchOne: answers200(), n: 1, loopResolutionMs: 1 });
    // Lower bounds only: load on the machine can add time, never remove it.
    expect(result.cpuMs.user + result.cpuMs.system).toBeGreaterThanOrEqual(30);
    expect(result.eventLoopDelay.max).toBeGreaterThanOrEqual(25);
    expect(result.eventLoopDelay.samples).toBeGreaterThan(0);
    if (process.platform === 'linux') {
      // The loop's thread over the same span: the 30 ms it spun were on a CPU or waiting for one,
      // and the two together cannot exceed the span (each reading may lag by a scheduler tick, ≤ 5 ms).
      expect(result.loopThread!.cpuMs + result.loopThread!.runQueueMs).toBeGreaterThanOrEqual(25);
      expect(result.loopThread!.cpuMs + result.loopThread!.runQueueMs).toBeLessThanOrEqual(result.totalMs + 5);
    }
  });

  it('fetches ids 1..n, wrapping after the last pokemon, when given n', async () => {
    expect(defaultIds(3)).toEqual([1, 2, 3]);
    expect(defaultIds(POKEMON_COUNT + 2).slice(-3)).toEqual([POKEMON_COUNT, 1, 2]);
    const seen: number[] = [];
    await measureTrial({ strategy: sequential(), fetchOne: async (id) => (seen.push(id), { status: 200, bytes: 1 }), n: 4 });
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('closes the client when done, by default, even when the run throws', async () => {
    const close = vi.fn(async () => undefined);
    const fetchOne: FetchOne = Object.assign(async () => ({ status: 200, bytes: 1 }), { close });
    await measureTrial({ strategy: sequential(), fetchOne, n: 1 });
    expect(close).toHaveBeenCalledTimes(1);
    await measureTrial({ strategy: sequential(), fetchOne, n: 1, closeClient: false });
    expect(close).toHaveBeenCalledTimes(1);
    const failing = rigged(() => {
      throw new Error('entry error');
    });
    await expect(measureTrial({ strategy: failing, fetchOne, n: 1 })).rejects.toThrow('entry error');
    expect(close).toHaveBeenCalledTimes(2);
  });

  it.each<[string, (list: readonly number[]) => RequestRecord[]]>([
    ['loses a record', (list) => list.slice(1).map((id, i) => okRecord(id, i + 1))],
    ['reorders records', (list) => list.map(okRecord).toReversed()],
    // A sparse array of the right length: records[1] and records[2] are holes.
    ['leaves a hole', (list) => Object.assign([] as RequestRecord[], { 0: okRecord(list[0] as number, 0), length: list.length })],
    ['invents an outcome', (list) => list.map((id, i) => ({ ...okRecord(id, i), outcome: 'lost' }) as unknown as RequestRecord)],
  ])('throws an INTERNAL error when the strategy %s', async (_, make) => {
    await expect(measureTrial({ strategy: rigged(make), fetchOne: answers200(), n: 3 })).rejects.toMatchObject({
      code: 'ERR_POKEBENCH_INTERNAL',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['ids', { ids: [1], n: 1 }],
    ['ids', {}],
    ['ids', { ids: [1.5] }],
    ['n', { n: -1 }],
    ['loopResolutionMs', { n: 1, loopResolutionMs: 0 }],
    ['loopResolutionMs', { n: 1, loopResolutionMs: 11 }],
    ['closeClient', { n: 1, closeClient: 'yes' }],
    ['strategy', { n: 1, strategy: {} }],
  ])('rejects a bad options.%s with INVALID_OPTION naming it', async (option, bad) => {
    const options = { strategy: sequential(), fetchOne: answers200(), ...bad };
    await expect(measureTrial(options as never)).rejects.toMatchObject({ code: 'ERR_POKEBENCH_INVALID_OPTION', option });
  });
});
