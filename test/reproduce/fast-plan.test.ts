import { describe, expect, it } from 'vitest';
import { fastLadder, pureWaiting } from '../../src/reproduce/fast-plan.ts';
import type { RooflineRow } from '../../src/reproduce/roofline-rows.ts';

const row = (client: string, n: number, waitRoofMs: number, cpuRoofMs: number) => ({ client, n, waitRoofMs, cpuRoofMs }) as RooflineRow;

describe('pureWaiting', () => {
  it('names the clients whose CPU roof is at most half the wait roof at every point', () => {
    const rows = [
      row('py-threadpool', 100, 1900, 130),
      row('py-threadpool', 1600, 30_000, 2_100),
      row('py-asyncio', 100, 120, 170),
      row('py-asyncio', 1600, 1800, 2600),
      // Pure waiting at small N, not at large N: measured in full.
      row('concurrent', 100, 700, 90),
      row('concurrent', 1600, 800, 500),
    ];
    expect([...pureWaiting(rows)]).toEqual(['py-threadpool']);
  });
});

describe('fastLadder', () => {
  const waiting = new Set(['py-threadpool']);
  it('keeps the smallest N of a pure-waiting client, drops the largest N of the Node pool, and leaves the rest alone', () => {
    expect(fastLadder('py-threadpool', [100, 400, 1600], 'bounded(6)', waiting)).toEqual([100]);
    expect(fastLadder('bounded(6)', [100, 400, 1600], 'bounded(6)', new Set())).toEqual([100, 400]);
    expect(fastLadder('bounded(6)', [10, 20], 'bounded(6)', new Set())).toBeUndefined();
    expect(fastLadder('py-asyncio', [100, 400, 1600], 'bounded(6)', waiting)).toBeUndefined();
  });
});
