import { describe, expect, it } from 'vitest';
import { BLOG_SPEEDUP, checkClaims } from '../../src/reproduce/claims.ts';
import type { Results } from '../../src/results/types.ts';
import { buildResults, type StrategySpec } from '../gate/build-results.ts';

const L = 100;
/** The blog's four clients with the given times, c ms of CPU per request for every run. */
function blogResults(specs: StrategySpec[], cpuPerRequest: number): Results {
  const results = buildResults({ strategies: specs, ns: [100, 400, 1600], runs: 3 });
  for (const s of results.strategies) {
    for (const p of s.points) for (const r of p.runs) r.cpuMs = cpuPerRequest * p.n;
    s.scaling.meanLatencyMs = L;
  }
  return results;
}

const threadpool = (w: number): StrategySpec => ({ name: 'py-threadpool', kind: 'bounded', k: w, verdict: { class: 'partial', k: w }, timeMs: (n) => Math.ceil(n / w) * L });
const asyncio = (c: number): StrategySpec => ({ name: 'py-asyncio', kind: 'bounded', k: 100, verdict: { class: 'linear' }, timeMs: (n) => Math.max(Math.ceil(n / 100) * L, n * c) });
const go: StrategySpec = { name: 'go-goroutines', kind: 'concurrent', k: null, verdict: { class: 'flat' }, timeMs: (n) => L + 0.12 * n };

describe('checkClaims', () => {
  it('reproduces the speed-up when the pool is wide enough, and says which pool the blog had', () => {
    // W = 14, c = 2 ms: (L/W)/c = 3.6×, the blog's figure.
    const [speedup] = checkClaims(blogResults([threadpool(14), asyncio(2), go], 2));
    expect(speedup).toMatchObject({ id: 'speedup', status: 'reproduced' });
    expect(speedup?.evidence).toContain('speed-up 3.6×');
  });

  it('does not reproduce it on a 2-core machine (pool of 6): the figure and its cause are in the evidence', () => {
    const [speedup] = checkClaims(blogResults([threadpool(6), asyncio(2.3), go], 2.3));
    expect(speedup?.status).toBe('not reproduced');
    expect(speedup?.evidence).toMatch(/speed-up 7\.\d×/);
    expect(speedup?.evidence).toContain(`${BLOG_SPEEDUP}× would take a pool of about 12`);
  });

  it("asyncio is linear because of its CPU when c is above L/100, and the evidence says so", () => {
    const claims = checkClaims(blogResults([threadpool(6), asyncio(2.3), go], 2.3));
    const linear = claims.find((c) => c.id === 'asyncio-linear');
    expect(linear?.status).toBe('reproduced');
    expect(linear?.evidence).toContain('its own CPU');
  });

  it('asyncio is not called linear when it is flat (a tiny c, a huge pool)', () => {
    const flatAsyncio: StrategySpec = { name: 'py-asyncio', kind: 'concurrent', k: null, verdict: { class: 'flat' }, timeMs: (n) => L + 0.01 * n };
    const linear = checkClaims(blogResults([threadpool(6), flatAsyncio, go], 0.01)).find((c) => c.id === 'asyncio-linear');
    expect(linear?.status).toBe('not reproduced');
  });

  it('Go is flat at 0.12 ms per request, and not flat at 10 ms per request', () => {
    expect(checkClaims(blogResults([go], 0.1)).find((c) => c.id === 'go-flat')?.status).toBe('reproduced');
    const slowGo: StrategySpec = { ...go, timeMs: (n) => L + 10 * n };
    expect(checkClaims(blogResults([slowGo], 10)).find((c) => c.id === 'go-flat')?.status).toBe('not reproduced');
  });

  it('a claim whose client did not run is "not measured", never a pass', () => {
    const claims = checkClaims(blogResults([go], 0.1));
    expect(claims.filter((c) => c.status === 'not measured').map((c) => c.id)).toEqual(['speedup', 'asyncio-linear']);
  });
});
