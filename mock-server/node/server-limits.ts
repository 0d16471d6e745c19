/**
 * The limits that keep the mock server safe to leave running: how big and how
 * slow a request may be, and who may use the admin API. Filled and validated
 * once at start-up; the request path trusts the resolved values.
 */
import type http from 'node:http';
import { InvalidOptionError } from '../errors/index.ts';
import { isValidAdminToken } from './admin-auth.ts';

/** Request limits and admin access, part of {@link StartMockServerOptions}. */
export interface ServerLimitsOptions {
  /**
   * Largest request head (request line plus headers), bytes. Node answers a
   * bigger one with `431 Request Header Fields Too Large`.
   * @defaultValue `16384` (16 KiB)
   */
  maxHeaderSize?: number;
  /** Longest request target (path and query), bytes; longer gets `414 URI Too Long`. @defaultValue `2048` */
  maxUrlLength?: number;
  /**
   * Time a client has to send the request head, from the moment it connects
   * or starts a request; past it the server answers `408` and closes. Bounds
   * slowloris clients. Must not exceed `requestTimeoutMs`.
   * @defaultValue `10000`
   */
  headersTimeoutMs?: number;
  /**
   * Time a client has to send the whole request (head and body). The
   * response's delay is not counted: a reply held for a profile's 60 s delay
   * is still sent.
   * @defaultValue `30000`
   */
  requestTimeoutMs?: number;
  /**
   * When set, the admin API (except `GET /__admin/health`) also needs
   * `Authorization: Bearer <adminToken>`, else `401`. Loopback-only still
   * applies. Token68 characters only (`A-Z a-z 0-9 - . _ ~ + /`, then `=`s).
   * @defaultValue none (loopback peers need no token)
   */
  adminToken?: string;
}

/** {@link ServerLimitsOptions} with every default filled in. */
export interface ServerLimits {
  maxHeaderSize: number;
  maxUrlLength: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  adminToken: string | undefined;
}

/** The defaults of {@link ServerLimitsOptions}. */
export const SERVER_LIMIT_DEFAULTS: Readonly<Omit<ServerLimits, 'adminToken'>> = Object.freeze({
  maxHeaderSize: 16 * 1024,
  maxUrlLength: 2048,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
});

/**
 * Fills the defaults of {@link ServerLimitsOptions} and checks them.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming the first bad option.
 */
export function resolveServerLimits(options: ServerLimitsOptions): ServerLimits {
  const d = SERVER_LIMIT_DEFAULTS;
  const limits: ServerLimits = {
    maxHeaderSize: positiveInt(options, 'maxHeaderSize', d.maxHeaderSize, 1024),
    maxUrlLength: positiveInt(options, 'maxUrlLength', d.maxUrlLength, 1),
    headersTimeoutMs: positiveInt(options, 'headersTimeoutMs', d.headersTimeoutMs, 1),
    requestTimeoutMs: positiveInt(options, 'requestTimeoutMs', d.requestTimeoutMs, 1),
    adminToken: options.adminToken,
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new InvalidOptionError(
      'options.headersTimeoutMs',
      `options.headersTimeoutMs (${limits.headersTimeoutMs}) must not exceed options.requestTimeoutMs (${limits.requestTimeoutMs}).`,
    );
  }
  if (options.adminToken !== undefined && !isValidAdminToken(options.adminToken)) {
    throw new InvalidOptionError(
      'options.adminToken',
      'options.adminToken must be a non-empty token of letters, digits and - . _ ~ + / (then optional =), as sent in "Authorization: Bearer <token>".',
    );
  }
  return limits;
}

/**
 * The `http.createServer` options for these limits.
 *
 * Node checks the head and request timeouts on an interval (30 s by
 * default), so a 10 s headers timeout could fire at 40 s; check at a quarter
 * of the shorter timeout instead, at most once a second.
 */
export function httpServerOptions(limits: ServerLimits): http.ServerOptions {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    keepAliveTimeout: 30_000,
    maxHeaderSize: limits.maxHeaderSize,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.floor(shortest / 4))),
  };
}

function positiveInt(options: ServerLimitsOptions, name: keyof Omit<ServerLimitsOptions, 'adminToken'>, fallback: number, min: number): number {
  const value = options[name] ?? fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidOptionError(`options.${name}`, `options.${name} must be a whole number >= ${min}, got ${String(options[name])}.`);
  }
  return value;
}
