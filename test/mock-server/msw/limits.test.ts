import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createMswHandlers } from '../../../mock-server/index.ts';
import { parseProfile } from '../../../mock-server/profile/index.ts';

// The msw adapter honours the same limits as the real server, so in-process
// tests of a client's handling of 429/503 and slow bodies see the same contract.
const origin = 'http://limits.mock';
let msw: ReturnType<typeof setupServer>;
let api: Awaited<ReturnType<typeof createMswHandlers>>['api'];

beforeAll(async () => {
  const built = await createMswHandlers({ origin, profile: 'instant' });
  api = built.api;
  msw = setupServer(...built.handlers);
  msw.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => msw.close());

const use = (limits: object, ms = 0) => api.setProfile(parseProfile({ delay: { type: 'fixed', ms }, ...limits }));

describe('msw adapter: limits', () => {
  it('rate limit: 429 with Retry-After past the burst', async () => {
    use({ rateLimit: { requestsPerSecond: 1, burst: 2 } });
    const statuses = [];
    for (const id of [1, 2, 3]) statuses.push((await fetch(`${origin}/api/v2/pokemon/${id}`)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('concurrency cap: c = 1 serves 3 requests of 40 ms one after another, and a full queue answers 503', async () => {
    use({ concurrency: { max: 1, queueLimit: 2 } }, 40);
    const started = performance.now();
    const res = await Promise.all([1, 2, 3, 4].map((id) => fetch(`${origin}/api/v2/pokemon/${id}`)));
    const statuses = res.map((r) => r.status).toSorted();
    await Promise.all(res.map((r) => r.arrayBuffer()));
    expect(statuses).toEqual([200, 200, 200, 503]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 40 - 3);
    expect(api.gate?.running).toBe(0);
  });

  it('bandwidth: the body streams at the rate and arrives whole', async () => {
    use({ bandwidth: { bytesPerSecond: 50_000 } });
    const started = performance.now();
    const res = await fetch(`${origin}/api/v2/pokemon/25`);
    const body = await res.json();
    const bytes = Number(res.headers.get('content-length') ?? JSON.stringify(body).length);
    expect(body).toMatchObject({ id: 25, name: 'pikachu' });
    expect(performance.now() - started).toBeGreaterThanOrEqual((bytes / 50_000) * 1000 - 1);
  });
});
