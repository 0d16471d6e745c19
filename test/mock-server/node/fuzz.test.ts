import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startMockServer, type MockServerHandle } from '../../../mock-server/index.ts';
import { getRequest, rawExchange, type RawExchange } from '../../helpers/raw-socket.ts';

// Raw TCP against a real server. Every case states the same law: the server
// answers with 4xx status lines or closes the connection (never a 5xx, never
// silence past the timeout), and a well-formed GET on a new connection still
// gets 200 afterwards. Low timeouts keep slow cases fast.
const HEADERS_TIMEOUT_MS = 150;
const MAX_HEADER_SIZE = 8192;
const MAX_URL_LENGTH = 2048;
/** Far above what any case needs (the headers timeout plus Node's check interval), so it never decides a verdict on a loaded machine. */
const CASE_TIMEOUT_MS = 2_000;

let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({
    profile: 'instant',
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: 2 * HEADERS_TIMEOUT_MS,
    maxHeaderSize: MAX_HEADER_SIZE,
    maxUrlLength: MAX_URL_LENGTH,
  });
});
afterAll(async () => {
  await server.close({ drainTimeoutMs: 100 });
});

const statuses = (exchange: RawExchange) => exchange.responses.map((r) => r.status);
const isClientError = (status: number) => status >= 400 && status < 500;

/** The law's last clause: the server still answers a new, well-formed request. */
async function expectStillServing(): Promise<void> {
  const probe = await rawExchange(server.port, { send: getRequest('/api/v2/pokemon/1'), timeoutMs: CASE_TIMEOUT_MS });
  expect(statuses(probe)).toEqual([200]);
}

/** A request the server answers 200 and keeps the connection for. */
const okRequest = fc.integer({ min: 1, max: 1025 }).map((id) => ({ bytes: `GET /api/v2/pokemon/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, expect: 200 as number | 'fatal' }));

/** Requests the app refuses with a 4xx but keeps the connection for. */
const appErrorRequest = fc.constantFrom(
  { bytes: 'GET /api/v2/pokemon/missingno HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', expect: 404 },
  { bytes: 'GET /api/v2/pokemon?limit=-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', expect: 400 },
  { bytes: 'GET /api/v2/pokemon/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', expect: 400 },
  { bytes: 'DELETE /api/v2/pokemon/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', expect: 405 },
  { bytes: `GET /api/v2/pokemon/${'9'.repeat(MAX_URL_LENGTH)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, expect: 414 },
  { bytes: 'GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', expect: 404 },
);

/** Requests after which the server answers a 4xx and closes the connection. */
const fatalRequest = fc.oneof(
  fc.constantFrom(
    'NOT-HTTP\r\n\r\n',
    'GET / HTTP/9.9\r\n\r\n',
    'GET /api/v2/pokemon/1 HTTP/1.1\r\nBad Header\r\n\r\n',
    'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n',
    // Request smuggling: both framings at once.
    'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n',
    // A body on the read-only API: 413 and close.
    'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello',
    'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: a\r\nX: a\u0001b\r\n\r\n',
  ),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => `\u0000${Buffer.from(bytes).toString('latin1')}\r\n\r\n`),
).map((bytes) => ({ bytes, expect: 'fatal' as number | 'fatal' }));

describe('fuzz: raw bytes at the real server', () => {
  it('garbage: every status line is a 4xx and the server closes the connection', async () => {
    const prefixes = ['', 'GET ', 'GET /api/v2/pokemon/1 HTTP/1.1\r\n', 'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: a\r\nContent-Length: ', 'PUT /__admin/profile HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ minLength: 1, maxLength: 512 }), async (prefix, bytes) => {
        const exchange = await rawExchange(server.port, { send: [prefix, bytes].filter((c) => c.length > 0), timeoutMs: CASE_TIMEOUT_MS });
        expect(statuses(exchange).every(isClientError)).toBe(true);
        expect(exchange.responses.length).toBeLessThanOrEqual(1);
        expect(exchange.end).not.toBe('timeout');
        await expectStillServing();
      }),
      { numRuns: 60 },
    );
  });

  it('oversized heads: 431 and close past maxHeaderSize; under it, 414 for a long target, 200 for many headers', async () => {
    // Sizes keep 512 bytes clear of the limit: Node counts the head without its separators.
    const padSize = fc.oneof(fc.integer({ min: MAX_URL_LENGTH + 1, max: MAX_HEADER_SIZE - 512 }), fc.integer({ min: MAX_HEADER_SIZE + 512, max: 4 * MAX_HEADER_SIZE }));
    await fc.assert(
      fc.asyncProperty(padSize, fc.boolean(), fc.integer({ min: 1, max: 40 }), async (size, inUrl, headerCount) => {
        const pad = (i: number) => 'v'.repeat(Math.floor(size / headerCount) + (i < size % headerCount ? 1 : 0));
        const head = inUrl
          ? `GET /api/v2/pokemon/1?${'q'.repeat(size)} HTTP/1.1\r\nHost: a\r\n\r\n`
          : `GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: a\r\n${Array.from({ length: headerCount }, (_, i) => `X-${i}: ${pad(i)}\r\n`).join('')}\r\n`;
        const tooBig = size > MAX_HEADER_SIZE;
        // Under the limit the connection stays open: stop at the answer.
        const exchange = await rawExchange(server.port, { send: head, timeoutMs: CASE_TIMEOUT_MS, ...(tooBig ? {} : { untilResponses: 1 }) });
        if (tooBig) {
          expect(statuses(exchange)).toEqual([431]);
          expect(['closed', 'reset']).toContain(exchange.end);
        } else {
          expect(statuses(exchange)).toEqual([inUrl ? 414 : 200]);
        }
        await expectStillServing();
      }),
      { numRuns: 40 },
    );
  });

  it('slowloris: a head dribbled slower than the headers timeout gets 408 (or a close) before it is done', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 15 }), fc.integer({ min: 1, max: 1025 }), async (bytesPerTick, tickMs, id) => {
        // Long enough that the dribble takes at least 4 headers timeouts.
        const ticks = Math.ceil((4 * HEADERS_TIMEOUT_MS) / tickMs);
        const base = getRequest(`/api/v2/pokemon/${id}`);
        const request = base.replace('Connection: close', `X-Pad: ${'p'.repeat(Math.max(0, ticks * bytesPerTick - base.length))}\r\nConnection: close`);
        const chunks = Array.from({ length: Math.ceil(request.length / bytesPerTick) }, (_, i) => request.slice(i * bytesPerTick, (i + 1) * bytesPerTick));
        const exchange = await rawExchange(server.port, { send: chunks, intervalMs: tickMs, timeoutMs: CASE_TIMEOUT_MS + ticks * tickMs });
        expect(statuses(exchange).every((s) => s === 408)).toBe(true);
        expect(exchange.cutShort).toBe(true);
        expect(exchange.end).not.toBe('timeout');
        await expectStillServing();
      }),
      { numRuns: 8 },
    );
  });

  it('half-closed: a request cut short then FIN gets at most a 4xx and a close; a whole one gets its 200', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1025 }), fc.double({ min: 0, max: 1, noNaN: true }), async (id, fraction) => {
        const request = `GET /api/v2/pokemon/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n`;
        const cut = Math.floor(fraction * request.length);
        const exchange = await rawExchange(server.port, { send: request.slice(0, cut), halfClose: true, timeoutMs: CASE_TIMEOUT_MS });
        if (cut === request.length) expect(statuses(exchange)).toEqual([200]);
        else {
          expect(statuses(exchange).every(isClientError)).toBe(true);
          expect(exchange.responses.length).toBeLessThanOrEqual(1);
        }
        expect(exchange.end).not.toBe('timeout');
        await expectStillServing();
      }),
      { numRuns: 40 },
    );
  });

  it('pipelined bursts: answers in order up to the first broken request, which gets a 4xx and a close', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(okRequest, appErrorRequest, fatalRequest), { minLength: 1, maxLength: 8 }), async (burst) => {
        const firstFatal = burst.findIndex((r) => r.expect === 'fatal');
        const answered = firstFatal === -1 ? burst : burst.slice(0, firstFatal + 1);
        const exchange = await rawExchange(server.port, {
          send: burst.map((r) => r.bytes).join(''),
          timeoutMs: CASE_TIMEOUT_MS,
          // Without a broken request the connection stays open: stop once all are answered.
          ...(firstFatal === -1 ? { untilResponses: burst.length } : {}),
        });
        const got = statuses(exchange);
        expect(got.length).toBe(answered.length);
        answered.forEach((r, i) => {
          if (r.expect === 'fatal') expect(isClientError(got[i] ?? 0), `request ${i}: ${JSON.stringify(r.bytes.slice(0, 40))}`).toBe(true);
          else expect(got[i], `request ${i}`).toBe(r.expect);
        });
        if (firstFatal === -1) expect(exchange.end).toBe('enough');
        else expect(['closed', 'reset']).toContain(exchange.end);
        await expectStillServing();
      }),
      { numRuns: 50 },
    );
  });
});
