/**
 * Off loopback only when protected: a server reachable from other machines
 * (a container, a pod) must not leave its admin API open to them.
 */
import { isLoopback } from './loopback.ts';
import { AdminExposedError } from '../errors/index.ts';

export { AdminExposedError };

/**
 * Throws before binding `host` off loopback with the admin API on and no
 * token; the message names the flags and variables that fix it.
 *
 * @throws AdminExposedError (code `ERR_POKEBENCH_ADMIN_EXPOSED`).
 */
export function checkAdminExposure(host: string, admin: boolean, adminToken: string | undefined): void {
  if (isLoopback(host) || !admin || adminToken !== undefined) return;
  throw new AdminExposedError(
    `Refusing to listen on ${host} (not loopback) with an open admin API: anyone who can reach it could replace the profile. ` +
      'Set an admin token (--admin-token or POKEBENCH_ADMIN_TOKEN; options.adminToken) or turn the admin API off (--admin off or POKEBENCH_ADMIN=off; options.admin: false).',
  );
}
