import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import net from 'node:net';
import { request } from 'undici';
import { startMockServer, type MockServerHandle } from '../../../mock-server/index.ts';
import { parseProfile } from '../../../mock-server/profile/index.ts';

let server: MockServerHandle;

async function get(path: string, method = 'GET') {
  const res = await request(`${server.url}${path}`, { method: method as 'GET' });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text };
}

beforeAll(async () => {
  server = await startMockServer({ profile: 'instant' });
});
afterAll(async () => {
  await server.close();
});

describe('startMockServer', () => {
  it('listens on loopback on a port the OS picked', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers a pokemon by id and by name, with or without the trailing slash', async () => {
    const byId = await get('/api/v2/pokemon/25');
    expect(byId.status).toBe(200);
    expect(byId.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(byId.text);
    expect(body).toMatchObject({ id: 25, name: 'pikachu' });
    expect((await get('/api/v2/pokemon/pikachu/')).text).toBe(byId.text);
    expect((await get('/api/v2/pokemon/PIKACHU')).text).toBe(byId.text);
  });

  it("sends PokeAPI's caching and CORS headers and stamps the applied delay", async () => {
    const { headers } = await get('/api/v2/pokemon/1');
    expect(headers['cache-control']).toContain('max-age');
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['x-mock-delay-ms']).toBe('0.00');
    expect(headers['server-timing']).toBe('mock;dur=0.00;desc="applied delay"');
  });

  it("answers unknown ids and names with PokeAPI's plain-text 404", async () => {
    for (const path of ['/api/v2/pokemon/0', '/api/v2/pokemon/1026', '/api/v2/pokemon/missingno', '/api/v2/berry/1', '/']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toBe('Not Found');
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  it('pages the list with count, next and previous on its own origin', async () => {
    const first = JSON.parse((await get('/api/v2/pokemon')).text);
    expect(first.count).toBe(1025);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(`${server.url}/api/v2/pokemon?offset=20&limit=20`);
    expect(first.results).toHaveLength(20);
    expect(first.results[0]).toEqual({ name: 'bulbasaur', url: `${server.url}/api/v2/pokemon/1/` });

    const middle = JSON.parse((await get('/api/v2/pokemon/?offset=10&limit=5')).text);
    expect(middle.results.map((r: { url: string }) => r.url.split('/').at(-2))).toEqual(['11', '12', '13', '14', '15']);
    expect(middle.previous).toBe(`${server.url}/api/v2/pokemon?offset=5&limit=5`);

    const last = JSON.parse((await get('/api/v2/pokemon?offset=1020&limit=20')).text);
    expect(last.results).toHaveLength(5);
    expect(last.next).toBeNull();

    const past = JSON.parse((await get('/api/v2/pokemon?offset=5000')).text);
    expect(past.results).toEqual([]);
    expect(past.next).toBeNull();

    const all = JSON.parse((await get('/api/v2/pokemon?limit=100000')).text);
    expect(all.results).toHaveLength(1025);
    expect(new Set(all.results.map((r: { name: string }) => r.name)).size).toBe(1025);
  });

  it('answers 400 for malformed input and 405 for other methods', async () => {
    expect((await get('/api/v2/pokemon/%E0%A4%A')).status).toBe(400);
    expect((await get('/api/v2/pokemon?limit=-3')).text).toContain('limit');
    const del = await get('/api/v2/pokemon/25', 'DELETE');
    expect(del.status).toBe(405);
    expect(del.headers['allow']).toBe('GET, HEAD, OPTIONS');
    const head = await get('/api/v2/pokemon/25', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(100);
  });

  it('keeps serving after any generated request target', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.webPath(),
          fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => `/api/v2/pokemon/${encodeURIComponent(s)}`),
          fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((s) => `/api/v2/pokemon?${s}`),
        ),
        async (path) => {
          const res = await get(path.startsWith('/') ? path : `/${path}`);
          expect([200, 400, 404]).toContain(res.status);
        },
      ),
      { numRuns: 150 },
    );
    expect((await get('/api/v2/pokemon/1')).status).toBe(200);
  });
});

describe('admin API', () => {
  it('reads the active profile and replaces it after validating it', async () => {
    const current = await get('/__admin/profile');
    expect(JSON.parse(current.text)).toMatchObject({ name: 'instant' });

    const bad = await request(`${server.url}/__admin/profile`, {
      method: 'PUT',
      body: JSON.stringify({ seed: 1, delay: { type: 'lognormal', median: 50, sigma: -1 } }),
    });
    expect(bad.statusCode).toBe(400);
    const error = (await bad.body.json()) as { error: string; message: string };
    expect(error.error).toBe('ERR_POKEBENCH_PROFILE_INVALID');
    expect(error.message).toContain('delay.sigma');

    const good = await request(`${server.url}/__admin/profile`, {
      method: 'PUT',
      body: JSON.stringify({ name: 'two-ms', seed: 3, delay: { type: 'fixed', ms: 2 } }),
    });
    expect(good.statusCode).toBe(200);
    await good.body.dump();
    expect((await get('/api/v2/pokemon/7')).headers['x-mock-delay-ms']).toBe('2.00');

    const restore = await request(`${server.url}/__admin/profile`, { method: 'PUT', body: current.text });
    expect(restore.statusCode).toBe(200);
    await restore.body.dump();
  });

  it('counts requests per route with delay percentiles, and resets', async () => {
    await get('/__admin/reset', 'POST');
    for (let i = 1; i <= 5; i++) await get(`/api/v2/pokemon/${i}`);
    await get('/api/v2/pokemon?limit=3');
    const stats = JSON.parse((await get('/__admin/stats')).text);
    expect(stats.routes.pokemon.requests).toBe(5);
    expect(stats.routes.pokemon.statuses).toEqual({ '200': 5 });
    expect(stats.routes['pokemon-list'].requests).toBe(1);
    expect(stats.routes.pokemon.delay).toMatchObject({ count: 5, p50: 0 });

    await get('/__admin/reset', 'POST');
    expect(JSON.parse((await get('/__admin/stats')).text).requests).toBe(0);
  });

  it('reports its own cost, cumulative: CPU and event-loop time only grow as it serves', async () => {
    const before = JSON.parse((await get('/__admin/process')).text);
    expect(before).toMatchObject({ pid: process.pid });
    for (let i = 1; i <= 50; i++) expect((await get(`/api/v2/pokemon/${i}`)).status).toBe(200);
    const after = JSON.parse((await get('/__admin/process')).text);
    for (const key of ['cpuMs', 'loopActiveMs', 'loopIdleMs'] as const) {
      expect(typeof after[key]).toBe('number');
      expect(after[key]).toBeGreaterThanOrEqual(before[key]);
    }
    expect(after.cpuMs).toBeGreaterThan(before.cpuMs);
    if (process.platform === 'linux') {
      // Its loop thread's scheduler times: on a CPU and waiting for one, both cumulative.
      expect(after.loopThread.cpuMs).toBeGreaterThan(before.loopThread.cpuMs);
      expect(after.loopThread.runQueueMs).toBeGreaterThanOrEqual(before.loopThread.runQueueMs);
    }
    expect((await get('/__admin/process', 'POST')).status).toBe(405);
  });

  it('answers health checks and 405 for a wrong method on a known admin path', async () => {
    expect((await get('/__admin/health')).status).toBe(200);
    expect((await get('/__admin/stats', 'DELETE')).status).toBe(405);
    expect((await get('/__admin/nope')).status).toBe(404);
  });
});

describe('delays', () => {
  it('applies the profile: the same seed gives every request the same delay, whatever the order', async () => {
    const profile = parseProfile({ seed: 42, delay: { type: 'uniform', min: 0, max: 5 } });
    const a = await startMockServer({ profile });
    const b = await startMockServer({ profile });
    try {
      const ids = [3, 1, 2, 3, 5, 1];
      const delaysA = new Map<string, string[]>();
      const delaysB = new Map<string, string[]>();
      for (const id of ids) {
        const res = await request(`${a.url}/api/v2/pokemon/${id}`);
        await res.body.dump();
        delaysA.set(String(id), [...(delaysA.get(String(id)) ?? []), String(res.headers['x-mock-delay-ms'])]);
      }
      // The same requests in another interleaving of keys.
      for (const id of ids.toSorted()) {
        const res = await request(`${b.url}/api/v2/pokemon/${id}`);
        await res.body.dump();
        delaysB.set(String(id), [...(delaysB.get(String(id)) ?? []), String(res.headers['x-mock-delay-ms'])]);
      }
      expect(delaysB).toEqual(delaysA);
      expect(new Set([...delaysA.values()].flat()).size).toBeGreaterThan(1);

      const other = await startMockServer({ profile, seed: 43 });
      const res = await request(`${other.url}/api/v2/pokemon/3`);
      await res.body.dump();
      await other.close();
      expect(res.headers['x-mock-delay-ms']).not.toBe(delaysA.get('3')?.[0]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('close', () => {
  it('finishes in-flight responses, then refuses new connections', async () => {
    const slow = await startMockServer({ profile: parseProfile({ seed: 1, delay: { type: 'fixed', ms: 150 } }) });
    const inFlight = Promise.all(
      [1, 2, 3].map(async (id) => {
        const res = await request(`${slow.url}/api/v2/pokemon/${id}`);
        return { status: res.statusCode, body: await res.body.text() };
      }),
    );
    // Wait until the server has all three requests, then close.
    while (slow.api.stats().requests < 3) await new Promise((r) => setTimeout(r, 5));
    await slow.close();
    const done = await inFlight;
    expect(done.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(done.every((r) => JSON.parse(r.body).id > 0)).toBe(true);
    await expect(
      new Promise((resolve, reject) => {
        const socket = net.connect(slow.port, '127.0.0.1', () => resolve('connected'));
        socket.on('error', reject);
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects a bad option naming it, and a bad profile before binding', async () => {
    await expect(startMockServer({ port: 70_000 })).rejects.toThrow(/options\.port/);
    await expect(startMockServer({ payload: 'huge' as 'slim' })).rejects.toThrow(/options\.payload/);
    await expect(startMockServer({ profile: 'no-such-profile' })).rejects.toMatchObject({ code: 'ERR_POKEBENCH_PROFILE_NOT_FOUND' });
  });
});

describe('admin API hardening', () => {
  it('refuses a request whose Origin is a web page, and accepts a loopback origin', async () => {
    const fromPage = await request(`${server.url}/__admin/reset`, { method: 'POST', headers: { origin: 'https://example.com' } });
    expect(fromPage.statusCode).toBe(403);
    await fromPage.body.dump();
    const local = await request(`${server.url}/__admin/health`, { headers: { origin: server.url } });
    expect(local.statusCode).toBe(200);
    await local.body.dump();
  });

  it('close() twice waits for the same drain', async () => {
    const other = await startMockServer({ profile: 'instant' });
    const first = other.close();
    const second = other.close();
    expect(second).toBe(first);
    await first;
  });
});
