// End to end on a real mock: requests lost beyond the profile's faults make a
// point invalid (and the verdict, and the matchers) with the cause; the
// profile's own faults, counted by the server, never do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServerHandle } from '../../mock-server/index.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { createUndiciClient } from '../../src/clients/index.ts';
import { measureScaling } from '../../src/sweep/measure-scaling.ts';
import { concurrent } from '../../src/strategies/index.ts';
import type { FetchOne } from '../../src/types/index.ts';
import '../../src/vitest/matchers.ts';

// Every fault that loses a request, often, so each run of a few requests draws some.
const FAULTY = parseProfile({
  name: 'faulty',
  seed: 7,
  delay: { type: 'fixed', ms: 5 },
  faults: [
    { kind: 'reset', probability: 0.15 },
    { kind: 'empty', probability: 0.1 },
    { kind: 'malformed-json', probability: 0.1 },
    { kind: 'hang', probability: 0.05 },
    { kind: 'http-error', status: 503, probability: 0.1 },
  ],
});

let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({ profile: FAULTY });
});
afterAll(() => server.close({ drainTimeoutMs: 100 }));

const client = () => createUndiciClient({ baseUrl: server.url });
const options = { ns: [4, 8, 16], repeats: 3, maxRepeats: 3, timeoutMs: 300, serverFaults: () => server.api.faultCounts() };

/** A client that loses every `every`-th request to the machine, as a process out of file descriptors does. */
function losing(every: number): () => FetchOne {
  return () => {
    const inner = client();
    let calls = 0;
    const fetchOne: FetchOne = (id, signal) =>
      ++calls % every === 0 ? Promise.reject(Object.assign(new Error('connect EMFILE 127.0.0.1'), { code: 'EMFILE' })) : inner(id, signal);
    return Object.assign(fetchOne, { close: inner.close });
  };
}

describe('a sweep that lost requests', () => {
  it("is never invalid for its profile's own faults, counted by the server", async () => {
    const result = await measureScaling(concurrent(), { ...options, client });
    expect(result.points.reduce((sum, p) => sum + p.failed, 0)).toBeGreaterThan(0);
    expect(result.points.map((p) => p.invalid)).toEqual([undefined, undefined, undefined]);
    expect(result.verdict).not.toBe('invalid');
  });

  it('is invalid, with the cause, when requests are lost beyond the injected faults', async () => {
    const result = await measureScaling(concurrent(), { ...options, client: losing(4) });
    expect(result.verdict).toBe('invalid');
    expect(result.points.every((p) => p.invalid !== undefined)).toBe(true);
    expect(result.analysis.verdict.reason).toMatch(/N = 4: 3 of 12 requests were lost beyond the faults the profile injected/);
    expect(result.analysis.verdict.reason).toMatch(/× EMFILE: the process ran out of file descriptors .*Fix: .*ulimit -n/);
    expect(() => expect(result).toStayFlat()).toThrow(/the measurement is invalid\. N = 4: .*EMFILE/);
  });

  it('without the server\'s counts, judges by the loss threshold: these faults are far past it', async () => {
    const result = await measureScaling(concurrent(), { ...options, serverFaults: undefined, client });
    expect(result.verdict).toBe('invalid');
    expect(result.analysis.verdict.reason).toMatch(/did not say which faults it injected/);
  });
});
