import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildMockServer, type ChildMockServer } from '../../../mock-server/node/child.ts';
import { startMockServer, type MockServerHandle } from '../../../mock-server/node/server.ts';
import { parseProfile, sampleDelay } from '../../../mock-server/profile/index.ts';
import { DRAW_HEADER, drawHeaderFromRaw, parseDrawHeader } from '../../../mock-server/core/draw-header.ts';

// Small, varied delays: every draw differs, and a property run stays short.
const PROFILE = { name: 'draws', seed: 11, delay: { type: 'lognormal', median: 2, sigma: 0.8 }, clamp: { max: 15 } };
const profile = parseProfile(PROFILE, 'test');

let dir: string;
let oneWorker: ChildMockServer;
let twoWorkers: ChildMockServer;
let replicas: MockServerHandle[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokebench-draws-'));
  const path = join(dir, 'draws.json');
  await writeFile(path, JSON.stringify(PROFILE));
  [oneWorker, twoWorkers, ...replicas] = await Promise.all([
    startChildMockServer({ profile: path, workers: 1 }),
    startChildMockServer({ profile: path, workers: 2 }),
    startMockServer({ profile }) as never,
    startMockServer({ profile }) as never,
  ]);
}, 90_000);
afterAll(async () => {
  await Promise.all([oneWorker?.close(), twoWorkers?.close(), ...(replicas ?? []).map((r) => r.close())]);
  await rm(dir, { recursive: true, force: true });
});

/** GETs pokemon `key` on a connection of its own (round-robin moves it to the next worker) and returns the applied delay. */
async function delayOf(base: string, key: number, draw?: string): Promise<number> {
  const dispatcher = new Agent({ pipelining: 0 });
  try {
    const headers: Record<string, string> = { connection: 'close' };
    if (draw !== undefined) headers[DRAW_HEADER] = draw;
    const res = await request(`${base}/api/v2/pokemon/${key}`, { headers, dispatcher });
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    return Number(res.headers['x-mock-delay-ms']);
  } finally {
    await dispatcher.close();
  }
}

const drawName = fc.oneof(fc.nat({ max: 4 }).map(String), fc.constantFrom('run-a/0', 'run-a/1', 'run-b/rep-3/17'));
const requests = fc.array(fc.record({ key: fc.integer({ min: 1, max: 6 }), draw: drawName }), { minLength: 1, maxLength: 10 });

describe('x-pokebench-draw', () => {
  it('any interleaving over 1 worker, 2 workers and 2 separate servers gives each (key, draw) the same delay', async () => {
    await fc.assert(
      fc.asyncProperty(
        requests.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }), fc.array(fc.boolean(), { minLength: rs.length, maxLength: rs.length }))),
        async ([inOrder, shuffled, side]) => {
          const seen = new Map<string, Set<number>>();
          const note = (key: number, draw: string, ms: number) => {
            const id = `${key}|${draw}`;
            seen.set(id, (seen.get(id) ?? new Set()).add(ms));
          };
          await Promise.all([
            ...inOrder.map(async (r) => note(r.key, r.draw, await delayOf(oneWorker.url, r.key, r.draw))),
            ...shuffled.map(async (r) => note(r.key, r.draw, await delayOf(twoWorkers.url, r.key, r.draw))),
            ...shuffled.map(async (r, i) => note(r.key, r.draw, await delayOf(replicas[side[i] ? 1 : 0]!.url, r.key, r.draw))),
          ]);
          for (const [id, delays] of seen) {
            expect(delays.size, id).toBe(1);
            const [key, draw] = id.split('|') as [string, string];
            // An index names the key's n-th draw: the delay a fresh single process gives its n-th request.
            if (/^\d+$/.test(draw)) expect([...delays][0]).toBe(sampleDelay(profile, 'pokemon', key, Number(draw)));
          }
        },
      ),
      { numRuns: 12, seed: 1515 },
    );
  }, 120_000);

  it('without the header, a delay is the key\'s next draw in the answering process (the n-th request gets draw n)', async () => {
    const server = await startMockServer({ profile });
    try {
      const unnamed = [await delayOf(server.url, 25), await delayOf(server.url, 25), await delayOf(server.url, 25)];
      expect(unnamed).toEqual([0, 1, 2].map((n) => sampleDelay(profile, 'pokemon', '25', n)));
      // A named draw does not advance the counter.
      await delayOf(server.url, 25, 'run-a/0');
      expect(await delayOf(server.url, 25)).toBe(sampleDelay(profile, 'pokemon', '25', 3));
    } finally {
      await server.close();
    }
  });

  it('answers 400 naming the header and its rule for an unusable value, and keeps serving', async () => {
    const server = replicas[0]!;
    const dispatcher = new Agent();
    try {
      const bad = await request(`${server.url}/api/v2/pokemon/1`, { headers: { [DRAW_HEADER]: 'has space' }, dispatcher });
      expect(bad.statusCode).toBe(400);
      expect(await bad.body.text()).toContain(`${DRAW_HEADER} must be 1 to 128 characters`);
      expect(await delayOf(server.url, 1, '0')).toBe(sampleDelay(profile, 'pokemon', '1', 0));
    } finally {
      await dispatcher.close();
    }
  });

  it('parses an index below 2^32 as a draw index and anything else usable as a name', () => {
    expect(parseDrawHeader('3')).toEqual({ ok: true, draw: { n: 3 } });
    expect(parseDrawHeader('4294967296')).toEqual({ ok: true, draw: { salt: '4294967296' } });
    expect(parseDrawHeader('run-7/rep-2/41')).toEqual({ ok: true, draw: { salt: 'run-7/rep-2/41' } });
    expect(parseDrawHeader(undefined)).toEqual({ ok: true, draw: undefined });
    expect(parseDrawHeader('')).toMatchObject({ ok: false });
    expect(parseDrawHeader('x'.repeat(129))).toMatchObject({ ok: false });
    expect(parseDrawHeader(['1', '2'])).toMatchObject({ ok: false, reason: expect.stringContaining('one x-pokebench-draw header') });
  });

  it('finds the header in raw headers whatever its case, and every copy of it', () => {
    expect(drawHeaderFromRaw(['Host', 'x', 'X-Pokebench-Draw', 'run-1/2'])).toBe('run-1/2');
    expect(drawHeaderFromRaw(['x-pokebench-draw', '1', 'X-POKEBENCH-DRAW', '2'])).toEqual(['1', '2']);
    expect(drawHeaderFromRaw(['x-pokebench-drawn', '1', 'Accept', '*/*'])).toBeUndefined();
  });
});
