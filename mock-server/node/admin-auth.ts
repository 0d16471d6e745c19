/**
 * The optional bearer token of the admin API. Loopback-only keeps other
 * machines out; the token also keeps out other users and processes of this
 * machine (a shared CI runner, a dev box with several accounts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 6750 `b64token` (token68): what may follow `Bearer `. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
const BEARER = /^bearer +(\S+) *$/i;

/** Whether `token` can be sent as `Authorization: Bearer <token>` (non-empty token68). */
export function isValidAdminToken(token: string): boolean {
  return typeof token === 'string' && TOKEN68.test(token);
}

/** What the `Authorization` header of an admin request proved. */
export type AdminAuthResult = 'ok' | 'missing' | 'invalid';

/**
 * Builds the check of an `Authorization` header against `token`.
 *
 * Both sides are hashed before `timingSafeEqual`: the buffers then always
 * have the same length, so neither the comparison's time nor an early
 * length mismatch tells a caller how much of the token it got right.
 *
 * @example
 * const check = createAdminAuth('s3cret');
 * check('Bearer s3cret'); // 'ok'
 * check(undefined);       // 'missing'
 * check('Bearer nope');   // 'invalid'
 */
export function createAdminAuth(token: string): (authorization: string | undefined) => AdminAuthResult {
  const expected = digest(token);
  return (authorization) => {
    if (authorization === undefined || authorization === '') return 'missing';
    const presented = BEARER.exec(authorization)?.[1];
    if (presented === undefined) return 'invalid';
    return timingSafeEqual(expected, digest(presented)) ? 'ok' : 'invalid';
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
