/**
 * A tiny `node:http` PokeAPI stand-in for client and strategy tests: answers
 * `/api/v2/pokemon/:id` with a small JSON body and `x-mock-delay-ms`, lets a
 * test choose each reply (delay, status, malformed body, or hold forever),
 * and counts requests in flight, so tests assert concurrency, not wall time.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How to answer one request. */
export interface TinyReply {
  /** HTTP status. @defaultValue 200 */
  status?: number;
  /** Wait this long before answering; `Infinity` holds the request until the client gives up or the server closes. @defaultValue 0 */
  delayMs?: number;
  /** `json` (a small pokemon), `malformed` (cut-off JSON) or a literal text body. @defaultValue 'json', 'Not Found' for a 404 */
  body?: 'json' | 'malformed' | string;
  /** Stamp `x-mock-delay-ms`. @defaultValue true */
  stampDelay?: boolean;
  /**
   * Hold the request (before its delay) until this many requests have been in
   * flight at once: a barrier that proves a client reaches that concurrency,
   * without timing. @defaultValue 0
   */
  holdUntilInFlight?: number;
}

/** Picks the reply for pokemon `id` (the nth request overall, 0-based). */
export type TinyReplyFn = (id: number, nth: number) => TinyReply;

/** A running tiny server. */
export interface TinyServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Requests received and not yet answered or abandoned. */
  readonly inFlight: number;
  /** Highest {@link inFlight} seen since start or {@link resetCounters}. */
  readonly maxInFlight: number;
  /** Requests received. */
  readonly requests: number;
  /** TCP connections accepted. */
  readonly connections: number;
  /** Ids requested, in arrival order. */
  readonly ids: readonly number[];
  /** Replace how requests are answered. */
  setReply(reply: TinyReplyFn): void;
  /** Resolves once `count` requests are in flight at the same time. */
  waitForInFlight(count: number): Promise<void>;
  /** Zero the counters. */
  resetCounters(): void;
  /** Drop every connection and stop listening. */
  close(): Promise<void>;
}

/** The JSON body served for pokemon `id`. */
export function pokemonBody(id: number): string {
  return JSON.stringify({ id, name: `pokemon-${id}`, types: ['normal'] });
}

/** Write the reply `r` for pokemon `id`. */
function answer(res: ServerResponse, id: number, r: TinyReply): void {
  const status = r.status ?? 200;
  const kind = r.body ?? (status === 404 ? 'Not Found' : 'json');
  const body = kind === 'json' ? pokemonBody(id) : kind === 'malformed' ? pokemonBody(id).slice(0, 12) : kind;
  const headers: Record<string, string> = {
    'content-type': kind === 'json' || kind === 'malformed' ? 'application/json' : 'text/plain',
    'content-length': String(Buffer.byteLength(body)),
  };
  if (r.stampDelay ?? true) headers['x-mock-delay-ms'] = (r.delayMs ?? 0).toFixed(2);
  res.writeHead(status, headers).end(body);
}

/**
 * Start a tiny server on 127.0.0.1, port 0.
 *
 * @example
 * const server = await startTinyServer((id) => ({ delayMs: 5, status: id === 404 ? 404 : 200 }));
 * afterAll(() => server.close());
 */
export async function startTinyServer(reply: TinyReplyFn = () => ({})): Promise<TinyServer> {
  let replyFn = reply;
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;
  let connections = 0;
  let ids: number[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const waiters = new Set<{ count: number; resolve: () => void }>();
  const held = new Set<{ until: number; go: () => void }>();

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const match = /^\/api\/v2\/pokemon\/(\d+)\/?$/.exec(req.url ?? '');
    if (match === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const id = Number(match[1]);
    const r = replyFn(id, requests);
    requests += 1;
    ids.push(id);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    for (const w of waiters) {
      if (inFlight >= w.count) {
        waiters.delete(w);
        w.resolve();
      }
    }
    res.once('close', () => {
      inFlight -= 1;
    });
    const go = (): void => {
      const delay = r.delayMs ?? 0;
      if (delay === Infinity || res.destroyed) return;
      if (delay === 0) {
        answer(res, id, r);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) answer(res, id, r);
      }, delay);
      timers.add(timer);
    };
    held.add({ until: r.holdUntilInFlight ?? 0, go });
    for (const h of held) {
      if (maxInFlight >= h.until) {
        held.delete(h);
        h.go();
      }
    }
  };

  const server = createServer({ keepAliveTimeout: 5_000 }, onRequest);
  server.on('connection', () => {
    connections += 1;
  });
  server.listen(0, '127.0.0.1', 1024);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    get ids() {
      return ids;
    },
    setReply(next) {
      replyFn = next;
    },
    waitForInFlight(count) {
      if (inFlight >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ count, resolve }));
    },
    resetCounters() {
      maxInFlight = inFlight;
      requests = 0;
      connections = 0;
      ids = [];
    },
    async close() {
      held.clear();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** An origin where nothing listens: a port that was just bound and released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
