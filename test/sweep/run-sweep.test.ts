import { describe, expect, it } from 'vitest';
import { bounded, concurrent, sequential } from '../../src/strategies/index.ts';
import { runSweep, WARM_REQUESTS, warmUpRuns, type SweepProgress } from '../../src/sweep/run-sweep.ts';
import type { FetchOne } from '../../src/types/index.ts';

/** A client that answers at once, as if the server had applied a 1 ms delay. */
const instant = (): FetchOne => async () => ({ status: 200, bytes: 2, delayMs: 1 });

describe('runSweep with adaptive repetition', () => {
  it('repeats a point only while moreTrials says so, interleaved, never past repeats, and the progress ends at its total', async () => {
    const progress: SweepProgress[] = [];
    const order: string[] = [];
    const cells = await runSweep({
      strategies: [sequential(), concurrent()],
      ladder: () => [2, 4],
      repeats: 4,
      warmup: 0,
      makeClient: instant,
      // sequential at N = 4 is "noisy" forever; everything else is settled after one run.
      moreTrials: (cell) => cell.strategy.name === 'sequential' && cell.n === 4,
      onProgress: (p) => {
        progress.push(p);
        order.push(`${p.strategy}@${p.n}#${p.repetition}`);
      },
    });
    const runs = Object.fromEntries(cells.map((c) => [`${c.strategy.name}@${c.n}`, c.trials.length]));
    expect(runs).toEqual({ 'sequential@2': 1, 'sequential@4': 4, 'concurrent@2': 1, 'concurrent@4': 1 });
    expect(order).toEqual(['sequential@2#1', 'concurrent@2#1', 'sequential@4#1', 'concurrent@4#1', 'sequential@4#2', 'sequential@4#3', 'sequential@4#4']);
    const last = progress.at(-1)!;
    expect(last.done + 1).toBe(last.total);
    for (const p of progress) expect(p.done).toBeLessThan(p.total);
  });

  it('gives every point minRepeats rounds before asking moreTrials, and the progress ends at its total', async () => {
    const progress: SweepProgress[] = [];
    const asked: number[] = [];
    const cells = await runSweep({
      strategies: [sequential(), concurrent()],
      ladder: () => [2, 4],
      repeats: 5,
      minRepeats: 2,
      warmup: 0,
      makeClient: instant,
      moreTrials: (cell) => {
        asked.push(cell.trials.length);
        return cell.strategy.name === 'concurrent' && cell.n === 4;
      },
      onProgress: (p) => progress.push(p),
    });
    expect(Object.fromEntries(cells.map((c) => [`${c.strategy.name}@${c.n}`, c.trials.length]))).toEqual({ 'sequential@2': 2, 'sequential@4': 2, 'concurrent@2': 2, 'concurrent@4': 5 });
    // Asked only once a point has its two runs.
    expect(Math.min(...asked)).toBe(2);
    const last = progress.at(-1)!;
    expect(last.done + 1).toBe(last.total);
  });

  it('starts no round past minRepeats once those rounds took extraShare of the time before them (virtual clock)', async () => {
    let clock = 0;
    const cells = await runSweep({
      strategies: [concurrent()],
      ladder: () => [1],
      repeats: 10,
      minRepeats: 2,
      extraShare: 0.5,
      warmup: 0,
      // Each run takes 100 virtual ms: two rounds take 200, so extra rounds may take 100 more (one round, then one that starts at 300 is refused).
      makeClient: () => async () => {
        clock += 50;
        return { status: 200, bytes: 2, delayMs: 1 };
      },
      now: () => (clock += 25),
      moreTrials: () => true,
    });
    expect(cells[0]!.trials.length).toBeGreaterThan(2);
    expect(cells[0]!.trials.length).toBeLessThan(10);
  });

  it('without moreTrials, every point gets exactly repeats', async () => {
    const cells = await runSweep({ strategies: [concurrent()], ladder: () => [1, 3], repeats: 3, warmup: 0, makeClient: instant });
    expect(cells.map((c) => c.trials.length)).toEqual([3, 3]);
  });
});

describe('warm-up runs', () => {
  it('warms an in-process all-at-once strategy at its largest N until it has sent WARM_REQUESTS (at most 10 runs)', () => {
    expect(warmUpRuns(concurrent(), [1, 100, 1600], 1)).toEqual([1600, 1600]);
    expect(warmUpRuns(concurrent(), [1, 100, 400], 1)).toEqual(Array.from({ length: Math.ceil(WARM_REQUESTS / 400) }, () => 400));
    expect(warmUpRuns(concurrent(), [1, 10], 1)).toHaveLength(10);
    expect(warmUpRuns(concurrent(), [1, 5000], 3)).toEqual([5000, 5000, 5000]);
  });

  it('warms a pool, sequential, a capped server or nothing at a small N, as many runs as asked', () => {
    expect(warmUpRuns(bounded(4), [1, 320], 2)).toEqual([20, 20]);
    expect(warmUpRuns(sequential(), [1, 5], 1)).toEqual([5]);
    expect(warmUpRuns(concurrent(), [1, 1600], 1, 4)).toEqual([20]);
    expect(warmUpRuns(concurrent(), [1, 1600], 0)).toEqual([]);
  });
});
