/**
 * The mock PokeAPI as plain functions: request in, reply (status, headers,
 * body, delay) out. No sockets, no timers: the adapters apply the delay and
 * write the bytes. One core, two thin adapters (docs/design.md, "The mock server").
 */
import type { PokemonStore } from '../data/index.ts';
import { createDelaySampler, type DelaySampler, type DrawName, type Fault, parseProfile, type Profile, ProfileError } from '../profile/index.ts';
import { ERROR_CODES } from '../errors/index.ts';
import { Histogram, type HistogramSnapshot, type HistogramSummary } from '../stats/index.ts';
import { ADMIN_PREFIX, matchRoute, type ApiRouteName, type RouteMatch } from './routes.ts';
import { TokenBucket } from './token-bucket.ts';
import { ConcurrencyGate, type GateTicket } from './concurrency-gate.ts';
import { parseDrawHeader } from './draw-header.ts';

/**
 * What went wrong on purpose: a fault the profile drew, or a limit the
 * profile set (`rate-limit`: the token bucket was empty; `queue-full`: the
 * concurrency cap's queue was full).
 */
export type InjectedFault = Fault['kind'] | 'rate-limit' | 'queue-full';

/** A reply, ready to be written after `delayMs`. */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
  /** Delay to apply before answering, in ms (already stamped in the headers). */
  delayMs: number;
  /** The profile route this request was delayed under, or null for admin and errors. */
  route: ApiRouteName | null;
  /** The fault the profile drew (or the limit it hit) for this request, if any. */
  fault?: InjectedFault | undefined;
  /**
   * What the adapter must do instead of answering normally: `reset` (send the
   * headers and half the body, then destroy the socket), `empty` (close before
   * any byte) or `hang` (never answer). Other faults are already in the reply.
   */
  transportFault?: 'reset' | 'empty' | 'hang' | undefined;
  /** Stream the body at this rate (the profile's `bandwidth`), after the delay. */
  bytesPerSecond?: number | undefined;
  /**
   * The request's place at the concurrency cap, when the profile sets one:
   * the adapter serves it (delay, then body) only once it runs, and releases
   * it when the response ends.
   */
  ticket?: GateTicket | undefined;
}

/** Per-route counters, mergeable across processes (counts and histograms only). */
export interface RouteStats {
  requests: number;
  statuses: Record<string, number>;
  /** Injected faults by kind. */
  faults: Record<string, number>;
  delay: HistogramSummary;
  histogram: HistogramSnapshot;
}

/** What is in progress right now, from the adapter: a leak shows here as a count that never returns to 0. */
export interface LiveCounters {
  /** Delayed or streamed responses not yet ended. */
  inFlight: number;
  /** Requests being served under the concurrency cap (0 without one). */
  running: number;
  /** Requests waiting for the cap (0 without one). */
  queued: number;
}

/** What `GET /__admin/stats` returns. */
export interface MockStats {
  since: string;
  requests: number;
  routes: Record<string, RouteStats>;
  /** Present when the adapter reports it (the node server does). */
  live?: LiveCounters | undefined;
}

/**
 * What `GET /__admin/process` returns: the serving process's cost so far,
 * cumulative (read it before and after a run and subtract). Only an adapter
 * that runs in its own process reports it (the node server does).
 */
export interface ProcessUsage {
  pid: number;
  /** CPU (user + system) since the process started, ms. */
  cpuMs: number;
  /** Time its event loop was busy since it started, ms (`performance.eventLoopUtilization().active`). */
  loopActiveMs: number;
  /** Time its event loop was idle, ms. */
  loopIdleMs: number;
  /**
   * Its event loop's thread on Linux (`/proc/thread-self/schedstat`): time on
   * a CPU, and time ready to run but waiting for one, ms; absent elsewhere.
   */
  loopThread?: { cpuMs: number; runQueueMs: number } | undefined;
}

/** A fresh header object per reply (the adapters add to it): a literal is cheaper than a spread. */
function jsonHeaders(): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    // PokeAPI's own caching and CORS headers, so clients behave as they would live.
    'cache-control': 'public, max-age=86400, s-maxage=86400',
    'access-control-allow-origin': '*',
  };
}
const TEXT_HEADERS = {
  'content-type': 'text/plain; charset=utf-8',
  'access-control-allow-origin': '*',
} as const;

/** Options of {@link MockApi}. */
export interface MockApiOptions {
  /** The pokemon bodies, built once. */
  store: PokemonStore;
  /** The active latency profile. */
  profile: Profile;
  /** Origin used in list URLs, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  /** Monotonic clock, ms, for the rate limit and the queue. @defaultValue `performance.now` */
  now?: (() => number) | undefined;
}

/** The PokeAPI contract plus the admin API, with per-route stats. */
export class MockApi {
  readonly store: PokemonStore;
  readonly origin: string;
  #sampler: DelaySampler;
  #routes = new Map<string, { requests: number; statuses: Map<number, number>; faults: Map<string, number>; delays: Histogram }>();
  #since = new Date();
  #requests = 0;
  #bucket: TokenBucket | undefined;
  #gate: ConcurrencyGate | undefined;
  #inFlight: (() => number) | undefined;
  #usage: (() => ProcessUsage) | undefined;
  readonly #now: () => number;

  constructor(options: MockApiOptions) {
    this.store = options.store;
    this.origin = options.origin;
    this.#now = options.now ?? (() => performance.now());
    this.#sampler = createDelaySampler(options.profile);
    this.#limits(options.profile);
  }

  /** The concurrency cap's gate, when the profile sets one (adapters serve through it). */
  get gate(): ConcurrencyGate | undefined {
    return this.#gate;
  }

  #limits(profile: Profile): void {
    const rate = profile.rateLimit;
    this.#bucket = rate ? new TokenBucket(rate.requestsPerSecond, rate.burst ?? Math.max(1, Math.ceil(rate.requestsPerSecond))) : undefined;
    // Requests already at the old gate keep their tickets and release them there.
    const cap = profile.concurrency;
    this.#gate = cap ? new ConcurrencyGate(cap.max, cap.queueLimit) : undefined;
  }

  /** The active profile. */
  get profile(): Profile {
    return this.#sampler.profile;
  }

  /** Replaces the active profile; delay streams restart from the new seed. */
  setProfile(profile: Profile): void {
    this.#sampler = createDelaySampler(profile);
    this.#limits(profile);
  }

  /** Clears stats and restarts every delay stream (same profile, same seed). */
  reset(): void {
    this.#sampler.reset();
    // A fresh bucket (full); the gate keeps its in-flight requests.
    this.#bucket = this.#bucket && new TokenBucket(this.#bucket.ratePerSecond, this.#bucket.capacity);
    this.#routes.clear();
    this.#requests = 0;
    this.#since = new Date();
  }

  /**
   * Answers one API request. `target` is the request target (path and query);
   * `drawHeader` the `x-pokebench-draw` value, if the client named the draw
   * (see `mock-server/core/draw-header.ts`). Admin paths are not answered
   * here: see {@link MockApi.admin}.
   */
  respond(method: string, target: string, drawHeader?: string | readonly string[]): MockReply {
    const reply = this.#route(method, target, drawHeader);
    this.#record(reply);
    return reply;
  }

  #route(method: string, target: string, drawHeader: string | readonly string[] | undefined): MockReply {
    const match = matchRoute(target);
    if (match.kind === 'admin') return text(404, 'Not Found');
    if (match.kind === 'bad-request') return text(400, `Bad Request: ${match.reason}`);
    let draw: DrawName | undefined;
    if (drawHeader !== undefined) {
      const parsed = parseDrawHeader(drawHeader);
      if (!parsed.ok) return text(400, `Bad Request: ${parsed.reason}`);
      draw = parsed.draw;
    }
    if (match.kind === 'not-found') return text(404, 'Not Found');
    if (method === 'OPTIONS') return preflight();
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed();
    const route: ApiRouteName = match.kind;
    if (this.#bucket) {
      const taken = this.#bucket.take(this.#now());
      if (!taken.admitted) return overLimit(route, 429, 'rate-limit', Math.max(1, Math.ceil(taken.retryAfterMs / 1000)));
    }
    // Like the rate limit, a full queue turns a request away before it draws a delay or a fault.
    const ticket = this.#gate?.admit(this.#now());
    if (this.#gate && !ticket) return overLimit(route, 503, 'queue-full', 1);
    const reply = this.#serve(match, draw);
    const bandwidth = this.#sampler.profile.bandwidth;
    if (bandwidth) reply.bytesPerSecond = bandwidth.bytesPerSecond;
    // Only when there is one: every reply object keeps the same shape on the hot path.
    if (ticket) reply.ticket = ticket;
    return reply;
  }

  #serve(match: Extract<RouteMatch, { kind: ApiRouteName }>, draw: DrawName | undefined): MockReply {
    if (match.kind === 'pokemon') {
      const id = /^\d+$/.test(match.key) ? Number(match.key) : this.store.idByName(match.key);
      const body = id === undefined ? undefined : this.store.bodyById(id);
      // Keyed by the canonical id, so /pokemon/25 and /pokemon/pikachu share one delay stream.
      const { delayMs, fault } = this.#sampler.draw('pokemon', id === undefined || body === undefined ? match.key : String(id), draw);
      if (body === undefined) return withFault(delayed(text(404, 'Not Found'), delayMs, 'pokemon'), fault);
      return withFault(delayed({ status: 200, headers: jsonHeaders(), body, delayMs: 0, route: null }, delayMs, 'pokemon'), fault);
    }

    const { limit, offset } = match;
    const { delayMs, fault } = this.#sampler.draw('pokemon-list', `limit=${limit}&offset=${offset}`, draw);
    return withFault(
      delayed({ status: 200, headers: jsonHeaders(), body: JSON.stringify(this.#page(limit, offset)), delayMs: 0, route: null }, delayMs, 'pokemon-list'),
      fault,
    );
  }

  #page(limit: number, offset: number) {
    const { count } = this.store;
    const base = `${this.origin}/api/v2/pokemon`;
    const results: { name: string; url: string }[] = [];
    for (let id = offset + 1; id <= Math.min(count, offset + limit); id++) {
      results.push({ name: this.store.nameById(id) ?? String(id), url: `${base}/${id}/` });
    }
    // PokeAPI's own link format: offset first, then limit.
    const next = offset + limit < count ? `${base}?offset=${offset + limit}&limit=${limit}` : null;
    const previous = offset > 0 ? `${base}?offset=${Math.max(0, offset - limit)}&limit=${limit}` : null;
    return { count, next, previous, results };
  }

  /**
   * Answers the admin API: `GET /__admin/profile`, `PUT /__admin/profile` (a
   * profile JSON, validated like a file), `GET /__admin/stats`,
   * `POST /__admin/reset`, `GET /__admin/health`, and `GET /__admin/process`
   * when the adapter reports its process's usage. The adapter checks that the
   * peer is on loopback before calling this.
   */
  admin(method: string, path: string, body: string): MockReply {
    const route = path.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
    if (route === '/health' && method === 'GET') return json(200, { status: 'ok' });
    if (route === '/profile' && method === 'GET') return json(200, this.profile);
    if (route === '/stats' && method === 'GET') return json(200, this.stats());
    if (route === '/process' && method === 'GET' && this.#usage) return json(200, this.#usage());
    if (route === '/reset' && method === 'POST') {
      this.reset();
      return json(200, { reset: true });
    }
    if (route === '/profile' && method === 'PUT') {
      const parsed = parseProfileBody(body);
      if (!parsed.ok) return parsed.reply;
      this.setProfile(parsed.profile);
      return json(200, this.profile);
    }
    if (['/health', '/profile', '/stats', '/reset'].includes(route) || (route === '/process' && this.#usage)) return methodNotAllowed();
    return text(404, 'Not Found');
  }

  /** The adapter tells the core how to count its in-flight responses, so stats can show them. */
  reportInFlight(count: () => number): void {
    this.#inFlight = count;
  }

  /** The adapter tells the core how to read its process's CPU and event-loop time, for `GET /__admin/process`. */
  reportProcessUsage(usage: () => ProcessUsage): void {
    this.#usage = usage;
  }

  /** Injected faults and limit rejections by kind, over all routes, since the last reset (cheap: no histograms). */
  faultCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.#routes.values()) for (const [kind, n] of r.faults) counts[kind] = (counts[kind] ?? 0) + n;
    return counts;
  }

  /** Per-route request counts, statuses and applied-delay percentiles since the last reset. */
  stats(): MockStats {
    const routes: Record<string, RouteStats> = {};
    for (const [name, r] of this.#routes) {
      routes[name] = {
        requests: r.requests,
        statuses: Object.fromEntries([...r.statuses].map(([s, n]) => [String(s), n])),
        faults: Object.fromEntries(r.faults),
        delay: r.delays.summary(),
        histogram: r.delays.snapshot(),
      };
    }
    const live = this.#inFlight && { inFlight: this.#inFlight(), running: this.#gate?.running ?? 0, queued: this.#gate?.queued ?? 0 };
    return { since: this.#since.toISOString(), requests: this.#requests, routes, ...(live ? { live } : {}) };
  }

  #record(reply: MockReply): void {
    this.#requests += 1;
    const name = reply.route ?? 'other';
    let r = this.#routes.get(name);
    if (!r) {
      r = { requests: 0, statuses: new Map(), faults: new Map(), delays: new Histogram() };
      this.#routes.set(name, r);
    }
    r.requests += 1;
    r.statuses.set(reply.status, (r.statuses.get(reply.status) ?? 0) + 1);
    // A request the limiter or the queue turned away drew no delay: keep it out of the delay histogram.
    if (reply.route && reply.fault !== 'rate-limit' && reply.fault !== 'queue-full') r.delays.record(reply.delayMs);
    if (reply.fault) r.faults.set(reply.fault, (r.faults.get(reply.fault) ?? 0) + 1);
  }
}

/**
 * The body of `PUT /__admin/profile` as a profile, or the 400 reply that says
 * what is wrong with it (shared by the core and the cluster's primary).
 */
export function parseProfileBody(body: string): { ok: true; profile: Profile } | { ok: false; reply: MockReply } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { ok: false, reply: json(400, { error: ERROR_CODES.ProfileError, message: `Failed to read the profile: body is not JSON (${(error as Error).message}).` }) };
  }
  try {
    return { ok: true, profile: parseProfile(parsed, 'PUT /__admin/profile') };
  } catch (error) {
    if (error instanceof ProfileError) return { ok: false, reply: json(400, { error: error.code, message: error.message, issues: error.issues }) };
    throw error;
  }
}

/** A JSON admin reply (no caching). */
export function json(status: number, value: unknown): MockReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(value, null, 2),
    delayMs: 0,
    route: null,
  };
}

function delayed(reply: MockReply, delayMs: number, route: ApiRouteName): MockReply {
  // Hot path (every API request): mutate the fresh reply rather than copy it.
  const ms = delayMs.toFixed(2);
  reply.headers['x-mock-delay-ms'] = ms;
  reply.headers['server-timing'] = `mock;dur=${ms};desc="applied delay"`;
  reply.delayMs = delayMs;
  reply.route = route;
  return reply;
}

const FAULT_TEXT: Record<number, string> = { 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** Applies a drawn fault to a delayed reply (the delay stays: a slow failure is still slow). */
function withFault(reply: MockReply, fault: Fault | undefined): MockReply {
  if (fault === undefined) return reply;
  reply.fault = fault.kind;
  switch (fault.kind) {
    case 'http-error':
    case 'rate-limited': {
      const status = fault.kind === 'rate-limited' ? 429 : (fault.status ?? 503);
      reply.status = status;
      reply.body = FAULT_TEXT[status] ?? 'Server Error';
      reply.headers['content-type'] = 'text/plain; charset=utf-8';
      delete reply.headers['cache-control'];
      if (fault.kind === 'rate-limited') reply.headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
      return reply;
    }
    case 'malformed-json': {
      // The right status, a body cut in half: what a client's JSON parser chokes on.
      const bytes = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
      reply.body = bytes.subarray(0, Math.floor(bytes.length / 2));
      return reply;
    }
    default:
      reply.transportFault = fault.kind;
      return reply;
  }
}

/** Answered at once, before any delay is drawn: the limiter or the full queue turned it away. */
function overLimit(route: ApiRouteName, status: 429 | 503, fault: 'rate-limit' | 'queue-full', retryAfterSeconds: number): MockReply {
  const reply = text(status, FAULT_TEXT[status] ?? 'Server Error');
  reply.headers['retry-after'] = String(retryAfterSeconds);
  reply.route = route;
  reply.fault = fault;
  return reply;
}

function text(status: number, body: string): MockReply {
  return { status, headers: { ...TEXT_HEADERS, 'x-mock-delay-ms': '0.00' }, body, delayMs: 0, route: null };
}

function methodNotAllowed(): MockReply {
  const reply = text(405, 'Method Not Allowed');
  reply.headers['allow'] = 'GET, HEAD, OPTIONS';
  return reply;
}

function preflight(): MockReply {
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-max-age': '86400',
    },
    body: '',
    delayMs: 0,
    route: null,
  };
}
