/**
 * Why requests were lost, in plain words with the fix, from the error codes
 * their records carry (`EMFILE`, `EADDRNOTAVAIL`, `ECONNRESET`, undici's
 * `UND_ERR_*`, a timeout...). Pure: one table, one lookup.
 */
import type { RequestRecord } from '../types/index.ts';

/** The code a record of outcome `timeout` is counted under (it carries no error code). */
export const TIMEOUT_CODE = 'TIMEOUT';

/** The code a network error without a code is counted under. */
export const UNKNOWN_CODE = 'UNKNOWN';

/** What a family of error codes means. */
export interface FailureCause {
  /** Stable name of the family, for tests and tools to branch on. */
  kind: 'open-files' | 'ephemeral-ports' | 'refused' | 'reset' | 'timeout' | 'memory' | 'malformed-body' | 'aborted' | 'other';
  /** What happened, in plain words. */
  words: string;
  /** What to do about it. */
  fix: string;
}

const LOWER_LOAD = 'a lower N, or fewer sockets at once (--connections)';

const CAUSES: Record<Exclude<FailureCause['kind'], 'other'>, Omit<FailureCause, 'kind'>> = {
  'open-files': {
    words: 'the process ran out of file descriptors (its open-file limit, ulimit -n): every socket is one, and an in-process mock holds one more per connection',
    fix: `${LOWER_LOAD}, a higher limit (ulimit -n), or the mock in another process`,
  },
  'ephemeral-ports': {
    words: 'no local port was free for a new connection (the ephemeral port range, net.ipv4.ip_local_port_range, is used up, TIME_WAIT included)',
    fix: `${LOWER_LOAD}, or a wider port range (sysctl net.ipv4.ip_local_port_range)`,
  },
  refused: {
    words: 'the server refused the connection: it is not listening (crashed or stopped), or its listen backlog was full',
    fix: 'check that the server is up; for a burst of new connections, a larger backlog (sysctl net.core.somaxconn) or fewer sockets at once (--connections)',
  },
  reset: {
    words: 'the connection was closed mid-request by the other side: a server out of file descriptors (it accepts and drops), overloaded, or crashed',
    fix: `${LOWER_LOAD}, the mock in another process, or a higher open-file limit (ulimit -n) for the server`,
  },
  timeout: {
    words: 'requests did not finish within the timeout: the machine could not carry this many at once (connection setups retried after a full listen backlog wait about 1 s each)',
    fix: `${LOWER_LOAD}, or a longer --timeout`,
  },
  memory: {
    words: 'the kernel or the process ran out of memory for sockets or buffers',
    fix: `${LOWER_LOAD}, or more memory`,
  },
  'malformed-body': {
    words: 'the server sent a body that is not JSON',
    fix: 'check the server: a pokebench profile injects this only when it asks for malformed-json faults',
  },
  aborted: {
    words: 'the run was aborted before these requests ended',
    fix: 'let the run finish (no Ctrl-C, a longer --max-seconds)',
  },
};

const BY_CODE: Record<string, Exclude<FailureCause['kind'], 'other'>> = {
  EMFILE: 'open-files',
  ENFILE: 'open-files',
  EADDRNOTAVAIL: 'ephemeral-ports',
  EADDRINUSE: 'ephemeral-ports',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  [TIMEOUT_CODE]: 'timeout',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENOMEM: 'memory',
  ENOBUFS: 'memory',
  ERR_POKEBENCH_INVALID_JSON: 'malformed-body',
  ABORTED: 'aborted',
  UND_ERR_ABORTED: 'aborted',
  ABORT_ERR: 'aborted',
};

/**
 * The cause of a lost request from its error code.
 *
 * @example classifyFailure('EMFILE').kind // 'open-files'
 */
export function classifyFailure(code: string | undefined): FailureCause & { code: string } {
  const key = code ?? UNKNOWN_CODE;
  const kind = BY_CODE[key];
  if (kind !== undefined) return { kind, code: key, ...CAUSES[kind] };
  return {
    kind: 'other',
    code: key,
    words: key === UNKNOWN_CODE ? 'requests failed without an error code' : `requests failed with ${key}`,
    fix: 'see the error messages in the records; if the machine is the cause, try a lower N',
  };
}

/**
 * The code each lost request (network error or timeout) is counted under:
 * its error code, {@link TIMEOUT_CODE} for a timeout, {@link UNKNOWN_CODE}
 * without one. Requests that ended with a response (ok, http-error) are not lost.
 *
 * @example lostByCode(records) // { EMFILE: 330, TIMEOUT: 2 }
 */
export function lostByCode(records: readonly RequestRecord[]): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const r of records) {
    if (r.outcome === 'ok' || r.outcome === 'http-error') continue;
    const code = r.outcome === 'timeout' ? TIMEOUT_CODE : (r.code ?? UNKNOWN_CODE);
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
}

/**
 * Lost requests by code, in plain words with the fix: the commonest causes
 * first, at most `max` of them.
 *
 * @example describeFailures({ EMFILE: 330 })
 * // '330 × EMFILE: the process ran out of file descriptors (…). Fix: a lower N, …'
 */
export function describeFailures(codes: Readonly<Record<string, number>>, max = 3): string {
  const entries = Object.entries(codes).filter(([, n]) => n > 0).toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return 'no error codes were recorded (an external client reports counts, not codes)';
  const shown = entries.slice(0, max).map(([code, n]) => {
    const cause = classifyFailure(code);
    return `${n} × ${code}: ${cause.words}. Fix: ${cause.fix}.`;
  });
  const rest = entries.slice(max).reduce((sum, [, n]) => sum + n, 0);
  return rest > 0 ? `${shown.join(' ')} (and ${rest} more under other codes)` : shown.join(' ');
}
