// The preflight of a sweep: a ladder the (faked) machine cannot fan out is
// refused before the first request, with the limit named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MachineLimitError, type MachineLimits } from '../../src/limits/index.ts';
import { runBenchmarkWith } from '../../src/sweep/run-benchmark.ts';
import { startTinyServer, type TinyServer } from '../helpers/tiny-server.ts';

const SMALL: MachineLimits = { openFiles: { soft: 256, hard: 256 }, openNow: 20, ephemeralPorts: { low: 40000, high: 40999, count: 1000 }, somaxconn: 128 };

let server: TinyServer;
beforeAll(async () => {
  server = await startTinyServer(() => ({ delayMs: 1 }));
});
afterAll(() => server.close());

describe('runBenchmark preflight', () => {
  it('refuses a ladder that needs more sockets than the open-file limit allows, before any request', async () => {
    server.resetCounters();
    const run = runBenchmarkWith({ url: server.url, strategies: ['concurrent'], n: [1, 10, 400], repeats: 1, warmup: 0 }, {}, { machineLimits: () => SMALL });
    await expect(run).rejects.toBeInstanceOf(MachineLimitError);
    await expect(run).rejects.toThrow(/open files: concurrent at N = 400 needs 484 file descriptors .* this process may hold 256 \(ulimit -n\)\. Ways out: a lower N \(at most 172 at once here\); --connections 172/);
    expect(server.ids).toEqual([]);
  });

  it('runs the same ladder capped by --connections, and notes the backlog', async () => {
    server.resetCounters();
    const notices: string[] = [];
    const results = await runBenchmarkWith(
      { url: server.url, strategies: ['concurrent'], n: [1, 10, 400], connections: 150, repeats: 1, warmup: 0 },
      { onNotice: (m) => notices.push(m) },
      { machineLimits: () => SMALL },
    );
    expect(results.strategies[0]?.points.map((p) => p.counts.ok)).toEqual([1, 10, 400]);
    expect(notices).toEqual([expect.stringMatching(/opens 150 connections at once, past the listen backlog \(128/)]);
  });
});
