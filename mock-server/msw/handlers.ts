/**
 * Adapter 2: the same mock PokeAPI as msw 2 request handlers, for in-process
 * tests of code that uses `fetch`. Same core, same routes, bodies and delays
 * as the real server; never used for wall-clock benchmarks (msw answers ~12x
 * slower than node:http: see DESIGN.md).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { createMockApi, type CreateMockApiOptions } from '../core/create-api.ts';
import { matchRoute } from '../core/routes.ts';
import type { MockApi } from '../core/mock-api.ts';

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
    const reply =
      matchRoute(target).kind === 'admin'
        ? api.admin(request.method, url.pathname, await request.text())
        : api.respond(request.method, target);
    if (applyDelay && reply.delayMs > 0) await delay(reply.delayMs);
    if (reply.transportFault === 'hang') {
      // Never answer: wait for the client to give up, then fail the request as a network error.
      await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }));
      return HttpResponse.error();
    }
    if (reply.transportFault) return HttpResponse.error(); // reset and empty: a broken connection
    const body = request.method === 'HEAD' || reply.status === 204 ? null : reply.body;
    return new HttpResponse(body, { status: reply.status, headers: reply.headers });
  });
  return { handlers: [handler], api, origin };
}
