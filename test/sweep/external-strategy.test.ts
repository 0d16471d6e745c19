import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startMockServer, type MockServerHandle } from '../../mock-server/index.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { createUndiciClient } from '../../src/clients/undici-client.ts';
import { concurrent } from '../../src/strategies/index.ts';
import { buildResults } from '../../src/sweep/build-results.ts';
import { isExternal, peerStrategy, pythonDefaultWorkers, toTrialResult } from '../../src/sweep/external-strategy.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import { renderTable } from '../../src/report/index.ts';
import type { RunSettings } from '../../src/results/types.ts';

const fixture = (name: string) => ({ name, command: [process.execPath, fileURLToPath(new URL(`../fixtures/peers/${name}.mjs`, import.meta.url))] });

let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({ profile: parseProfile({ name: 'fixed-5', delay: { type: 'fixed', ms: 5 } }) });
});
afterAll(async () => {
  await server.close({ drainTimeoutMs: 100 });
});

const settings = (): RunSettings => ({
  profile: { name: 'fixed-5', seed: 1, definition: server.api.profile },
  serverCap: null,
  payload: 'slim',
  client: { kind: 'undici', connections: null, pipelining: 1, timeoutMs: 5000 },
  repeats: 2,
  warmup: 0,
  ladders: {},
  url: null,
});

describe('external clients in the sweep', () => {
  it('a peer runs beside a strategy: same results, its model, its delays in the ideal, counts summing to N', async () => {
    const good = peerStrategy(fixture('good'), { url: server.url });
    expect(isExternal(good)).toBe(true);
    await expect(good.run([1], createUndiciClient({ baseUrl: server.url }))).rejects.toThrow(/external client/);
    const cells = await runSweep({
      strategies: [concurrent(), good],
      ladder: () => [5, 10],
      repeats: 2,
      warmup: 0,
      makeClient: () => createUndiciClient({ baseUrl: server.url }),
      timeoutMs: 5000,
      serverFaults: () => server.api.faultCounts(),
    });
    const results = buildResults(cells, settings(), 1);
    const peer = results.strategies.find((s) => s.name === 'good');
    expect(peer).toMatchObject({ kind: 'concurrent', external: { command: expect.stringContaining('good.mjs') } });
    for (const point of peer?.points ?? []) {
      expect(point.counts.ok).toBe(point.n * 2);
      // The wait roof comes from the delays the peer saw: all 5 ms, all at once; the model's ideal is never below it.
      expect(point.model?.waitMs).toBe(5);
      expect(point.idealMs).toBeGreaterThanOrEqual(5);
      expect(point.latency.p50).toBeNaN();
      // The peer's own run-queue wait is kept per run (and billed in the model with its CPU).
      for (const run of point.runs) expect(run.runQueueMs).toBe(2.5);
    }
    expect(peer?.failures).toBeUndefined();
  });

  it('a peer that prints garbage, exits non-zero or hangs is recorded as failed runs; the sweep goes on', async () => {
    const broken = [
      peerStrategy(fixture('garbage'), { url: server.url }),
      peerStrategy(fixture('exit-nonzero'), { url: server.url }),
      peerStrategy(fixture('hang'), { url: server.url, runTimeoutMs: 500 }),
    ];
    const cells = await runSweep({
      strategies: [...broken, concurrent()],
      ladder: () => [3],
      repeats: 1,
      warmup: 0,
      makeClient: () => createUndiciClient({ baseUrl: server.url }),
    });
    const results = buildResults(cells, settings(), 1);
    const reasons = Object.fromEntries(results.strategies.map((s) => [s.name, s.failures?.map((f) => f.reason)]));
    expect(reasons).toEqual({ garbage: ['garbage'], 'exit-nonzero': ['exit'], hang: ['timeout'], concurrent: undefined });
    expect(results.strategies.find((s) => s.name === 'concurrent')?.points[0]?.counts.ok).toBe(3);
    const table = renderTable(results);
    expect(table).toContain('no run produced a result');
    expect(table).toMatch(/failed 1× \(N = 3\): timeout: /);
  });

  it('toTrialResult keeps the delays aligned: null delays are the missing indices', () => {
    const run = toTrialResult({ name: 'p', kind: 'bounded', k: 2 }, 3, {
      protocol: 'pokebench-peer/1',
      client: 'p',
      model: { kind: 'bounded', k: 2 },
      wallMs: 10,
      cpuMs: { user: 1, system: 0 },
      counts: { ok: 2, 'http-error': 0, 'network-error': 1, timeout: 0 },
      delaysMs: [4, null, 6],
    }, 50);
    expect(run).toMatchObject({ appliedDelaysMs: [4, 6], missingDelayIndices: [1], records: [], totalMs: 50, external: { peer: 'p' } });
  });

  it("the thread-pool peer is declared with Python's default pool size before it reports", () => {
    expect(pythonDefaultWorkers(2)).toBe(6);
    expect(pythonDefaultWorkers(64)).toBe(32);
    expect(peerStrategy('py-threadpool', { url: 'http://127.0.0.1:1' })).toMatchObject({ kind: 'bounded', k: pythonDefaultWorkers() });
    expect(peerStrategy('py-asyncio', { url: 'http://127.0.0.1:1' })).toMatchObject({ kind: 'bounded', k: 100 });
    expect(peerStrategy('py-asyncio', { url: 'http://127.0.0.1:1', pool: 'unlimited' })).toMatchObject({ kind: 'concurrent' });
    expect(peerStrategy('go-goroutines', { url: 'http://127.0.0.1:1' })).toMatchObject({ kind: 'concurrent' });
  });
});
