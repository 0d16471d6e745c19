import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildMockServer, type ChildMockServer } from '../../mock-server/node/child.ts';
import { runBenchmark } from '../../src/sweep/run-benchmark.ts';
import { runFacts } from '../../src/report/run-facts.ts';
import type { MockStats } from '../../mock-server/core/mock-api.ts';

const TOKEN = 'remote-test-token';
let target: ChildMockServer;

beforeAll(async () => {
  target = await startChildMockServer({ profile: 'instant', workers: 2, args: ['--admin-token', TOKEN] });
}, 60_000);
afterAll(() => target?.close());

const config = (url: string) => ({ url, strategies: ['concurrent', 'sequential'], n: [1, 4, 8], sequentialN: [1, 2], repeats: 2, warmup: 0 });

describe('run --url against a multi-worker mock', () => {
  it('names the target and how many workers served it, with the merged stats equal to what was sent', async () => {
    await fetch(`${target.url}/__admin/reset`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    const results = await runBenchmark(config(target.url), { adminToken: TOKEN });
    expect(results.settings.url).toBe(target.url);
    expect(results.settings.target?.workers).toBe(2);
    // Every request of every run: concurrent (1 + 4 + 8) and sequential (1 + 2), twice each.
    const sent = (1 + 4 + 8 + 1 + 2) * 2;
    const stats = results.settings.target?.stats as MockStats & { cluster: { workers: number } };
    expect(stats.requests).toBe(sent);
    expect(stats.cluster.workers).toBe(2);
    expect(results.settings.profile.name).toBe('instant');
    expect(runFacts(results).find((f) => f.label === 'server')?.value).toBe(`${target.url} (2 workers)`);
  }, 60_000);

  it('still counts the workers from the open health check without the token, and says the stats are unknown', async () => {
    const results = await runBenchmark(config(target.url));
    expect(results.settings.target).toEqual({ workers: 2, stats: null });
  }, 60_000);
});
