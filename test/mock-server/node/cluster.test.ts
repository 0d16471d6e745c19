import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { startMockCluster, type MockClusterHandle } from '../../../mock-server/node/cluster.ts';
import { mergeStats } from '../../../mock-server/stats/merge-stats.ts';
import type { MockStats } from '../../../mock-server/core/mock-api.ts';

// One cluster per process (node:cluster has one primary): every test here shares it.
let cluster: MockClusterHandle;
const warnings: string[] = [];
const TOKEN = 'cluster-test-token';
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  cluster = await startMockCluster({
    workers: 2,
    profile: { seed: 5, delay: { type: 'uniform', min: 1, max: 3 } },
    adminToken: TOKEN,
    warn: (m) => void warnings.push(m),
  });
}, 60_000);
afterAll(() => cluster?.close());

/** One request on its own connection, so round-robin hands each to the next worker. */
async function fresh(path: string, headers: Record<string, string> = {}) {
  const dispatcher = new Agent({ pipelining: 0 });
  try {
    const res = await request(`${cluster.url}${path}`, { headers: { connection: 'close', ...headers }, dispatcher });
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  } finally {
    await dispatcher.close();
  }
}

const admin = async (path: string, init: { method?: string; body?: string } = {}) => {
  const res = await request(`${cluster.url}/__admin${path}`, { method: (init.method ?? 'GET') as 'GET', headers: auth, body: init.body });
  return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
};

describe('startMockCluster', () => {
  it('serves from every worker round-robin, and health reports them', async () => {
    const served = new Set<string>();
    for (let i = 0; i < 6; i++) served.add(String((await fresh(`/api/v2/pokemon/${i + 1}`)).headers['x-mock-worker']));
    expect(served.size).toBe(2);
    const health = await fresh('/__admin/health'); // open: no token needed
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok', workers: 2, expected: 2 });
  });

  it('merges the stats of every worker: the counts equal what was sent', async () => {
    expect((await admin('/reset', { method: 'POST' })).status).toBe(200);
    const sent = 23;
    await Promise.all(Array.from({ length: sent }, (_, i) => fresh(`/api/v2/pokemon/${(i % 5) + 1}`)));
    await fresh('/api/v2/pokemon?limit=3');
    const stats = (await admin('/stats')).json as unknown as MockStats & { cluster: { workers: number; complete: boolean } };
    expect(stats.requests).toBe(sent + 1);
    expect(stats.routes['pokemon']?.requests).toBe(sent);
    expect(stats.routes['pokemon']?.statuses).toEqual({ '200': sent });
    expect(stats.routes['pokemon']?.histogram.count).toBe(sent);
    expect(stats.routes['pokemon-list']?.requests).toBe(1);
    expect(stats.cluster).toMatchObject({ workers: 2, complete: true });
  });

  it('applies a profile replacement on every worker, and refuses a bad one on all of them', async () => {
    const put = await admin('/profile', { method: 'PUT', body: JSON.stringify({ seed: 1, delay: { type: 'fixed', ms: 7 } }) });
    expect(put.status).toBe(200);
    const seen = new Map<string, string>();
    for (let i = 0; i < 6; i++) {
      const res = await fresh('/api/v2/pokemon/25');
      seen.set(String(res.headers['x-mock-worker']), String(res.headers['x-mock-delay-ms']));
    }
    expect(seen.size).toBe(2);
    expect([...seen.values()]).toEqual(['7.00', '7.00']);
    const bad = await admin('/profile', { method: 'PUT', body: JSON.stringify({ seed: 1, delay: { type: 'fixed', ms: -1 } }) });
    expect(bad.status).toBe(400);
    expect(String(bad.json['message'])).toContain('delay');
    expect((await admin('/profile')).json).toMatchObject({ delay: { type: 'fixed', ms: 7 } });
  });

  it('restarts a killed worker; the other worker loses no in-flight request, and the stats say a worker was lost', async () => {
    await admin('/profile', { method: 'PUT', body: JSON.stringify({ seed: 1, delay: { type: 'fixed', ms: 3_000 } }) });
    await admin('/reset', { method: 'POST' });
    const [victim] = cluster.pids();
    const sent = 20;
    const outcomes = Promise.all(
      Array.from({ length: sent }, (_, i) =>
        fresh(`/api/v2/pokemon/${i + 1}`).then(
          (res) => ({ ok: true as const, worker: String(res.headers['x-mock-worker']) }),
          () => ({ ok: false as const }),
        ),
      ),
    );
    // Kill one worker once all 20 have arrived and wait out their 3 s.
    const deadline = Date.now() + 2_000;
    let arrived = 0;
    while (arrived < sent && Date.now() < deadline) {
      arrived = ((await admin('/stats')).json as unknown as MockStats).requests;
      if (arrived < sent) await new Promise((r) => setTimeout(r, 20));
    }
    expect(arrived).toBe(sent);
    process.kill(victim!, 'SIGKILL');
    const results = await outcomes;
    const ok = results.filter((r) => r.ok);
    const failed = results.length - ok.length;
    expect(results).toHaveLength(sent);
    expect(failed).toBeGreaterThan(0); // the victim's in-flight requests die with it
    // Every request the survivor received was answered, and only the survivor answered.
    expect(new Set(ok.map((r) => r.worker)).size).toBe(1);
    await cluster.restarted(1);
    const after = (await admin('/stats')).json as unknown as MockStats & { cluster: { restarts: number; complete: boolean; lost: { pid: number }[] } };
    expect(after.requests).toBe(ok.length); // the survivor's count: exactly what it answered
    expect(after.cluster).toMatchObject({ restarts: 1, complete: false, lost: [{ pid: victim }] });
    expect(JSON.parse((await fresh('/__admin/health')).text)).toMatchObject({ status: 'ok', workers: 2, restarts: 1 });
    expect(warnings.some((w) => w.includes('starting a replacement'))).toBe(true);
    // The replacement takes profile changes like the others.
    const delays = new Set<string>();
    await admin('/profile', { method: 'PUT', body: JSON.stringify({ seed: 1, delay: { type: 'fixed', ms: 9 } }) });
    for (let i = 0; i < 4; i++) delays.add(String((await fresh('/api/v2/pokemon/1')).headers['x-mock-delay-ms']));
    expect([...delays]).toEqual(['9.00']);
  });
});

describe('mergeStats', () => {
  it('sums counts and merges histograms exactly', () => {
    const part = (n: number, ms: number): MockStats => ({
      since: new Date(1000 * n).toISOString(),
      requests: n,
      routes: {
        pokemon: {
          requests: n,
          statuses: { '200': n },
          faults: {},
          delay: { count: n, min: ms, max: ms, mean: ms, p50: ms, p90: ms, p99: ms, p99_9: ms },
          histogram: { scheme: 'log1.01-floor0.01ms', count: n, min: ms, max: ms, sum: n * ms, buckets: { '100': n } },
        },
      },
    });
    const merged = mergeStats([part(2, 10), part(3, 20)]);
    expect(merged.requests).toBe(5);
    expect(merged.since).toBe(new Date(2000).toISOString());
    expect(merged.routes['pokemon']).toMatchObject({ requests: 5, statuses: { '200': 5 }, histogram: { count: 5, sum: 80, buckets: { '100': 5 } } });
    expect(merged.routes['pokemon']?.delay).toMatchObject({ count: 5, min: 10, max: 20, mean: 16 });
  });
});
