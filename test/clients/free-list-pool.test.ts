// The pool behind both clients: undici Pool's contract (a connection limit, a
// FIFO queue past it, reuse of free connections, close waits) with O(1) dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FreeListPool } from '../../src/clients/free-list-pool.mjs';
import { startTinyServer } from '../helpers/tiny-server.ts';
import type { TinyServer } from '../helpers/tiny-server.ts';

let server: TinyServer;
beforeAll(async () => {
  server = await startTinyServer(() => ({ delayMs: 1 }));
});
afterAll(() => server.close());

async function get(pool: FreeListPool, id: number): Promise<number> {
  const { statusCode, body } = await pool.request({ method: 'GET', path: `/api/v2/pokemon/${id}` });
  await body.dump();
  return statusCode;
}

function counting(pool: FreeListPool): () => number {
  let opened = 0;
  pool.on('connect', () => void (opened += 1));
  return () => opened;
}

describe('FreeListPool', () => {
  it('opens one connection per request in flight when unlimited', async () => {
    server.setReply(() => ({ holdUntilInFlight: 12 }));
    server.resetCounters();
    const pool = new FreeListPool(server.url, { connections: null });
    const opened = counting(pool);
    try {
      const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => get(pool, i + 1)));
      expect(statuses).toEqual(Array(12).fill(200));
      expect(opened()).toBe(12);
      expect(server.maxInFlight).toBe(12);
    } finally {
      await pool.close();
    }
  });

  it('never opens more than `connections`, and serves the rest in order from its queue', async () => {
    server.setReply(() => ({ delayMs: 2 }));
    server.resetCounters();
    const pool = new FreeListPool(server.url, { connections: 3 });
    const opened = counting(pool);
    try {
      const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => get(pool, i + 1)));
      expect(statuses).toEqual(Array(20).fill(200));
      expect(opened()).toBe(3);
      expect(server.maxInFlight).toBeLessThanOrEqual(3);
      // Requests past the limit wait FIFO: the server sees them in the order they were sent.
      expect(server.ids.slice(3)).toEqual(Array.from({ length: 17 }, (_, i) => i + 4));
      expect(pool.queued).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('reuses a free connection rather than opening another', async () => {
    server.setReply(() => ({}));
    const pool = new FreeListPool(server.url, {});
    const opened = counting(pool);
    try {
      for (let id = 1; id <= 5; id++) {
        expect(await get(pool, id)).toBe(200);
        // A connection is free once it says so ('drain', a tick after the body ends), as in undici's Pool.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(opened()).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('close waits for queued requests, then refuses new ones with a closed error', async () => {
    server.setReply(() => ({ delayMs: 5 }));
    const pool = new FreeListPool(server.url, { connections: 1 });
    const pending = Promise.all([1, 2, 3].map((id) => get(pool, id)));
    await pool.close();
    expect(await pending).toEqual([200, 200, 200]);
    expect(pool.closed).toBe(true);
    await expect(get(pool, 4)).rejects.toMatchObject({ code: 'UND_ERR_CLOSED' });
  });

  it('destroy fails the queued requests with its reason', async () => {
    server.setReply(() => ({ delayMs: Infinity }));
    const pool = new FreeListPool(server.url, { connections: 1 });
    const first = get(pool, 1).catch((e: Error) => e);
    const queued = get(pool, 2).catch((e: Error) => e);
    await server.waitForInFlight(1);
    expect(pool.queued).toBe(1);
    await pool.destroy(new Error('stop'));
    expect((await queued as Error).message).toBe('stop');
    expect(await first).toBeInstanceOf(Error);
  });

  it('replaces a connection that failed to connect', async () => {
    const dead = await startTinyServer(() => ({}));
    const url = dead.url;
    await dead.close();
    const pool = new FreeListPool(url, { connections: 1 });
    try {
      await expect(get(pool, 1)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(pool.size).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
