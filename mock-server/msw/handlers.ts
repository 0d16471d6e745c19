/**
 * Adapter 2: the same mock PokeAPI as msw 2 request handlers, for in-process
 * tests of code that uses `fetch`. Same core, same routes, bodies and delays
 * as the real server; never used for wall-clock benchmarks (msw answers ~12x
 * slower than node:http: see docs/design.md).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  type ConcurrencyGate,
  createMockApi,
  type CreateMockApiOptions,
  DRAW_HEADER,
  type GateTicket,
  matchRoute,
  type MockApi,
  ThrottleSchedule,
} from '../core/index.ts';

/** Options of {@link createMswHandlers}. */
export interface MswHandlersOptions extends Omit<CreateMockApiOptions, 'origin'> {
  /**
   * The origin the handlers answer for. Code under test must use it as its base URL.
   * @defaultValue `'http://pokeapi.mock'`
   */
  origin?: string;
  /** Apply the profile's delays (msw's `delay`). Off makes tests instant. @defaultValue `true` */
  applyDelay?: boolean;
}

/**
 * Builds msw handlers that answer like the mock server.
 *
 * @example
 * const { handlers } = await createMswHandlers({ profile: 'instant' });
 * const server = setupServer(...handlers);
 * server.listen();
 */
export async function createMswHandlers(
  options: MswHandlersOptions = {},
): Promise<{ handlers: HttpHandler[]; api: MockApi; origin: string }> {
  const origin = (options.origin ?? 'http://pokeapi.mock').replace(/\/$/, '');
  const applyDelay = options.applyDelay ?? true;
  const api = await createMockApi({ ...options, origin });

  // A predicate, not a `${origin}/*` path: msw's path matcher throws on a
  // malformed escape, and the contract says such a request gets a 400.
  const ours = ({ request }: { request: Request }) => request.url.startsWith(`${origin}/`);
  const handler = http.all(ours, async ({ request }) => {
    const url = new URL(request.url);
    // Route on the raw target, as node:http sees it: URL() would normalise bad escapes away.
    const target = request.url.slice(origin.length) || `${url.pathname}${url.search}`;
    const isAdmin = matchRoute(target).kind === 'admin';
    const gate = api.gate;
    const reply = isAdmin ? api.admin(request.method, url.pathname, await request.text()) : api.respond(request.method, target, request.headers.get(DRAW_HEADER) ?? undefined);
    const ticket = reply.ticket;
    let streaming = false;
    try {
      // The concurrency cap: wait for a slot (or for the client to give up) before the delay starts.
      if (ticket && gate && !(await slotOrAbort(gate, ticket, request.signal))) return HttpResponse.error();
      if (applyDelay && reply.delayMs > 0) await delay(reply.delayMs);
      if (reply.transportFault === 'hang') {
        // Never answer: wait for the client to give up, then fail the request as a network error.
        await abortOf(request.signal);
        return HttpResponse.error();
      }
      if (reply.transportFault) return HttpResponse.error(); // reset and empty: a broken connection
      const empty = request.method === 'HEAD' || reply.status === 204;
      if (!empty && applyDelay && reply.bytesPerSecond) {
        streaming = true;
        const release = () => ticket && gate?.release(ticket);
        // A caller that never reads the body still frees the slot when it aborts (release is idempotent).
        request.signal.addEventListener('abort', release, { once: true });
        const stream = throttledStream(toBytes(reply.body), reply.bytesPerSecond, release);
        return new HttpResponse(stream, { status: reply.status, headers: reply.headers });
      }
      return new HttpResponse(empty ? null : reply.body, { status: reply.status, headers: reply.headers });
    } finally {
      // A streamed body frees its slot when its last byte is out.
      if (ticket && !streaming) gate?.release(ticket);
    }
  });
  return { handlers: [handler], api, origin };
}

function abortOf(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Resolves true once the ticket runs, false if the client aborts first (the ticket is then released). */
function slotOrAbort(gate: ConcurrencyGate, ticket: GateTicket, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) {
    gate.release(ticket);
    return Promise.resolve(false);
  }
  return new Promise<boolean>((resolve) => {
    const onAbort = () => {
      gate.release(ticket);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    gate.whenRunning(ticket, () => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    });
  });
}

function toBytes(body: Buffer | string): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

/** The node adapter's throttle as a stream: about rate·t bytes after t ms, the last at bytes / rate. */
function throttledStream(body: Uint8Array, bytesPerSecond: number, onDone: () => void): ReadableStream<Uint8Array> {
  const schedule = new ThrottleSchedule(body.length, bytesPerSecond);
  const started = performance.now();
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await delay(schedule.waitMs(sent, performance.now() - started));
      const due = schedule.due(performance.now() - started);
      if (due > sent) controller.enqueue(body.slice(sent, due));
      sent = Math.max(sent, due);
      if (sent >= body.length) {
        controller.close();
        onDone();
      }
    },
    cancel() {
      onDone();
    },
  });
}
