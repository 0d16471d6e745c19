import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { request } from 'undici';
import { startMockServer, type MockServerHandle } from '../../../mock-server/index.ts';
import { parseProfile } from '../../../mock-server/profile/index.ts';
import { createUndiciClient } from '../../../src/clients/undici-client.ts';
import { measureTrial } from '../../../src/measure/index.ts';
import { concurrent } from '../../../src/strategies/index.ts';

// Wall-clock lower bounds only: a server that honours a limit cannot beat
// them, however idle the machine; upper bounds would be noise on a shared box.
let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({ profile: 'instant' });
});
afterAll(async () => {
  await server.close({ drainTimeoutMs: 100 });
});

function use(profile: object): void {
  server.api.setProfile(parseProfile({ delay: { type: 'fixed', ms: 0 }, ...profile }));
}

describe('concurrency cap on the real server', () => {
  it('serves at most c at once: 6 requests of 60 ms on c = 2 take at least 3 × 60 ms, and later ones report their queue wait', async () => {
    use({ delay: { type: 'fixed', ms: 60 }, concurrency: { max: 2 } });
    const run = await measureTrial({ strategy: concurrent(), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 6, timeoutMs: 5000 });
    expect(run.counts.ok).toBe(6);
    // Less a few ms: libuv caches its loop time in whole ms, so a 60 ms timer can look 59.x ms long to performance.now.
    expect(run.wallMs).toBeGreaterThanOrEqual(3 * 60 - 3);
    const res = await Promise.all([1, 2, 3].map((id) => request(`${server.url}/api/v2/pokemon/${id}`)));
    const waits = await Promise.all(
      res.map(async (r) => {
        await r.body.dump();
        return Number(r.headers['x-mock-queue-ms']);
      }),
    );
    // Two start at once; the third waits for a slot, a whole delay.
    expect(waits.toSorted((a, b) => a - b)[2]).toBeGreaterThanOrEqual(57);
    expect(server.api.gate?.running).toBe(0);
  });

  it('past the queue limit, 503 at once; every request still ends as exactly one outcome', async () => {
    // 300 ms: all 10 arrive while the first is still served, even on a loaded box.
    use({ delay: { type: 'fixed', ms: 300 }, concurrency: { max: 1, queueLimit: 2 } });
    server.api.reset();
    const run = await measureTrial({ strategy: concurrent(), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 10, timeoutMs: 5000 });
    // 1 served + 2 queued fit; the rest, arriving while the first is served, are turned away.
    expect(run.counts.ok + run.counts['http-error']).toBe(10);
    expect(run.counts.ok).toBeGreaterThanOrEqual(3);
    expect(run.counts['http-error']).toBeGreaterThan(0);
    expect(server.api.stats().routes['pokemon']?.faults).toEqual({ 'queue-full': run.counts['http-error'] });
  });

  it('a client that gives up while queued frees its place: the server keeps serving', async () => {
    use({ delay: { type: 'fixed', ms: 80 }, concurrency: { max: 1 } });
    const run = await measureTrial({ strategy: concurrent(), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 4, timeoutMs: 100 });
    expect(run.counts.ok + run.counts.timeout).toBe(4);
    expect(run.counts.timeout).toBeGreaterThanOrEqual(2);
    // Nothing left behind: the stats' live counters return to zero.
    await expect.poll(() => server.api.stats().live, { timeout: 1000 }).toEqual({ inFlight: 0, running: 0, queued: 0 });
    const after = await request(`${server.url}/api/v2/pokemon/1`);
    expect(after.statusCode).toBe(200);
    await after.body.dump();
  });
});

describe('bandwidth throttle on the real server', () => {
  it('a body at R bytes/s takes at least bytes / R after its delay, and arrives whole', async () => {
    use({ bandwidth: { bytesPerSecond: 40_000 } });
    const started = performance.now();
    const res = await request(`${server.url}/api/v2/pokemon/1`);
    const body = Buffer.from(await res.body.arrayBuffer());
    const elapsed = performance.now() - started;
    expect(body.length).toBe(Number(res.headers['content-length']));
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ id: 1 });
    expect(elapsed).toBeGreaterThanOrEqual((body.length / 40_000) * 1000);
  });

  it('a bigger body takes longer at the same rate (the time follows the bytes)', async () => {
    use({ bandwidth: { bytesPerSecond: 50_000 } });
    const timed = async (path: string) => {
      const t0 = performance.now();
      const res = await request(`${server.url}${path}`);
      const bytes = (await res.body.arrayBuffer()).byteLength;
      return { bytes, ms: performance.now() - t0 };
    };
    const small = await timed('/api/v2/pokemon?limit=1');
    const big = await timed('/api/v2/pokemon?limit=200');
    expect(big.bytes).toBeGreaterThan(small.bytes * 10);
    expect(big.ms).toBeGreaterThanOrEqual((big.bytes / 50_000) * 1000);
    expect(big.ms).toBeGreaterThan(small.ms);
  });
});

describe('rate limit on the real server', () => {
  it('answers 429 with Retry-After past the burst, and the client records each as one http-error', async () => {
    use({ rateLimit: { requestsPerSecond: 1, burst: 3 } });
    const run = await measureTrial({ strategy: concurrent(), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 8, timeoutMs: 5000 });
    expect(run.counts).toEqual({ ok: 3, 'http-error': 5, 'network-error': 0, timeout: 0 });
    expect(run.records.filter((r) => r.outcome === 'http-error').every((r) => 'status' in r && r.status === 429)).toBe(true);
  });
});

describe('pipelined requests on a connection that dies', () => {
  // Node 20 emits no 'close' for a response queued behind another when the
  // socket dies; the server must still free its timer, gate slot and count.
  it.each([
    ['a delayed reply', {}],
    ['a capped reply', { concurrency: { max: 1 } }],
  ])('%s queued behind another is released when the client disconnects', async (_name, limits) => {
    use({ delay: { type: 'fixed', ms: 5000 }, ...limits });
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const get = (id: number) => `GET /api/v2/pokemon/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
    socket.write(get(1) + get(2));
    await expect.poll(() => server.api.stats().live?.inFlight, { timeout: 2000 }).toBe(2);
    socket.destroy();
    await expect.poll(() => server.api.stats().live, { timeout: 2000 }).toEqual({ inFlight: 0, running: 0, queued: 0 });
  });
});
