import { afterEach, describe, expect, it } from 'vitest';
import { createHook } from 'node:async_hooks';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startMockServer } from '../../../mock-server/index.ts';
import { parseProfile } from '../../../mock-server/profile/index.ts';
import { getRequest, rawExchange } from '../../helpers/raw-socket.ts';

// What a server may leave behind in this process: its listening socket,
// accepted sockets, and timers (delays, drain sweeps, Node's timeout checks).
// Sockets are counted exactly (the test runner talks over pipes, not TCP);
// the runner keeps timers of its own that come and go, so timers are also
// traced to the code that created them.
const WATCHED = ['TCPServerWrap', 'TCPSocketWrap', 'Timeout'] as const;
type Counts = Record<(typeof WATCHED)[number], number>;

function resources(): Counts {
  const all = process.getActiveResourcesInfo();
  return { TCPServerWrap: 0, TCPSocketWrap: 0, Timeout: 0, ...Object.fromEntries(WATCHED.map((type) => [type, all.filter((r) => r === type).length])) };
}

/** Handles are released in libuv close callbacks: give the loop a few turns, then read the counts. */
async function settledResources(): Promise<Counts> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  return resources();
}

function expectNothingAbove(now: Counts, baseline: Counts): void {
  expect({ TCPServerWrap: now.TCPServerWrap, TCPSocketWrap: now.TCPSocketWrap }).toEqual({ TCPServerWrap: baseline.TCPServerWrap, TCPSocketWrap: baseline.TCPSocketWrap });
  expect(now.Timeout).toBeLessThanOrEqual(baseline.Timeout);
}

const SERVER_SOURCE = fileURLToPath(new URL('../../../mock-server/', import.meta.url));

/**
 * Traces timers created while enabled, until cleared or fired: every timer
 * the mock server's own code creates, and the ref'd ones Node's HTTP server
 * creates (its shared, unref'd Date-header cache is process-wide, not a leak).
 */
function traceServerTimers() {
  const live = new Map<number, { stack: string; timer: NodeJS.Timeout; ours: boolean }>();
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (type !== 'Timeout') return;
      const stack = new Error('timer created').stack ?? '';
      const ours = stack.includes(SERVER_SOURCE);
      if (ours || /node:_http_(server|outgoing)/.test(stack)) live.set(id, { stack, timer: resource as NodeJS.Timeout, ours });
    },
    destroy(id) {
      live.delete(id);
    },
  }).enable();
  return {
    /** Stacks of the traced timers still pending; with `refOnly`, only those that hold the process. */
    pending: (refOnly = false) => [...live.values()].filter((t) => t.timer.hasRef() || (t.ours && !refOnly)).map((t) => t.stack),
    stop: () => void hook.disable(),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('resource hygiene', () => {
  it('leaves no socket or timer behind after requests, a hang, a keep-alive client, malformed input and close()', async () => {
    const baseline = await settledResources();
    const timers = traceServerTimers();
    cleanups.push(timers.stop);
    const server = await startMockServer({ profile: parseProfile({ seed: 1, delay: { type: 'fixed', ms: 20 } }) });
    cleanups.push(() => server.close({ drainTimeoutMs: 0 }));

    // An idle server holds the process by its listening socket only: Node's timeout check is unref'd.
    expectNothingAbove(await settledResources(), { ...baseline, TCPServerWrap: baseline.TCPServerWrap + 1 });
    expect(timers.pending(true)).toEqual([]);

    const agent = new Agent({ keepAliveTimeout: 60_000, connections: 4 });
    const statuses = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (id) => {
        const res = await request(`${server.url}/api/v2/pokemon/${id}`, { dispatcher: agent });
        await res.body.dump();
        return res.statusCode;
      }),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

    // Malformed input and a refused body: the answers' linger timers must not outlive their sockets.
    const bad = await rawExchange(server.port, { send: 'NOT-HTTP\r\n\r\n', timeoutMs: 2_000 });
    const body = await rawExchange(server.port, { send: 'GET /api/v2/pokemon/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc', timeoutMs: 2_000 });
    expect([bad.responses[0]?.status, body.responses[0]?.status]).toEqual([400, 413]);

    // A raw keep-alive connection left idle after one answer: close() must end it.
    const idle = net.connect(server.port, '127.0.0.1');
    const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    const answered = new Promise<void>((resolve) => idle.once('data', () => resolve()));
    idle.write('GET /api/v2/pokemon/7 HTTP/1.1\r\nHost: a\r\n\r\n');
    await answered;

    // A hang: no answer until the drain deadline closes it.
    server.api.setProfile(parseProfile({ seed: 1, delay: { type: 'fixed', ms: 0 }, faults: [{ kind: 'hang', probability: 1 }] }));
    const hung = rawExchange(server.port, { send: getRequest('/api/v2/pokemon/9'), timeoutMs: 10_000 });
    while (server.api.stats().routes['pokemon']?.faults['hang'] !== 1) await new Promise((resolve) => setTimeout(resolve, 5));

    await agent.close(); // the test client's own sockets first
    await server.close({ drainTimeoutMs: 100 });
    await idleClosed;
    expect((await hung).end).toBe('closed');

    expectNothingAbove(await settledResources(), baseline);
    expect(timers.pending()).toEqual([]);
  });

  it('leaves no socket behind when the bind fails', async () => {
    const baseline = await settledResources();
    await expect(startMockServer({ host: '192.0.2.1', adminToken: 't', warn: () => {} })).rejects.toMatchObject({ code: 'ERR_POKEBENCH_SERVER_START_FAILED' });
    expectNothingAbove(await settledResources(), baseline);
  });

  it('clears every delay timer when clients give up on delayed replies before close()', async () => {
    const server = await startMockServer({ profile: parseProfile({ seed: 1, delay: { type: 'fixed', ms: 5_000 } }) });
    cleanups.push(() => server.close({ drainTimeoutMs: 0 }));
    const baseline = await settledResources();
    const timers = traceServerTimers();
    cleanups.push(timers.stop);
    const clients = [1, 2, 3].map((id) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write(`GET /api/v2/pokemon/${id} HTTP/1.1\r\nHost: a\r\n\r\n`));
      return { socket, closed: new Promise<void>((resolve) => socket.once('close', () => resolve())) };
    });
    while (server.api.stats().requests < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    // The tracer sees the three 5 s delay timers, which hold the process while their clients wait...
    expect(timers.pending(true)).toHaveLength(3);
    // ...and the clients leaving must take them away.
    for (const { socket } of clients) socket.destroy();
    await Promise.all(clients.map((c) => c.closed));
    expectNothingAbove(await settledResources(), baseline);
    expect(timers.pending()).toEqual([]);
  });
});
