/**
 * The PokeAPI routes the mock answers, as a pure parser from a request path to
 * a tagged match. Both adapters (node:http and msw) route through this, so the
 * contract is written once.
 */

/** Routes that draw a delay from the profile; names are the profile's `routes` keys. */
export type ApiRouteName = 'pokemon' | 'pokemon-list';

/** Largest `limit` accepted on the list route (PokeAPI users ask for 100000 to get everything). */
export const MAX_LIST_LIMIT = 100_000;
/** Largest `offset` accepted; anything above is surely a bug in the caller. */
export const MAX_LIST_OFFSET = 1_000_000;
/** PokeAPI's default page size. */
export const DEFAULT_LIST_LIMIT = 20;
/** The reserved prefix of the admin API. */
export const ADMIN_PREFIX = '/__admin';

/** What a request path resolves to, before looking anything up. */
export type RouteMatch =
  | { kind: 'pokemon'; key: string }
  | { kind: 'pokemon-list'; limit: number; offset: number }
  | { kind: 'admin'; path: string }
  | { kind: 'not-found' }
  | { kind: 'bad-request'; reason: string };

const DETAIL = /^\/api\/v2\/pokemon\/([^/]+)\/?$/;
const LIST = /^\/api\/v2\/pokemon\/?$/;

/**
 * Resolves a request target (`/api/v2/pokemon/25/?x=1`) to a route.
 *
 * @example
 * matchRoute('/api/v2/pokemon/Pikachu') // { kind: 'pokemon', key: 'pikachu' }
 * matchRoute('/api/v2/pokemon?limit=5') // { kind: 'pokemon-list', limit: 5, offset: 0 }
 */
export function matchRoute(target: string): RouteMatch {
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);

  if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) return { kind: 'admin', path };

  const detail = DETAIL.exec(path);
  if (detail) {
    let key: string;
    try {
      key = decodeURIComponent(detail[1] ?? '');
    } catch {
      return { kind: 'bad-request', reason: 'malformed percent-encoding in the path' };
    }
    return { kind: 'pokemon', key: key.toLowerCase() };
  }

  if (LIST.test(path)) return parseList(query);
  return { kind: 'not-found' };
}

function parseList(query: string): RouteMatch {
  let params: URLSearchParams;
  try {
    // URLSearchParams silently replaces bad escapes with U+FFFD; check them first.
    decodeURIComponent(query.replace(/\+/g, ' '));
    params = new URLSearchParams(query);
  } catch {
    return { kind: 'bad-request', reason: 'malformed percent-encoding in the query' };
  }
  const limit = intParam(params.get('limit'), DEFAULT_LIST_LIMIT, 1, MAX_LIST_LIMIT);
  if (typeof limit === 'string') return { kind: 'bad-request', reason: `limit ${limit}` };
  const offset = intParam(params.get('offset'), 0, 0, MAX_LIST_OFFSET);
  if (typeof offset === 'string') return { kind: 'bad-request', reason: `offset ${offset}` };
  return { kind: 'pokemon-list', limit, offset };
}

/** Returns the integer, or a string saying which rule it broke. An empty value means the default, as on PokeAPI. */
function intParam(raw: string | null, fallback: number, min: number, max: number): number | string {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return `must be a whole number from ${min} to ${max}`;
  const value = Number(raw);
  if (value < min || value > max) return `must be a whole number from ${min} to ${max}`;
  return value;
}
