import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServerHandle } from '../../mock-server/index.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { createUndiciClient } from '../../src/clients/undici-client.ts';
import { measureTrial, type TrialResult } from '../../src/measure/index.ts';
import { bounded, concurrent, workers } from '../../src/strategies/index.ts';
import { slowedStrategy } from '../../src/sweep/slowed-strategy.ts';

// The planted regression of the gate's tests and benchmark must be a real
// slower run: each request holds its slot a further fraction of its delay.
// Lower bounds only (the wait forces them), so a loaded box cannot break them.
const DELAY_MS = 30;
let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({ profile: parseProfile({ name: 'fixed-30ms', seed: 1, delay: { type: 'fixed', ms: DELAY_MS } }), port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('slowedStrategy', () => {
  it('keeps the name, kind and k, so results and the gate see the same strategy', () => {
    const slowed = slowedStrategy(bounded(3), 0.2);
    expect([slowed.name, slowed.kind, slowed.k]).toEqual(['bounded(3)', 'bounded', 3]);
    expect(() => slowedStrategy(concurrent(), -1)).toThrow('fraction must be a number ≥ 0');
    expect(() => slowedStrategy(concurrent(), 0.2, Number.NaN)).toThrow('cpuPerRequestMs must be a number ≥ 0');
  });

  it.each([
    { name: 'concurrent', make: () => concurrent(), cpu: (run: TrialResult) => run.loopActiveMs },
    { name: 'workers(2)', make: () => workers(2), cpu: (run: TrialResult) => run.cpuMs.user + run.cpuMs.system },
  ])('$name slowed by 50% of 20 ms of CPU a request computes 10 ms more per request, where its client runs', async ({ make, cpu }) => {
    const run = await measureTrial({ strategy: slowedStrategy(make(), 0.5, 20), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 4 });
    expect(run.counts.ok).toBe(4);
    expect(cpu(run)).toBeGreaterThanOrEqual(4 * 10);
  });

  it.each([
    { name: 'bounded(2)', make: () => bounded(2) },
    { name: 'workers(2)', make: () => workers(2) },
  ])('$name slowed by 100% holds each slot twice the delay: 4 requests on 2 slots take ≥ 2 × 2L, all ok', async ({ make }) => {
    const run = await measureTrial({ strategy: slowedStrategy(make(), 1), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 4 });
    expect(run.counts.ok).toBe(4);
    expect(run.wallMs).toBeGreaterThanOrEqual(2 * 2 * DELAY_MS);
    // The server's delays are untouched, so the model's ideal is too: the slowdown is the client's.
    expect(run.records.map((r) => r.delayMs)).toEqual([DELAY_MS, DELAY_MS, DELAY_MS, DELAY_MS]);
  });
});
