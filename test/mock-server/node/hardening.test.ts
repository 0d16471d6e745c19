import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createHook } from 'node:async_hooks';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { request } from 'undici';
import { startMockServer, type MockServerHandle } from '../../../mock-server/index.ts';
import { parseProfile } from '../../../mock-server/profile/index.ts';
import { createAdminAuth, isValidAdminToken } from '../../../mock-server/node/admin-auth.ts';
import { httpServerOptions, resolveServerLimits, SERVER_LIMIT_DEFAULTS } from '../../../mock-server/node/server-limits.ts';
import { getRequest, rawExchange } from '../../helpers/raw-socket.ts';

const TOKEN = 'test-Token_0.9~+/==';
const warnings: string[] = [];
let server: MockServerHandle;

beforeAll(async () => {
  server = await startMockServer({ profile: 'instant', adminToken: TOKEN, warn: (m) => void warnings.push(m) });
});
afterAll(async () => {
  await server.close({ drainTimeoutMs: 200 });
});
afterEach(() => {
  vi.restoreAllMocks();
  server.api.setProfile(parseProfile({ name: 'instant', seed: 1, delay: { type: 'fixed', ms: 0 } }));
});

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const res = await request(`${server.url}${path}`, { method: (init.method ?? 'GET') as 'GET', headers: init.headers, body: init.body });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

const auth = { authorization: `Bearer ${TOKEN}` };

describe('binding', () => {
  it('binds 127.0.0.1 by default without a warning', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(warnings.filter((w) => w.includes('not loopback'))).toEqual([]);
  });

  it('warns before binding an address that is not loopback', async () => {
    const seen: string[] = [];
    // 192.0.2.1 (TEST-NET-1) is on no interface here: the bind fails, so nothing is ever exposed.
    await expect(startMockServer({ host: '192.0.2.1', adminToken: 'a-token', warn: (m) => void seen.push(m) })).rejects.toMatchObject({ code: 'ERR_POKEBENCH_SERVER_START_FAILED' });
    expect(seen).toEqual([expect.stringContaining('192.0.2.1, which is not loopback')]);
  });
});

describe('admin token', () => {
  it('answers 401 with WWW-Authenticate: Bearer when the token is missing or wrong', async () => {
    const missing = await call('/__admin/stats');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="pokebench-admin"');
    const wrong = await call('/__admin/stats', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="pokebench-admin", error="invalid_token"');
    const basic = await call('/__admin/stats', { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
    expect(missing.text).not.toContain(TOKEN);
  });

  it('serves an admin request that carries the token, whatever the case of the scheme', async () => {
    expect((await call('/__admin/stats', { headers: auth })).status).toBe(200);
    expect((await call('/__admin/reset', { method: 'POST', headers: { authorization: `bEaReR ${TOKEN}` } })).status).toBe(200);
  });

  it('refuses a profile change without the token and leaves the profile as it was', async () => {
    const body = JSON.stringify({ name: 'evil', seed: 1, delay: { type: 'fixed', ms: 9 } });
    const res = await call('/__admin/profile', { method: 'PUT', body });
    expect(res.status).toBe(401);
    expect(res.headers['connection']).toBe('close');
    expect(server.api.profile.name).toBe('instant');
  });

  it('keeps the health check open and the API untouched', async () => {
    expect((await call('/__admin/health')).status).toBe(200);
    expect((await call('/api/v2/pokemon/1')).status).toBe(200);
  });

  it('still refuses a foreign Origin with 403, before looking at the token', async () => {
    const res = await call('/__admin/stats', { headers: { ...auth, origin: 'https://example.com' } });
    expect(res.status).toBe(403);
  });

  it('accepts exactly the token it was built with: not another, not a prefix', () => {
    const token68 = fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,40}=*$/);
    fc.assert(
      fc.property(token68, token68, fc.nat(), (token, other, cut) => {
        const check = createAdminAuth(token);
        expect(check(`Bearer ${token}`)).toBe('ok');
        expect(check(`Bearer ${other}`)).toBe(other === token ? 'ok' : 'invalid');
        expect(check(`Bearer ${token.slice(0, cut % token.length)}`)).toBe('invalid');
        expect(check(undefined)).toBe('missing');
      }),
    );
  });

  it('rejects a token that cannot travel in a Bearer header, naming the option', async () => {
    for (const bad of ['', 'has space', 'new\nline', 'é']) {
      expect(isValidAdminToken(bad)).toBe(false);
      await expect(startMockServer({ adminToken: bad })).rejects.toMatchObject({ code: 'ERR_POKEBENCH_INVALID_OPTION', option: 'options.adminToken' });
    }
  });
});

describe('request limits', () => {
  it('uses sensible timeouts and head limits by default, and lets a caller set them', async () => {
    expect(SERVER_LIMIT_DEFAULTS).toEqual({ maxHeaderSize: 16_384, maxUrlLength: 2048, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    expect(server.server.headersTimeout).toBe(10_000);
    expect(server.server.requestTimeout).toBe(30_000);
    const options = httpServerOptions(resolveServerLimits({ headersTimeoutMs: 300, requestTimeoutMs: 1_000 }));
    expect(options).toMatchObject({ maxHeaderSize: 16_384, headersTimeout: 300, requestTimeout: 1_000 });
    // Node checks the timeouts on an interval (30 s by default): it must be well under the headers timeout.
    expect(options.connectionsCheckingInterval).toBeLessThanOrEqual(75);
  });

  it('rejects limits out of range, naming the option', async () => {
    await expect(startMockServer({ headersTimeoutMs: 0 })).rejects.toMatchObject({ option: 'options.headersTimeoutMs' });
    await expect(startMockServer({ headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 })).rejects.toThrow(/headersTimeoutMs .* must not exceed options\.requestTimeoutMs/);
    await expect(startMockServer({ maxHeaderSize: 100 })).rejects.toMatchObject({ option: 'options.maxHeaderSize' });
    await expect(startMockServer({ maxUrlLength: 1.5 })).rejects.toMatchObject({ option: 'options.maxUrlLength' });
  });

  it('answers 431 to a head over maxHeaderSize and keeps serving', async () => {
    const big = await rawExchange(server.port, { send: getRequest('/api/v2/pokemon/1', `X-Big: ${'a'.repeat(17_000)}\r\n`), timeoutMs: 2_000 });
    expect(big.responses.map((r) => r.status)).toEqual([431]);
    expect(big.end).toBe('closed');
    expect((await call('/api/v2/pokemon/1')).status).toBe(200);
  });

  it('answers 414 to a target over maxUrlLength and keeps the connection usable', async () => {
    const long = `/api/v2/pokemon/1?${'q'.repeat(2048)}`;
    const exactly = `/api/v2/pokemon/${'x'.repeat(2048 - '/api/v2/pokemon/'.length)}`;
    const keepAlive = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
    const res = await rawExchange(server.port, { send: keepAlive(long) + keepAlive(exactly) + getRequest('/api/v2/pokemon/1'), timeoutMs: 2_000 });
    expect(res.responses.map((r) => r.status)).toEqual([414, 404, 200]);
    expect(res.responses[0]?.body.toString()).toContain('over 2048 bytes');
  });

  it('answers 405 with Allow to methods the API does not have; the admin API keeps its own', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await call('/api/v2/pokemon/25', { method });
      expect(res.status, method).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD, OPTIONS');
    }
    expect((await call('/__admin/reset', { method: 'POST', headers: auth })).status).toBe(200);
  });

  it('refuses a body on an API route before reading it: 413 for GET, 405 for POST, and closes', async () => {
    // Only the head is sent: the answer cannot have waited for 10 MB that never come.
    const announced = await rawExchange(server.port, {
      send: 'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n\r\n',
      timeoutMs: 2_000,
    });
    expect(announced.responses.map((r) => r.status)).toEqual([413]);
    expect(announced.responses[0]?.headers['connection']).toBe('close');
    expect(announced.end).toBe('closed');

    const chunked = await rawExchange(server.port, {
      send: 'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n',
      timeoutMs: 2_000,
    });
    expect(chunked.responses.map((r) => r.status)).toEqual([413]);
    expect(chunked.end).toBe('closed');

    const post = await call('/api/v2/pokemon/1', { method: 'POST', body: 'x'.repeat(100_000) });
    expect(post.status).toBe(405);
    expect(post.headers['connection']).toBe('close');

    expect((await call('/api/v2/pokemon/1', { headers: { 'content-length': '0' } })).status).toBe(200);
  });

  it('refuses an admin body over 1 MiB, announced or chunked, without reading the rest', async () => {
    const announced = await rawExchange(server.port, {
      send: `PUT /__admin/profile HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`,
      timeoutMs: 2_000,
    });
    expect(announced.responses.map((r) => r.status)).toEqual([413]);
    const chunk = `10000\r\n${'a'.repeat(0x10000)}\r\n`;
    const chunked = await rawExchange(server.port, {
      send: [`PUT /__admin/profile HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n`, chunk.repeat(20)],
      timeoutMs: 2_000,
    });
    expect(chunked.responses.map((r) => r.status)).toEqual([413]);
    expect(chunked.end).not.toBe('timeout');
    expect(server.api.profile.name).toBe('instant');
  });

  it('answers an admin body that breaks mid-way with a 400 at once', async () => {
    const res = await rawExchange(server.port, {
      send: `PUT /__admin/profile HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\nzz\r\n`,
      timeoutMs: 2_000,
    });
    expect(res.responses.map((r) => r.status)).toEqual([400]);
    expect(res.end).toBe('closed');
  });

  it('answers 408 and closes a connection that sends no complete head within headersTimeoutMs', async () => {
    const quick = await startMockServer({ headersTimeoutMs: 100, requestTimeoutMs: 200 });
    try {
      const silent = await rawExchange(quick.port, { send: 'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n', timeoutMs: 3_000 });
      expect(silent.responses.map((r) => r.status)).toEqual([408]);
      expect(silent.end).toBe('closed');
    } finally {
      await quick.close();
    }
  });
});

describe('no path reaches the filesystem', () => {
  const ATTACKS = [
    '/api/v2/pokemon/..%2f..%2fetc%2fpasswd',
    '/api/v2/pokemon/..%2F..%2F..%2Fpackage.json',
    '/api/v2/pokemon/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/api/v2/pokemon/..%5c..%5cwindows%5cwin.ini',
    '/api/v2/pokemon/../../etc/passwd',
    '/api/v2/pokemon/%00',
    '/api/v2/pokemon/fixtures%2fpokemon.json',
    '/etc/passwd',
    '//etc/passwd',
    '/fixtures/pokemon.json',
    '/__admin/../package.json',
  ];
  const FS_FUNCTIONS = ['open', 'openSync', 'readFile', 'readFileSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'access', 'accessSync', 'existsSync', 'readdir', 'readdirSync', 'realpath', 'realpathSync', 'createReadStream'] as const;
  const FSP_FUNCTIONS = ['open', 'readFile', 'stat', 'lstat', 'access', 'readdir', 'realpath'] as const;

  it('answers 404 Not Found to traversal attempts and opens no file while answering', async () => {
    const spies = [
      ...FS_FUNCTIONS.map((name) => ({ name: `fs.${name}`, spy: vi.spyOn(fs, name) })),
      ...FSP_FUNCTIONS.map((name) => ({ name: `fs/promises.${name}`, spy: vi.spyOn(fsp, name) })),
    ];
    syncBuiltinESMExports(); // so `import { readFileSync } from 'node:fs'` sees the spies too
    const fsResources: string[] = [];
    const hook = createHook({ init: (_id, type) => void (/^FS|FILEHANDLE/.test(type) && fsResources.push(type)) }).enable();
    try {
      for (const path of ATTACKS) {
        const res = await rawExchange(server.port, { send: getRequest(path, `Authorization: Bearer ${TOKEN}\r\n`), timeoutMs: 2_000 });
        expect(res.responses.map((r) => [r.status, r.body.toString()]), path).toEqual([[404, 'Not Found']]);
      }
    } finally {
      hook.disable();
      vi.restoreAllMocks();
      syncBuiltinESMExports();
    }
    expect(spies.filter(({ spy }) => spy.mock.calls.length > 0).map(({ name }) => name)).toEqual([]);
    expect(fsResources).toEqual([]);
  });
});

describe('internal errors', () => {
  it('answers a throw inside the core with a plain 500, no stack, and keeps serving', async () => {
    vi.spyOn(server.api, 'respond').mockImplementation(() => {
      throw new Error('boom in /work/secret/core.ts');
    });
    const res = await call('/api/v2/pokemon/1');
    expect(res.status).toBe(500);
    expect(res.text).toBe('Internal Server Error');
    expect(warnings.at(-1)).toContain('boom');
    vi.restoreAllMocks();
    expect((await call('/api/v2/pokemon/1')).status).toBe(200);
  });

  it('answers a throw inside the admin API the same way', async () => {
    vi.spyOn(server.api, 'admin').mockImplementation(() => {
      throw new TypeError('admin exploded');
    });
    const res = await call('/__admin/stats', { headers: auth });
    expect(res.status).toBe(500);
    expect(res.text).toBe('Internal Server Error');
  });
});

describe('malformed requests (clientError)', () => {
  it('answers a request it cannot parse with a whole 400 and a clean close, and keeps serving others', async () => {
    const keepAlive = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => keepAlive.once('connect', resolve));
    try {
      const bad = await rawExchange(server.port, { send: 'GET /api/v2/pokemon/1 HTTP/1.1\r\nBad Header\r\n\r\n', timeoutMs: 2_000 });
      expect(bad.responses.map((r) => [r.status, r.headers['connection'], r.body.toString()])).toEqual([[400, 'close', 'Bad Request']]);
      expect(bad.end).toBe('closed');
      // A connection opened before the bad one is unaffected.
      const answered = new Promise<string>((resolve) => keepAlive.once('data', (d: Buffer) => resolve(d.toString('latin1'))));
      keepAlive.write('GET /api/v2/pokemon/2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      expect(await answered).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      keepAlive.destroy();
    }
  });

  it('sends the 400 after the responses the connection already owes, in order', async () => {
    server.api.setProfile(parseProfile({ seed: 1, delay: { type: 'fixed', ms: 60 } }));
    const res = await rawExchange(server.port, {
      send: 'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nNOT-HTTP\r\n\r\n',
      timeoutMs: 2_000,
    });
    expect(res.responses.map((r) => r.status)).toEqual([200, 400]);
    expect(res.end).toBe('closed');
  });
});

describe('graceful shutdown', () => {
  it('finishes delayed in-flight responses within the deadline and refuses new connections meanwhile', async () => {
    const slow = await startMockServer({ profile: parseProfile({ seed: 1, delay: { type: 'fixed', ms: 200 } }) });
    const inFlight = [1, 2, 3].map((id) => rawExchange(slow.port, { send: getRequest(`/api/v2/pokemon/${id}`), timeoutMs: 5_000 }));
    while (slow.api.stats().requests < 3) await new Promise((r) => setTimeout(r, 5));
    const closed = slow.close({ drainTimeoutMs: 5_000 });
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(slow.port, '127.0.0.1', () => resolve('connected'));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    const done = await Promise.all(inFlight);
    expect(done.map((r) => r.responses.map((x) => x.status))).toEqual([[200], [200], [200]]);
    await closed;
  });

  it('closes connections still open at the deadline (a hang) and then resolves', async () => {
    const hanging = await startMockServer({ profile: parseProfile({ seed: 1, delay: { type: 'fixed', ms: 0 }, faults: [{ kind: 'hang', probability: 1 }] }) });
    // The client would wait 10 s; the server's 100 ms deadline must end it first.
    const client = rawExchange(hanging.port, { send: getRequest('/api/v2/pokemon/1'), timeoutMs: 10_000 });
    while (hanging.api.stats().requests < 1) await new Promise((r) => setTimeout(r, 5));
    await hanging.close({ drainTimeoutMs: 100 });
    const res = await client;
    expect(res.responses).toEqual([]);
    expect(res.end).toBe('closed');
  });
});
