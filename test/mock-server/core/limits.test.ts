import { beforeAll, describe, expect, it } from 'vitest';
import { createPokemonStore, type PokemonStore } from '../../../mock-server/data/pokemon-store.ts';
import { MockApi } from '../../../mock-server/core/mock-api.ts';
import { parseProfile } from '../../../mock-server/profile/index.ts';

let store: PokemonStore;
beforeAll(() => {
  store = createPokemonStore({ payload: 'slim', origin: 'http://mock.test' });
});

function apiWith(limits: object, clock: { t: number }): MockApi {
  const profile = parseProfile({ delay: { type: 'fixed', ms: 10 }, ...limits });
  return new MockApi({ store, profile, origin: 'http://mock.test', now: () => clock.t });
}

describe('MockApi limits', () => {
  it('rate limit: past the burst, answers 429 at once with Retry-After in whole seconds, and counts it as a rate-limit fault', () => {
    const clock = { t: 0 };
    const api = apiWith({ rateLimit: { requestsPerSecond: 2, burst: 2 } }, clock);
    const statuses = [1, 2, 3].map((id) => api.respond('GET', `/api/v2/pokemon/${id}`));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(statuses[2]).toMatchObject({ delayMs: 0, fault: 'rate-limit', route: 'pokemon' });
    expect(statuses[2]?.headers['retry-after']).toBe('1');
    clock.t = 500; // one token refilled at 2/s
    expect(api.respond('GET', '/api/v2/pokemon/4').status).toBe(200);
    const stats = api.stats().routes['pokemon'];
    expect(stats?.faults).toEqual({ 'rate-limit': 1 });
    // Turned-away requests drew no delay, so they stay out of the delay histogram.
    expect(stats?.delay.count).toBe(3);
  });

  it('rate limit: a bad or routed-elsewhere request does not spend a token', () => {
    const api = apiWith({ rateLimit: { requestsPerSecond: 1, burst: 1 } }, { t: 0 });
    expect(api.respond('GET', '/nowhere').status).toBe(404);
    expect(api.respond('POST', '/api/v2/pokemon/1').status).toBe(405);
    expect(api.respond('GET', '/api/v2/pokemon/1').status).toBe(200);
  });

  it('concurrency cap: replies carry a gate ticket; past the queue limit, 503 queue-full with Retry-After: 1', () => {
    const api = apiWith({ concurrency: { max: 1, queueLimit: 1 } }, { t: 0 });
    const [a, b, c] = [1, 2, 3].map((id) => api.respond('GET', `/api/v2/pokemon/${id}`));
    expect([a?.ticket?.state, b?.ticket?.state, c?.ticket]).toEqual(['running', 'queued', undefined]);
    expect(c).toMatchObject({ status: 503, fault: 'queue-full' });
    expect(c?.headers['retry-after']).toBe('1');
    expect(api.stats().routes['pokemon']?.faults).toEqual({ 'queue-full': 1 });
  });

  it('bandwidth: API replies carry the rate; a profile swap takes the limits with it', () => {
    const api = apiWith({ bandwidth: { bytesPerSecond: 1000 } }, { t: 0 });
    expect(api.respond('GET', '/api/v2/pokemon/1').bytesPerSecond).toBe(1000);
    api.setProfile(parseProfile({ delay: { type: 'fixed', ms: 1 } }));
    expect(api.respond('GET', '/api/v2/pokemon/1').bytesPerSecond).toBeUndefined();
    expect(api.gate).toBeUndefined();
  });
});

describe('profile limits: bad values name the field and the rule', () => {
  it.each([
    [{ rateLimit: { requestsPerSecond: 0 } }, 'rateLimit.requestsPerSecond', 'must be > 0'],
    [{ rateLimit: { requestsPerSecond: 5, burst: 0.5 } }, 'rateLimit.burst', 'must be an integer'],
    [{ concurrency: { max: 0 } }, 'concurrency.max', 'must be >= 1'],
    [{ concurrency: { max: 2, queueLimit: -1 } }, 'concurrency.queueLimit', 'must be >= 0'],
    [{ bandwidth: { bytesPerSecond: 0 } }, 'bandwidth.bytesPerSecond', 'must be >= 1'],
    [{ bandwidth: { bps: 10 } }, 'bandwidth', 'unknown field'],
  ])('%j → %s: %s', (limits, field, rule) => {
    expect(() => parseProfile({ delay: { type: 'fixed', ms: 1 }, ...limits }, 'test.json')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`${field.replace('.', '\\.')}.*${rule}`)) }),
    );
  });
});
