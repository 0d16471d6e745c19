// The fetch client under msw 2 (in-process, no socket): each failure mode a
// handler can produce maps to the right outcome once a strategy records it,
// and none escapes the strategy as a throw.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetchClient } from '../../src/clients/fetch-client.ts';
import type { PoolFetchOne } from '../../src/clients/undici-client.ts';
import { sequential } from '../../src/strategies/sequential.ts';
import type { RequestRecord } from '../../src/types/index.ts';

const ORIGIN = 'http://pokebench.test';

// One id per behaviour, so a single fan-out can mix them all.
const OK = 1;
const NOT_FOUND = 404;
const SERVER_ERROR = 500;
const MALFORMED = 13;
const NETWORK_ERROR = 666;

const server = setupServer(
  http.get(`${ORIGIN}/api/v2/pokemon/:id`, ({ params }) => {
    const id = Number(params['id']);
    const headers = { 'x-mock-delay-ms': '42.00' };
    switch (id) {
      case NOT_FOUND:
        return HttpResponse.text('Not Found', { status: 404, headers });
      case SERVER_ERROR:
        return HttpResponse.json({ detail: 'boom' }, { status: 500, headers });
      case MALFORMED:
        return new HttpResponse('{"id": 13, "name": ', { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
      case NETWORK_ERROR:
        return HttpResponse.error();
      default:
        return HttpResponse.json({ id, name: `pokemon-${id}` }, { headers });
    }
  }),
);

let fetchOne: PoolFetchOne;
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  fetchOne = createFetchClient({ baseUrl: ORIGIN });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await fetchOne.close();
});

const signal = (): AbortSignal => new AbortController().signal;

describe('createFetchClient under msw', () => {
  it('resolves a 200 with its bytes and stamped delay', async () => {
    const body = JSON.stringify({ id: OK, name: `pokemon-${OK}` });
    await expect(fetchOne(OK, signal())).resolves.toEqual({ status: 200, bytes: Buffer.byteLength(body), delayMs: 42 });
  });

  it('resolves a 404 and a 500 with their status', async () => {
    await expect(fetchOne(NOT_FOUND, signal())).resolves.toMatchObject({ status: 404, bytes: 9 });
    await expect(fetchOne(SERVER_ERROR, signal())).resolves.toMatchObject({ status: 500 });
  });

  it('rejects malformed JSON with code INVALID_JSON', async () => {
    await expect(fetchOne(MALFORMED, signal())).rejects.toMatchObject({ code: 'ERR_POKEBENCH_INVALID_JSON' });
  });

  it('rejects HttpResponse.error() as fetch does, with a TypeError', async () => {
    await expect(fetchOne(NETWORK_ERROR, signal())).rejects.toBeInstanceOf(TypeError);
  });
});

const byId = (records: RequestRecord[], id: number): RequestRecord | undefined => records.find((r) => r.id === id);

describe('a strategy over the fetch client under msw', () => {
  it('records each behaviour as its outcome, in input order, and never throws', async () => {
    const ids = [OK, NOT_FOUND, MALFORMED, SERVER_ERROR, NETWORK_ERROR, OK + 1];
    const records = await sequential().run(ids, fetchOne);

    expect(records.map((r) => [r.index, r.id])).toEqual(ids.map((id, index) => [index, id]));
    expect(byId(records, OK)).toMatchObject({ outcome: 'ok', status: 200, delayMs: 42 });
    expect(byId(records, NOT_FOUND)).toMatchObject({ outcome: 'http-error', status: 404, delayMs: 42 });
    expect(byId(records, SERVER_ERROR)).toMatchObject({ outcome: 'http-error', status: 500 });
    expect(byId(records, MALFORMED)).toMatchObject({ outcome: 'network-error', code: 'ERR_POKEBENCH_INVALID_JSON' });
    expect(byId(records, NETWORK_ERROR)).toMatchObject({ outcome: 'network-error' });
    expect(byId(records, NETWORK_ERROR)).not.toHaveProperty('delayMs');
  });
});
