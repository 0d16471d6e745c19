import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { request } from 'undici';
import { startMockServer, type MockServerHandle } from '../../../mock-server/index.ts';
import { FAULT_KINDS, parseProfile } from '../../../mock-server/profile/index.ts';
import { createUndiciClient } from '../../../src/clients/undici-client.ts';
import { withRetry } from '../../../src/clients/retry.ts';
import { measureTrial } from '../../../src/measure/index.ts';
import { batched, bounded, concurrent, sequential, workers } from '../../../src/strategies/index.ts';
import { OUTCOMES, type RequestRecord } from '../../../src/types/index.ts';

// One server; each case swaps the profile through the admin API, as a user tuning it would.
let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({ profile: 'instant' });
});
afterAll(async () => {
  await server.close({ drainTimeoutMs: 100 });
});

function useFaults(faults: unknown[], seed = 1): void {
  server.api.setProfile(parseProfile({ seed, delay: { type: 'fixed', ms: 0 }, faults }));
}

async function runOnce(n: number, timeoutMs = 300): Promise<RequestRecord[]> {
  const run = await measureTrial({ strategy: concurrent(), fetchOne: createUndiciClient({ baseUrl: server.url }), n, timeoutMs });
  return run.records;
}

describe('fault injection: what the client sees', () => {
  it('http-error: a 5xx, recorded as http-error with the status', async () => {
    useFaults([{ kind: 'http-error', probability: 1, status: 502 }]);
    const records = await runOnce(3);
    expect(records.map((r) => [r.outcome, 'status' in r ? r.status : null])).toEqual([
      ['http-error', 502],
      ['http-error', 502],
      ['http-error', 502],
    ]);
  });

  it('rate-limited: 429 with Retry-After', async () => {
    useFaults([{ kind: 'rate-limited', probability: 1, retryAfterSeconds: 7 }]);
    const res = await request(`${server.url}/api/v2/pokemon/1`);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(await res.body.text()).toBe('Too Many Requests');
  });

  it('malformed-json: status 200 but a body cut in half, recorded as a network error INVALID_JSON', async () => {
    useFaults([{ kind: 'malformed-json', probability: 1 }]);
    const [record] = await runOnce(1);
    expect(record).toMatchObject({ outcome: 'network-error', code: 'ERR_POKEBENCH_INVALID_JSON' });
  });

  it.each(['reset', 'empty'] as const)('%s: a broken connection, recorded as a network error', async (kind) => {
    useFaults([{ kind, probability: 1 }]);
    const records = await runOnce(4);
    expect(records.every((r) => r.outcome === 'network-error')).toBe(true);
  });

  it('hang: no answer until the client gives up, recorded as a timeout', async () => {
    useFaults([{ kind: 'hang', probability: 1 }]);
    const records = await runOnce(2, 150);
    expect(records.map((r) => r.outcome)).toEqual(['timeout', 'timeout']);
  });

  it('a retry policy retries a 429 and ends with one record from its last attempt', async () => {
    server.api.reset();
    useFaults([{ kind: 'rate-limited', probability: 1, retryAfterSeconds: 0 }]);
    const fetchOne = withRetry(createUndiciClient({ baseUrl: server.url }), { attempts: 3, baseDelayMs: 1 });
    const run = await measureTrial({ strategy: sequential(), fetchOne, n: 2, timeoutMs: 2_000 });
    expect(run.records.map((r) => [r.outcome, 'status' in r ? r.status : null])).toEqual([
      ['http-error', 429],
      ['http-error', 429],
    ]);
    expect(server.api.stats().routes['pokemon']?.requests).toBe(6);
  });

  it('counts the injected faults per route in the admin stats', async () => {
    server.api.reset();
    useFaults([{ kind: 'http-error', probability: 1 }]);
    await runOnce(5);
    expect(server.api.stats().routes['pokemon']?.faults).toEqual({ 'http-error': 5 });
  });

  it('for any fault mix, limits, seed and strategy, every request ends as exactly one outcome and the server keeps serving', async () => {
    const mix = fc.array(
      fc.record({ kind: fc.constantFrom(...FAULT_KINDS), probability: fc.double({ min: 0, max: 0.15, noNaN: true }) }),
      { maxLength: FAULT_KINDS.length },
    );
    const limits = fc.record(
      {
        rateLimit: fc.record({ requestsPerSecond: fc.integer({ min: 50, max: 2000 }), burst: fc.integer({ min: 1, max: 20 }) }),
        concurrency: fc.record({ max: fc.integer({ min: 1, max: 8 }), queueLimit: fc.integer({ min: 0, max: 20 }) }),
      },
      { requiredKeys: [] },
    );
    const strategies = [sequential(), concurrent(), bounded(3), batched(3), workers(2)];
    await fc.assert(
      fc.asyncProperty(mix, limits, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: strategies.length - 1 }), fc.integer({ min: 1, max: 40 }), async (faults, extra, seed, pick, n) => {
        server.api.setProfile(parseProfile({ seed, delay: { type: 'fixed', ms: 0 }, faults, ...extra }));
        const strategy = strategies[pick]!;
        const run = await measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: server.url }), n, timeoutMs: 150 });
        expect(OUTCOMES.reduce((a, o) => a + run.counts[o], 0)).toBe(n);
        expect(new Set(run.records.map((r) => r.index)).size).toBe(n);
      }),
      { numRuns: 15, seed: 0xfa17 },
    );
    useFaults([]);
    const ok = await request(`${server.url}/api/v2/pokemon/25`);
    expect(ok.statusCode).toBe(200);
    await ok.body.dump();
  });
});

describe('fault injection: the server and the client agree on every request', () => {
  // What each injected fault must look like to the client. Concurrency caps are
  // left out: a hang holding a slot would time out requests queued behind it,
  // which no fault count names. The rate limit answers at once, so it stays in.
  const AS_HTTP_ERROR = ['http-error', 'rate-limited', 'rate-limit', 'queue-full'];
  const AS_NETWORK_ERROR = ['malformed-json', 'reset', 'empty'];
  const AS_TIMEOUT = ['hang'];
  const sum = (counts: Record<string, number>, kinds: readonly string[]): number => kinds.reduce((a, k) => a + (counts[k] ?? 0), 0);

  it("law: for any fault mix and seed, each strategy's outcomes match the server's per-kind fault counts", async () => {
    const mix = fc.array(
      fc.record({ kind: fc.constantFrom(...FAULT_KINDS), probability: fc.double({ min: 0, max: 0.1, noNaN: true }) }),
      { maxLength: FAULT_KINDS.length },
    );
    const rateLimit = fc.option(fc.record({ requestsPerSecond: fc.integer({ min: 50, max: 2000 }), burst: fc.integer({ min: 1, max: 20 }) }), { nil: undefined });
    const strategies = [sequential(), concurrent(), bounded(3), batched(3), workers(2)];
    await fc.assert(
      fc.asyncProperty(mix, rateLimit, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 24 }), async (faults, limit, seed, n) => {
        for (const strategy of strategies) {
          server.api.setProfile(parseProfile({ seed, delay: { type: 'fixed', ms: 0 }, faults, ...(limit ? { rateLimit: limit } : {}) }));
          server.api.reset();
          // 600 ms: far above a loaded box's worst answer at zero delay, so only a hang times out.
          const run = await measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: server.url }), n, timeoutMs: 600 });
          const injected = server.api.faultCounts();
          const label = `${strategy.name}, N=${n}, injected ${JSON.stringify(injected)}`;
          expect(run.counts['http-error'], label).toBe(sum(injected, AS_HTTP_ERROR));
          expect(run.counts['network-error'], label).toBe(sum(injected, AS_NETWORK_ERROR));
          expect(run.counts.timeout, label).toBe(sum(injected, AS_TIMEOUT));
          expect(run.counts.ok, label).toBe(n - Object.values(injected).reduce((a, b) => a + b, 0));
        }
      }),
      { numRuns: 8, seed: 0xfa18 },
    );
    useFaults([]);
  });
});
