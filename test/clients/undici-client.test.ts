// What only the undici client has: a workerSpec that rebuilds it elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciClient, UNDICI_WORKER_MODULE } from '../../src/clients/undici-client.ts';
import type { FetchOne, FetchResult } from '../../src/types/index.ts';
import { startTinyServer } from '../helpers/tiny-server.ts';
import type { TinyServer } from '../helpers/tiny-server.ts';

let server: TinyServer;
beforeAll(async () => {
  server = await startTinyServer((id) => (id === 13 ? { body: 'malformed' } : { status: id >= 400 ? id : 200, delayMs: 2 }));
});
afterAll(() => server.close());

type Settled = FetchResult | { code: unknown };
const settle = (p: Promise<FetchResult>): Promise<Settled> => p.catch((e: { code?: unknown }) => ({ code: e.code }));

describe('createUndiciClient', () => {
  it('describes itself as a plain-JS module plus structured-cloneable options', () => {
    const fetchOne = createUndiciClient({ baseUrl: server.url, connections: 3 });
    try {
      expect(fetchOne.workerSpec.module).toBe(UNDICI_WORKER_MODULE);
      expect(UNDICI_WORKER_MODULE).toMatch(/^file:.*\.mjs$/);
      expect(structuredClone(fetchOne.workerSpec.options)).toEqual(fetchOne.workerSpec.options);
      expect(fetchOne.workerSpec.options).toMatchObject({ connections: 3, origin: server.url });
    } finally {
      void fetchOne.close();
    }
  });

  it('rebuilds, from its workerSpec, a client that answers the same', async () => {
    const main = createUndiciClient({ baseUrl: server.url });
    const { default: create } = (await import(main.workerSpec.module)) as { default: (options: unknown) => FetchOne };
    const rebuilt = create(structuredClone(main.workerSpec.options));
    try {
      const ids = [1, 13, 404, 500];
      const run = (f: FetchOne) => Promise.all(ids.map((id) => settle(f(id, new AbortController().signal))));
      const [a, b] = await Promise.all([run(main), run(rebuilt)]);
      expect(b).toEqual(a);
      expect(a.map((r) => ('status' in r ? r.status : r.code))).toEqual([200, 'ERR_POKEBENCH_INVALID_JSON', 404, 500]);
    } finally {
      await Promise.all([main.close(), rebuilt.close?.()]);
    }
  });
});
