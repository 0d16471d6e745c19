import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coresList, coresTable, predictSpeedup, pythonWorkersFor } from '../../src/reproduce/cores-like.ts';

const input = fc.record({
  n: fc.integer({ min: 1, max: 3000 }),
  latencyMs: fc.double({ min: 1, max: 500, noNaN: true }),
  asyncioPool: fc.integer({ min: 1, max: 400 }),
  asyncioCpuMs: fc.double({ min: 0, max: 10, noNaN: true }),
  threadPoolCpuMs: fc.double({ min: 0, max: 10, noNaN: true }),
});

describe('predictSpeedup', () => {
  it('law: monotone in workers (a bigger thread pool never predicts a larger speed-up of asyncio over it)', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), (x, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(predictSpeedup({ ...x, workers: large }).speedup).toBeLessThanOrEqual(predictSpeedup({ ...x, workers: small }).speedup);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it('law: with c = 0 it is the ratio of the wait roofs, ⌈N/W⌉ / ⌈N/P⌉', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 64 }), (x, workers) => {
        const p = predictSpeedup({ ...x, workers, asyncioCpuMs: 0, threadPoolCpuMs: 0 });
        expect(p.speedup).toBeCloseTo(Math.ceil(x.n / workers) / Math.ceil(x.n / x.asyncioPool), 9);
        expect(p.asyncioRoof).toBe('wait');
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it('names the CPU roof when N·c is above asyncio\'s wait roof (the 2-core figure: ~11.7× with a pool of 6)', () => {
    const p = predictSpeedup({ n: 1600, latencyMs: 114, workers: 6, asyncioPool: 100, asyncioCpuMs: 1.62 });
    expect(p.asyncioRoof).toBe('cpu');
    expect(p.asyncioMs).toBeCloseTo(1600 * 1.62, 6);
    expect(p.threadPoolMs).toBeCloseTo(267 * 114, 6);
    expect(p.speedup).toBeCloseTo(11.74, 1);
  });
});

describe('pythonWorkersFor and coresList', () => {
  it('is min(32, cores + 4)', () => {
    expect([1, 2, 4, 8, 16, 28, 64].map(pythonWorkersFor)).toEqual([5, 6, 8, 12, 20, 32, 32]);
  });

  it('adds this machine once and sorts', () => {
    expect(coresList([16, 4, 8], 2)).toEqual([2, 4, 8, 16]);
    expect(coresList([4, 8], 4)).toEqual([4, 8]);
  });
});

describe('coresTable', () => {
  const measured = (threadPoolMs: Map<number, number>) => ({ n: 1600, latencyMs: 114, asyncioMs: 2600, asyncioCpuMs: 1.62, asyncioPool: 100, threadPoolCpuMs: 1.3, ownCores: 2, threadPoolMs });

  it('picks the row whose prediction is nearest the blog\'s figure and judges the measurement there', () => {
    // Times as the model says: ⌈1600/W⌉·114 for W = 6, 8, 12, 20.
    const times = new Map([2, 4, 8, 16].map((c) => [c, Math.ceil(1600 / pythonWorkersFor(c)) * 114]));
    const table = coresTable(measured(times), 3.5, 1.5);
    expect(table.rows.map((r) => r.workers)).toEqual([6, 8, 12, 20]);
    expect(table.rows[0]?.own).toBe(true);
    expect(table.closest?.cores).toBe(16);
    expect(table.closest?.status).toBe('reproduced');
    for (const r of table.rows) expect(r.error).toBeLessThan(0.05);
  });

  it('says not reproduced when the emulated machine measures far from the blog', () => {
    const times = new Map([[2, 31_000], [16, 30_000]]);
    const table = coresTable(measured(times), 3.5, 1.5);
    expect(table.closest).toMatchObject({ cores: 16, status: 'not reproduced' });
    expect(table.rows[1]?.error).toBeGreaterThan(1);
  });
});
