import { describe, expect, it, vi } from 'vitest';
import { measureRepeated } from '../../src/measure/measure-repeated.ts';
import { summarizeRepeats } from '../../src/measure/repeat-summary.ts';
import type { FetchOne, RequestRecord, Strategy } from '../../src/types/index.ts';

/** A strategy whose run number r (0-based, warm-ups included) has makespan plan[r]. */
function planned(plan: readonly number[]): Strategy & { runs: number } {
  const strategy = {
    name: 'planned',
    kind: 'sequential' as const,
    runs: 0,
    async run(ids: readonly number[]): Promise<RequestRecord[]> {
      const wall = plan[strategy.runs] as number;
      strategy.runs += 1;
      return ids.map((id, index) => ({ id, index, start: 0, end: wall, outcome: 'ok', status: 200, bytes: 1 }));
    },
  };
  return strategy;
}

const client = (): FetchOne & { close: ReturnType<typeof vi.fn> } =>
  Object.assign(async () => ({ status: 200, bytes: 1 }), { close: vi.fn(async () => undefined) });

describe('measureRepeated', () => {
  it('throws the warm-up runs away and summarises the measured ones', async () => {
    const strategy = planned([999, 888, 30, 10, 20]);
    const result = await measureRepeated({ strategy, fetchOne: client(), n: 2, warmup: 2, repeats: 3, loopResolutionMs: 1 });
    expect(strategy.runs).toBe(5);
    expect(result.warmup).toBe(2);
    expect(result.trials.map((t) => t.wallMs)).toEqual([30, 10, 20]);
    expect(result.summary).toEqual(summarizeRepeats([30, 10, 20]));
    expect(result.summary).toMatchObject({ medianWallMs: 20, minWallMs: 10, maxWallMs: 30, spread: 1 });
  });

  it('defaults to 1 warm-up and 5 repeats', async () => {
    const strategy = planned([1, 2, 3, 4, 5, 6]);
    const result = await measureRepeated({ strategy, fetchOne: client(), n: 1, loopResolutionMs: 1 });
    expect(strategy.runs).toBe(6);
    expect(result.trials).toHaveLength(5);
  });

  it('reuses the client across runs and closes it once at the end', async () => {
    const fetchOne = client();
    await measureRepeated({ strategy: planned([1, 2, 3]), fetchOne, n: 1, warmup: 1, repeats: 2, loopResolutionMs: 1 });
    expect(fetchOne.close).toHaveBeenCalledTimes(1);
    const kept = client();
    await measureRepeated({ strategy: planned([1, 2]), fetchOne: kept, n: 1, warmup: 0, repeats: 2, closeClient: false, loopResolutionMs: 1 });
    expect(kept.close).not.toHaveBeenCalled();
  });

  it.each<[string, Record<string, unknown>]>([
    ['repeats', { repeats: 0 }],
    ['repeats', { repeats: 2.5 }],
    ['warmup', { warmup: -1 }],
  ])('rejects a bad options.%s with INVALID_OPTION naming it', async (option, bad) => {
    await expect(measureRepeated({ strategy: planned([]), fetchOne: client(), n: 1, ...bad })).rejects.toMatchObject({
      code: 'ERR_POKEBENCH_INVALID_OPTION',
      option,
    });
  });
});
