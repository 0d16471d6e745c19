// workers(k) against a real loopback server: real threads, so these tests
// assert order, outcomes and in-flight counts, never elapsed time. Each run
// starts threads (~tens of ms each), so runs are few and small.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFetchClient } from '../../src/clients/fetch-client.ts';
import { createUndiciClient } from '../../src/clients/undici-client.ts';
import { measureTrial } from '../../src/measure/measure-trial.ts';
import type { UndiciFetchOne } from '../../src/clients/undici-client.ts';
import { defaultPoolSize } from '../../src/strategies/pool-size.ts';
import { workers } from '../../src/strategies/workers.ts';
import { startWorkerPool } from '../../src/strategies/workers-pool.ts';
import type { FetchOne } from '../../src/types/index.ts';
import { startTinyServer } from '../helpers/tiny-server.ts';
import type { TinyServer } from '../helpers/tiny-server.ts';

// Every piscina pool the code under test starts, until it is destroyed: the
// count of their threads must be 0 whenever no workers(k) run is in progress.
const livePools = vi.hoisted(() => new Set<{ threads: readonly unknown[] }>());
vi.mock('piscina', async (importOriginal) => {
  const actual = await importOriginal<typeof import('piscina')>();
  class TrackedPiscina extends actual.Piscina {
    constructor(...args: ConstructorParameters<typeof actual.Piscina>) {
      super(...args);
      livePools.add(this);
    }
    override async destroy(): Promise<void> {
      await super.destroy();
      livePools.delete(this);
    }
  }
  return { ...actual, Piscina: TrackedPiscina, default: TrackedPiscina };
});

/** Worker threads of pools started and not yet destroyed. */
function liveWorkerThreads(): number {
  let threads = 0;
  for (const pool of livePools) threads += pool.threads.length;
  return threads;
}

let server: TinyServer;
let fetchOne: UndiciFetchOne;
beforeAll(async () => {
  server = await startTinyServer();
  fetchOne = createUndiciClient({ baseUrl: server.url });
});
afterAll(async () => {
  await fetchOne.close();
  await server.close();
});

const range = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('workers(k)', () => {
  it('is named by its k, defaults k like a ThreadPoolExecutor, and rejects a bad k', () => {
    expect(workers(3)).toMatchObject({ name: 'workers(3)', kind: 'workers', k: 3 });
    expect(workers().k).toBe(defaultPoolSize());
    expect(() => workers(0)).toThrowError(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_K' }));
  });

  it('records every request in input order with at most k in flight at the server, and leaves no thread behind', async () => {
    const k = 3;
    // Held until k are in flight together: proves the pool reaches k (or the test times out).
    server.setReply((id) => ({ delayMs: 5, holdUntilInFlight: k, status: id === 404 ? 404 : 200, body: id === 13 ? 'malformed' : 'json' }));
    server.resetCounters();
    const ids = [...range(10, 14), 404, 13];
    const onStart = vi.fn(() => expect(server.requests).toBe(0));

    const records = await workers(k).run(ids, fetchOne, { onStart });

    expect(records.map((r) => [r.index, r.id])).toEqual(ids.map((id, i) => [i, id]));
    expect(records.map((r) => r.outcome)).toEqual([...Array<string>(10).fill('ok'), 'http-error', 'network-error']);
    expect(records[0]).toMatchObject({ status: 200, delayMs: 5 });
    // An error made in a thread keeps its code across the thread boundary.
    expect(records[11]).toMatchObject({ code: 'ERR_POKEBENCH_INVALID_JSON' });
    expect(server.maxInFlight).toBe(k);
    expect(server.requests).toBe(ids.length);
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(liveWorkerThreads()).toBe(0);
  });

  it('records a timeout inside a thread as timeout, aborts it there, and still records the rest', async () => {
    server.setReply((id) => ({ delayMs: id === 2 ? Infinity : 0 }));
    server.resetCounters();

    // Generous: the other requests must not time out on a loaded machine.
    const records = await workers(2).run([1, 2, 3, 4], fetchOne, { timeoutMs: 400 });

    expect(records.map((r) => r.outcome)).toEqual(['ok', 'timeout', 'ok', 'ok']);
    expect(records[1]).toMatchObject({ id: 2, timeoutMs: 400 });
    // The thread aborted its request: the server sees the socket go.
    await vi.waitFor(() => expect(server.inFlight).toBe(0));
    expect(liveWorkerThreads()).toBe(0);
  });

  it('records in-flight and unstarted requests as ABORTED when the run is aborted, and returns', async () => {
    server.setReply(() => ({ delayMs: Infinity }));
    server.resetCounters();
    const controller = new AbortController();

    const pending = workers(2).run(range(5), fetchOne, { signal: controller.signal });
    await server.waitForInFlight(2);
    controller.abort(new Error('user cancelled'));
    const records = await pending;

    expect(records).toHaveLength(5);
    expect(records.map((r) => (r.outcome === 'network-error' ? r.code : r.outcome))).toEqual(Array(5).fill('ABORTED'));
    expect(server.requests).toBe(2);
    await vi.waitFor(() => expect(server.inFlight).toBe(0));
    expect(liveWorkerThreads()).toBe(0);
  });

  it('refuses a client without workerSpec with ERR_CLIENT_NOT_WORKER_SAFE, before starting threads', async () => {
    const plain = createFetchClient({ baseUrl: server.url });
    try {
      await expect(workers(2).run([1], plain)).rejects.toMatchObject({
        code: 'ERR_POKEBENCH_CLIENT_NOT_WORKER_SAFE',
        message: expect.stringContaining('createUndiciClient'),
      });
      expect(liveWorkerThreads()).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('fails with ERR_WORKER_START when the workerSpec module cannot build a client, and stops its threads', async () => {
    const broken: FetchOne = Object.assign(async () => ({ status: 200, bytes: 0 }), {
      workerSpec: { module: new URL('./no-such-client.mjs', import.meta.url).href, options: {} },
    });
    await expect(workers(1).run([1, 2], broken)).rejects.toMatchObject({ code: 'ERR_POKEBENCH_WORKER_START' });
    expect(liveWorkerThreads()).toBe(0);
  });

  it('under measureTrial, bills thread startup to totalMs and not to the makespan, and counts no main-thread sockets', async () => {
    server.setReply(() => ({ delayMs: 2 }));
    const result = await measureTrial({ strategy: workers(1), fetchOne, n: 4, closeClient: false, loopResolutionMs: 1 });
    expect(result.counts).toEqual({ ok: 4, 'http-error': 0, 'network-error': 0, timeout: 0 });
    expect(result.connectionsOpened).toBeUndefined();
    expect(result.totalMs).toBeGreaterThan(result.wallMs);
    expect(liveWorkerThreads()).toBe(0);
  });

  it('fails fast with the cause when one thread cannot build its client, not leaving the others at the warm-up barrier', async () => {
    const built = new SharedArrayBuffer(4);
    const flaky: FetchOne = Object.assign(async () => ({ status: 200, bytes: 0 }), {
      workerSpec: { module: new URL('../helpers/one-thread-fails-client.mjs', import.meta.url).href, options: { built } },
    });
    await expect(workers(2).run([1, 2], flaky)).rejects.toMatchObject({
      code: 'ERR_POKEBENCH_WORKER_START',
      message: expect.stringContaining('cannot build its client'),
    });
    expect(new Int32Array(built)[0]).toBe(2);
    expect(liveWorkerThreads()).toBe(0);
  });

  it('returns no records and starts no thread for no ids', async () => {
    const onStart = vi.fn();
    await expect(workers(2).run([], fetchOne, { onStart })).resolves.toEqual([]);
    expect(onStart).toHaveBeenCalledTimes(1);
  });
});

describe('startWorkerPool', () => {
  it('warms k distinct threads before returning, and destroy stops them all', async () => {
    const pool = await startWorkerPool('workers(2)', fetchOne.workerSpec, 2);
    try {
      expect(new Set(pool.threadIds).size).toBe(2);
      expect(pool.piscina.threads).toHaveLength(2);
      expect(liveWorkerThreads()).toBe(2);
    } finally {
      await pool.destroy();
    }
    expect(pool.piscina.threads).toHaveLength(0);
    expect(liveWorkerThreads()).toBe(0);
  });
});
