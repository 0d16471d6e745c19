// The contract both clients share, against a real loopback server: any
// status resolves, everything else rejects, the signal is honoured and the
// sockets opened are counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchClient } from '../../src/clients/fetch-client.ts';
import { createUndiciClient } from '../../src/clients/undici-client.ts';
import type { ClientOptions } from '../../src/clients/client-options.ts';
import type { PoolFetchOne } from '../../src/clients/undici-client.ts';
import { closedPortUrl, pokemonBody, startTinyServer } from '../helpers/tiny-server.ts';
import type { TinyServer } from '../helpers/tiny-server.ts';

const clients: [string, (options: ClientOptions) => PoolFetchOne][] = [
  ['undici request', createUndiciClient],
  ['global fetch', createFetchClient],
];

let server: TinyServer;
beforeAll(async () => {
  server = await startTinyServer();
});
afterAll(() => server.close());

const signal = (): AbortSignal => new AbortController().signal;

/** Run `body` with a fresh client and always close it. */
async function withClient<T>(
  create: (options: ClientOptions) => PoolFetchOne,
  options: Partial<ClientOptions>,
  body: (fetchOne: PoolFetchOne) => Promise<T>,
): Promise<T> {
  const fetchOne = create({ baseUrl: server.url, ...options });
  try {
    return await body(fetchOne);
  } finally {
    await fetchOne.close();
  }
}

describe.each(clients)('%s client', (_name, create) => {
  it('resolves status, body bytes and the stamped delay for a 200', async () => {
    server.setReply(() => ({ delayMs: 3 }));
    const result = await withClient(create, {}, (f) => f(25, signal()));
    expect(result).toEqual({ status: 200, bytes: Buffer.byteLength(pokemonBody(25)), delayMs: 3 });
  });

  it('resolves (does not reject) with the status of a 404 and a 500', async () => {
    server.setReply((id) => ({ status: id }));
    const [notFound, failed] = await withClient(create, {}, (f) => Promise.all([f(404, signal()), f(500, signal())]));
    expect(notFound).toMatchObject({ status: 404, bytes: 'Not Found'.length, delayMs: 0 });
    expect(failed.status).toBe(500);
  });

  it('leaves delayMs undefined when the server does not stamp it', async () => {
    server.setReply(() => ({ stampDelay: false }));
    const result = await withClient(create, {}, (f) => f(1, signal()));
    expect(result.delayMs).toBeUndefined();
  });

  it('rejects a malformed 200 body with code INVALID_JSON', async () => {
    server.setReply(() => ({ body: 'malformed' }));
    await expect(withClient(create, {}, (f) => f(7, signal()))).rejects.toMatchObject({ code: 'ERR_POKEBENCH_INVALID_JSON', status: 200 });
  });

  it('resolves a malformed body when parse is off, counting its bytes', async () => {
    server.setReply(() => ({ body: 'malformed' }));
    const result = await withClient(create, { parse: false }, (f) => f(7, signal()));
    expect(result).toMatchObject({ status: 200, bytes: 12 });
  });

  it('rejects with a connection error when nothing listens on the port', async () => {
    const baseUrl = await closedPortUrl();
    const fetchOne = create({ baseUrl });
    try {
      const error = (await fetchOne(1, signal()).then(
        () => undefined,
        (e: unknown) => e,
      )) as { code?: string; cause?: { code?: string } } | undefined;
      expect(error).toBeInstanceOf(Error);
      expect(error?.code ?? error?.cause?.code).toBe('ECONNREFUSED');
    } finally {
      await fetchOne.close();
    }
  });

  it('rejects as soon as the signal aborts a request the server holds', { timeout: 5_000 }, async () => {
    server.setReply(() => ({ delayMs: Infinity }));
    server.resetCounters();
    await withClient(create, {}, async (f) => {
      const controller = new AbortController();
      const pending = f(1, controller.signal);
      await server.waitForInFlight(1);
      controller.abort(new Error('stop'));
      await expect(pending).rejects.toBeInstanceOf(Error);
    });
  });

  it('rejects at once when the signal has already aborted', async () => {
    server.resetCounters();
    await withClient(create, {}, (f) => expect(f(1, AbortSignal.abort())).rejects.toBeInstanceOf(Error));
    expect(server.requests).toBe(0);
  });

  it('counts one socket per connection, capped by options.connections', async () => {
    // Held until 2 are in flight: the pool must open its second socket (or the test times out).
    server.setReply(() => ({ delayMs: 5, holdUntilInFlight: 2 }));
    server.resetCounters();
    const opened = await withClient(create, { connections: 2 }, async (f) => {
      await Promise.all([1, 2, 3, 4, 5, 6].map((id) => f(id, signal())));
      return f.stats().connectionsOpened;
    });
    expect(opened).toBe(2);
    expect(server.connections).toBe(2);
    expect(server.maxInFlight).toBe(2);
  });

  it('reuses kept-alive sockets for requests one after another, and counts what the server accepted', async () => {
    server.setReply(() => ({}));
    server.resetCounters();
    // undici's Pool may open a second socket for the second back-to-back
    // request (the first is not marked free yet); after that both are reused.
    const opened = await withClient(create, {}, async (f) => {
      for (const id of [1, 2, 3, 4, 5, 6]) await f(id, signal());
      return f.stats().connectionsOpened;
    });
    expect(opened).toBe(server.connections);
    expect(opened).toBeLessThan(6);
  });

  it('opens exactly one socket when options.connections is 1', async () => {
    server.setReply(() => ({}));
    const opened = await withClient(create, { connections: 1 }, async (f) => {
      for (const id of [1, 2, 3, 4]) await f(id, signal());
      return f.stats().connectionsOpened;
    });
    expect(opened).toBe(1);
  });

  it('requests under the path prefix of baseUrl', async () => {
    server.setReply(() => ({}));
    // The tiny server only routes /api/v2/pokemon/:id, so a prefix must reach it as a 404.
    const result = await withClient(create, { baseUrl: `${server.url}/prefix/` }, (f) => f(1, signal()));
    expect(result.status).toBe(404);
  });
});
