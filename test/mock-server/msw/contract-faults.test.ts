/**
 * The msw ⇄ node contract under faults and limits, not only on a clean
 * profile: the same profile, the same requests in the same order, and each
 * request ends the same way on both adapters (outcome, status, Retry-After).
 */
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { parseProfile } from '../../../mock-server/profile/index.ts';
import { useBothAdapters } from './both-adapters.ts';

// Every fault kind but `hang` (its outcome is the client's timeout, the same
// on both by construction), each likely enough that 40 requests see them all,
// and a token bucket of 30 that the 40 requests run dry. Each adapter has its
// own bucket, filling at one token in 1000 s, so no token arrives during the
// test and both admit the same requests; the limiter's Retry-After counts
// down from ~1000 s in real time, so it may differ by a second between the two.
const profile = parseProfile({
  seed: 17,
  delay: { type: 'fixed', ms: 0 },
  faults: [
    { kind: 'http-error', probability: 0.1, status: 502 },
    { kind: 'rate-limited', probability: 0.1, retryAfterSeconds: 3 },
    { kind: 'malformed-json', probability: 0.1 },
    { kind: 'reset', probability: 0.1 },
    { kind: 'empty', probability: 0.1 },
  ],
  rateLimit: { requestsPerSecond: 0.001, burst: 30 },
});
const adapters = useBothAdapters(profile, { drainTimeoutMs: 100 });

/** How one request ended, as a client sees it. */
type Ending = { outcome: 'ok' | 'http-error'; status: number; retryAfter: string | null } | { outcome: 'network-error' };

async function viaReal(path: string): Promise<Ending> {
  try {
    const res = await request(`${adapters.real.url}${path}`);
    const body = await res.body.text();
    const retryAfter = (res.headers['retry-after'] as string | undefined) ?? null;
    if (res.statusCode !== 200) return { outcome: 'http-error', status: res.statusCode, retryAfter };
    JSON.parse(body);
    return { outcome: 'ok', status: 200, retryAfter };
  } catch {
    return { outcome: 'network-error' };
  }
}

async function viaMsw(path: string): Promise<Ending> {
  try {
    const res = await fetch(`${adapters.real.url}${path}`);
    const body = await res.text();
    const retryAfter = res.headers.get('retry-after');
    if (res.status !== 200) return { outcome: 'http-error', status: res.status, retryAfter };
    JSON.parse(body);
    return { outcome: 'ok', status: 200, retryAfter };
  } catch {
    return { outcome: 'network-error' };
  }
}

describe('contract under faults and limits: msw handlers end each request like the real server', () => {
  it('gives the same outcome, status and Retry-After for the same 40 requests in the same order', async () => {
    // Ids 1..20 twice: the second ask of a key draws that key's second fault.
    const paths = Array.from({ length: 40 }, (_, i) => `/api/v2/pokemon/${(i % 20) + 1}`);
    const endings: { real: Ending; msw: Ending }[] = [];
    for (const path of paths) endings.push({ real: await viaReal(path), msw: await viaMsw(path) });
    for (const [i, { real: r, msw: m }] of endings.entries()) {
      const where = `${paths[i]} (request ${i + 1})`;
      expect(m.outcome, where).toBe(r.outcome);
      if (r.outcome === 'network-error' || m.outcome === 'network-error') continue;
      expect(m.status, where).toBe(r.status);
      expect(m.retryAfter === null, where).toBe(r.retryAfter === null);
      if (r.retryAfter !== null) expect(Math.abs(Number(m.retryAfter) - Number(r.retryAfter)), where).toBeLessThanOrEqual(1);
    }
    // The case is only worth something if it met every kind of ending, the limit included.
    const seen = new Set(endings.map(({ real: e }) => (e.outcome === 'network-error' ? e.outcome : `${e.outcome} ${e.status}`)));
    expect([...seen].toSorted()).toEqual(['http-error 429', 'http-error 502', 'network-error', 'ok 200']);
    expect(endings.some(({ real: e }) => e.outcome === 'http-error' && e.status === 429 && e.retryAfter === '3')).toBe(true);
    expect(endings.some(({ real: e }) => e.outcome === 'http-error' && e.status === 429 && Number(e.retryAfter) > 900)).toBe(true);
  });
});
