/**
 * Adapter 1: the mock PokeAPI on a real `node:http` server. This is the
 * benchmark path, so it stays thin: route through the core, wait the sampled
 * delay on a timer, write bytes built at start-up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PayloadSize } from '../data/index.ts';
import { loadProfile, type Profile } from '../profile/index.ts';
import { ADMIN_PREFIX, createMockApi, drawHeaderFromRaw, matchRoute, type MockApi, type MockReply } from '../core/index.ts';
import { isLoopback } from './loopback.ts';
import { writeThrottled } from './throttle.ts';
import { ServerStartError } from '../errors/index.ts';
import { checkAdminExposure } from './admin-exposure.ts';
import { httpServerOptions, resolveServerLimits, type ServerLimitsOptions } from './server-limits.ts';
import { carriesBody, refuse, refuseByLimits } from './request-limits.ts';
import { onClientError } from './client-error.ts';
import { createAdminAuth, type AdminAuthResult } from './admin-auth.ts';
import { processUsage } from './process-usage.ts';
import { internalErrorReply, respondSafely } from './internal-error.ts';

/** Options of {@link startMockServer}; the request limits and admin token are in {@link ServerLimitsOptions}. */
export interface StartMockServerOptions extends ServerLimitsOptions {
  /**
   * A parsed profile, a shipped profile's name (`fixed-100ms`) or a path to a profile JSON.
   * @defaultValue `'instant'`
   */
  profile?: Profile | string;
  /** Overrides the profile's seed. */
  seed?: number;
  /** @defaultValue `0` (the OS picks a free port) */
  port?: number;
  /** @defaultValue `'127.0.0.1'`; anything else is not loopback and prints a warning. */
  host?: string;
  /** Body size: `slim` (a few KB) or `realistic` (PokeAPI's real sizes). @defaultValue `'slim'` */
  payload?: PayloadSize;
  /**
   * Listen backlog. Node's default (511) overflows when a fan-out opens
   * thousands of connections at once: the kernel drops SYNs and the client
   * retries ~1 s later, a stall that looks like client slowness.
   * @defaultValue `4096` (the kernel caps it at `net.core.somaxconn`)
   */
  backlog?: number;
  /** Where warnings go. @defaultValue `console.warn` */
  warn?: (message: string) => void;
  /**
   * `false` turns the admin API off (every `/__admin` path but
   * `GET /__admin/health` answers 404). Binding off loopback needs this or an
   * `adminToken`.
   * @defaultValue `true`
   */
  admin?: boolean;
  /**
   * Who answers admin requests once they passed the peer and token checks:
   * the cluster's worker hands them to the primary (see `./cluster.ts`).
   * @defaultValue this process's core (`api.admin`)
   */
  adminHandler?: AdminHandler | undefined;
  /** Stamped as `x-mock-worker` on every API reply: which cluster worker answered. @defaultValue none */
  workerId?: number | undefined;
}

/** Answers an admin request (method, path without query, body). */
export type AdminHandler = (method: string, path: string, body: string) => MockReply | Promise<MockReply>;

/** A running mock server. */
export interface MockServerHandle {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** The core: profile, stats, reset. */
  api: MockApi;
  server: http.Server;
  /**
   * Stops accepting, lets in-flight responses finish (their delays included)
   * for up to `drainTimeoutMs`, then closes every connection.
   */
  close(options?: { drainTimeoutMs?: number }): Promise<void>;
}

const MAX_ADMIN_BODY = 1024 * 1024;

export { ServerStartError };

function resolveOptions(options: StartMockServerOptions) {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ServerStartError(`options.port must be an integer from 0 to 65535, got ${String(options.port)}.`);
  }
  const payload = options.payload ?? 'slim';
  if (payload !== 'slim' && payload !== 'realistic') {
    throw new ServerStartError(`options.payload must be 'slim' or 'realistic', got ${JSON.stringify(options.payload)}.`);
  }
  const host = options.host ?? '127.0.0.1';
  const admin = options.admin ?? true;
  checkAdminExposure(host, admin, options.adminToken);
  const backlog = options.backlog ?? 4096;
  if (!Number.isInteger(backlog) || backlog < 1) throw new ServerStartError('options.backlog must be a positive integer.');
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    throw new ServerStartError(`options.seed must be an integer, got ${String(options.seed)}.`);
  }
  return {
    port,
    payload,
    backlog,
    host,
    admin,
    seed: options.seed,
    profile: options.profile ?? 'instant',
    warn: options.warn ?? ((m: string) => console.warn(m)),
    adminHandler: options.adminHandler,
    workerId: options.workerId,
    limits: resolveServerLimits(options),
  };
}

/**
 * Starts the mock PokeAPI on a real HTTP server and hands back a handle.
 *
 * @example
 * const { url, close } = await startMockServer({ profile: 'fixed-100ms' });
 * await fetch(`${url}/api/v2/pokemon/25`); // ~100 ms, x-mock-delay-ms: 100.00
 * await close();
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServerHandle> {
  const o = resolveOptions(options);
  // Load (and validate) the profile before binding, so a bad one leaves no socket behind.
  const profile = typeof o.profile === 'string' ? await loadProfile(o.profile) : o.profile;
  if (!isLoopback(o.host)) {
    o.warn(`pokebench: the mock server is listening on ${o.host}, which is not loopback: anyone who can reach it can load it.`);
  }

  let api: MockApi | undefined;
  let closing = false;
  let closed: Promise<void> | undefined;
  let inFlight = 0;
  const server = http.createServer(httpServerOptions(o.limits));
  server.on('clientError', onClientError);
  const checkAdminToken = o.limits.adminToken === undefined ? undefined : createAdminAuth(o.limits.adminToken);
  // Off loopback (a container, a pod) the token is what protects the admin API, so remote peers that send it are let in.
  const admin: AdminAccess = { enabled: o.admin, remote: !isLoopback(o.host) && checkAdminToken !== undefined, checkToken: checkAdminToken };
  const workerTag = o.workerId === undefined ? undefined : String(o.workerId);

  server.on('request', (req, res) => {
    if (refuseByLimits(req, res, o.limits.maxUrlLength)) return;
    if (!api) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' }).end('Starting');
      return;
    }
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    // Cheap prefix test first: the full route is matched once, in the core.
    if (target.startsWith(ADMIN_PREFIX) && matchRoute(target).kind === 'admin') {
      const core = api;
      handleAdmin(req, res, method, target, admin, o.adminHandler ?? ((m, p, b) => core.admin(m, p, b)));
      return;
    }
    req.resume(); // GET bodies are not read; drain them so the connection stays usable.
    const reply = respondSafely(api, method, target, o.warn, drawHeaderFromRaw(req.rawHeaders));
    if (workerTag !== undefined) reply.headers['x-mock-worker'] = workerTag;
    if (reply.ticket || reply.bytesPerSecond) {
      serveLimited(api, res, reply, method === 'HEAD');
      return;
    }
    if (reply.delayMs <= 0) {
      write(res, reply, method === 'HEAD', closing);
      return;
    }
    inFlight += 1;
    const pending: Pending = { res, reply, head: method === 'HEAD', timer: undefined, closed: false };
    pending.timer = setTimeout(sendPending, reply.delayMs, pending);
    (res as PendingResponse)[PENDING] = pending;
    res.once('close', onDelayedClose);
    if (!res.socket) closeWithSocket(req, res);
  });

  // Once per server, not per request: the close event ends a sent response,
  // or tells that the client gave up (then there is no need to answer).
  function onDelayedClose(this: http.ServerResponse): void {
    const pending = (this as PendingResponse)[PENDING];
    if (!pending || pending.closed) return;
    pending.closed = true;
    inFlight -= 1;
    clearTimeout(pending.timer);
  }

  // The profile's concurrency cap or bandwidth: wait for a slot at the gate,
  // then the delay, then stream the body; the slot frees when the response
  // ends or the client leaves. Off the hot path, so closures are fine here.
  function serveLimited(core: MockApi, res: http.ServerResponse, reply: MockReply, head: boolean): void {
    const gate = core.gate;
    const ticket = reply.ticket;
    let timer: NodeJS.Timeout | undefined;
    let ended = false;
    inFlight += 1;
    res.once('close', () => {
      if (ended) return;
      ended = true;
      inFlight -= 1;
      clearTimeout(timer);
      if (ticket) gate?.release(ticket);
    });
    if (!res.socket) closeWithSocket(res.req, res);
    const send = () => write(res, reply, head, closing);
    const begin = () => {
      if (ticket) reply.headers['x-mock-queue-ms'] = (performance.now() - ticket.queuedAt).toFixed(2);
      if (reply.delayMs > 0) timer = setTimeout(send, reply.delayMs);
      else send();
    };
    if (ticket && gate) gate.whenRunning(ticket, begin);
    else begin();
  }

  // Module-level so the hot path creates no closure per request for the timer.
  function sendPending(pending: Pending): void {
    write(pending.res, pending.reply, pending.head, closing);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ServerStartError(`Failed to listen on ${o.host}:${o.port}: ${error.message}.`, { cause: error })),
    );
    server.listen({ host: o.host, port: o.port, backlog: o.backlog }, resolve);
  });
  // Past start-up an error (EMFILE on accept) must not crash the process: report it and keep serving.
  server.on('error', (error: Error) => o.warn(`pokebench: the mock server had an error: ${error.message}`));
  const { port } = server.address() as AddressInfo;
  const hostPart = o.host.includes(':') ? `[${o.host}]` : o.host;
  const url = `http://${hostPart}:${port}`;
  try {
    api = await createMockApi({ profile, seed: o.seed, payload: o.payload, origin: url });
    api.reportInFlight(() => inFlight);
    api.reportProcessUsage(processUsage);
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    url,
    port,
    api,
    server,
    close({ drainTimeoutMs = 5_000 } = {}) {
      // A second call waits for the same drain instead of returning early.
      closed ??= drain(drainTimeoutMs);
      return closed;
    },
  };

  async function drain(drainTimeoutMs: number): Promise<void> {
    closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Keep-alive sockets go idle as their last response ends; close them then.
    const sweep = setInterval(() => {
      server.closeIdleConnections();
      if (inFlight === 0) server.closeAllConnections();
    }, 20);
    const deadline = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    await stopped;
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}

/**
 * A pipelined request's response waits behind the one before it on the same
 * connection, with no socket of its own yet. Node 20 never emits `close` for
 * such a response when the connection dies (it only wires the response that
 * holds the socket), so its timer, gate slot and in-flight count would leak:
 * close it with the socket. Only pipelining gets here, so the closures are fine.
 */
function closeWithSocket(req: http.IncomingMessage, res: http.ServerResponse): void {
  const socket = req.socket;
  const onSocketClose = () => res.emit('close');
  socket.once('close', onSocketClose);
  res.once('close', () => socket.removeListener('close', onSocketClose));
}

const PENDING = Symbol('pokebench.pending');
type PendingResponse = http.ServerResponse & { [PENDING]?: Pending };

/** A delayed reply waiting for its timer. */
interface Pending {
  res: http.ServerResponse;
  reply: MockReply;
  head: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Set once its close was handled (a queued response can be closed by its socket and by itself). */
  closed: boolean;
}

/** The faults that happen below HTTP: the profile asked for a broken connection, not a status. */
function transportFault(res: http.ServerResponse, reply: MockReply): void {
  if (reply.transportFault === 'hang') return; // never answer: the client's timeout (or ours, at close) ends it
  // A pipelined response without a socket yet breaks the connection it waits on.
  const socket = res.socket ?? res.req.socket;
  if (reply.transportFault === 'empty' || !res.socket) {
    socket.destroy(); // closed before any byte of a response
    return;
  }
  // reset: promise the whole body, send half, then cut the connection.
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': body.length });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
}

function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return isLoopback(new URL(origin).hostname.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}

function write(res: http.ServerResponse, reply: MockReply, head: boolean, closing: boolean): void {
  if (res.destroyed) return;
  if (reply.transportFault) {
    transportFault(res, reply);
    return;
  }
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  // The reply's headers object is fresh per request: add to it rather than copy it.
  const headers: Record<string, string | number> = reply.headers;
  headers['content-length'] = body.length;
  if (closing) headers['connection'] = 'close';
  res.writeHead(reply.status, headers);
  if (reply.bytesPerSecond && !head && body.length > 0) writeThrottled(res, body, reply.bytesPerSecond);
  else res.end(head ? undefined : body);
}

/** Where the admin API's 401 points a client. */
const BEARER_REALM = 'Bearer realm="pokebench-admin"';

/** Who may use the admin API. */
interface AdminAccess {
  /** False: only health answers. */
  enabled: boolean;
  /** Peers off loopback may use it with the token (the server is bound off loopback). */
  remote: boolean;
  checkToken: ((authorization: string | undefined) => AdminAuthResult) | undefined;
}

function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, method: string, target: string, access: AdminAccess, answer: AdminHandler) {
  const hasBody = carriesBody(req.rawHeaders);
  const path = target.split('?')[0] ?? target;
  // Health stays open so a probe (a container's HEALTHCHECK, a kubelet) needs no secret: it tells nothing but "up" and how many workers.
  const health = method === 'GET' && path.slice(ADMIN_PREFIX.length).replace(/\/$/, '') === '/health';
  if (!access.enabled && !health) {
    refuse(res, 404, 'Not Found: the admin API is off (started with --admin off)', hasBody);
    return;
  }
  // A browser page on this machine is a loopback peer too; it marks its
  // requests with Origin. Refuse other origins so no page can rewrite a profile.
  const peerOk = health || access.remote || isLoopback(req.socket.remoteAddress ?? '');
  if (!peerOk || !isLoopbackOrigin(req.headers.origin)) {
    refuse(res, 403, 'Forbidden: the admin API answers loopback peers only', hasBody);
    return;
  }
  const checkToken = access.checkToken;
  if (checkToken && !health) {
    const auth = checkToken(req.headers.authorization);
    if (auth !== 'ok') {
      refuse(res, 401, 'Unauthorized: the admin API needs "Authorization: Bearer <token>", the token the server was started with', hasBody, {
        'www-authenticate': auth === 'missing' ? BEARER_REALM : `${BEARER_REALM}, error="invalid_token"`,
      });
      return;
    }
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_ADMIN_BODY) {
    refuse(res, 413, 'Payload Too Large', true);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_ADMIN_BODY) {
      chunks.push(chunk);
      return;
    }
    // A chunked body announces no length: stop at the limit and close, rather than read the rest.
    req.off('data', onData).off('end', onEnd);
    chunks.length = 0;
    refuse(res, 413, 'Payload Too Large', true);
  };
  const onEnd = () => {
    // Never leak a stack trace to a client.
    Promise.resolve()
      .then(() => answer(method, path, Buffer.concat(chunks).toString('utf8')))
      .catch(() => internalErrorReply())
      .then((reply) => write(res, reply, method === 'HEAD', false));
  };
  req.on('data', onData).on('end', onEnd);
}
