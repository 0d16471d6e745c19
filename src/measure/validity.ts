/**
 * Whether a point measured the client at all. A run that lost requests the
 * profile did not ask to lose (sockets the machine could not open, a server
 * that dropped connections) measured the machine's limits, not the client:
 * its wall time must not feed a scaling verdict.
 */
import { OUTCOMES, type Outcome } from '../types/index.ts';
import { describeFailures } from './failure-cause.ts';

/**
 * The profile's faults that end a request without a usable response, so as
 * a network error or a timeout (a 5xx, a 429 or a full queue is a response:
 * `http-error`). `malformed-json` is a response the client refuses to parse.
 */
export const LOSING_FAULTS: readonly string[] = ['reset', 'empty', 'hang', 'malformed-json'];

/**
 * When the server cannot say what it injected (a server that is not a
 * pokebench mock), a run may lose at most this share of its requests before
 * it is invalid: 0.5%.
 */
export const UNKNOWN_FAULTS_LOSS_THRESHOLD = 0.005;

/** What the check needs of one run. */
export interface TrialLosses {
  counts: Readonly<Record<Outcome, number>>;
  /** Faults the server injected during the run, by kind; undefined when it could not be asked. */
  faults?: Readonly<Record<string, number>> | undefined;
  /** Lost requests by error code (see `lostByCode`); undefined when the run reports none (a peer). */
  lostCodes?: Readonly<Record<string, number>> | undefined;
}

/** A point's validity, as a tagged union on `valid`. */
export type PointValidity =
  | { valid: true }
  | {
      valid: false;
      /** Requests lost beyond what the profile asked for, over the point's runs. */
      unexplained: number;
      /** Requests over the point's runs. */
      requests: number;
      /** Lost requests by error code, over the runs that lost too many. */
      codes: Record<string, number>;
      /** The cause in plain words with the fix. */
      cause: string;
    };

/**
 * A point is invalid when one of its runs lost requests (network errors and
 * timeouts) beyond the faults the server says it injected in that run; or,
 * when the server could not say, more than
 * {@link UNKNOWN_FAULTS_LOSS_THRESHOLD} of its requests.
 *
 * @example pointValidity([{ counts: { ok: 90, 'http-error': 0, 'network-error': 10, timeout: 0 }, faults: {}, lostCodes: { EMFILE: 10 } }])
 * // { valid: false, unexplained: 10, requests: 100, cause: '10 of 100 requests were lost … 10 × EMFILE: …' }
 */
export function pointValidity(runs: readonly TrialLosses[]): PointValidity {
  let unexplained = 0;
  let requests = 0;
  let unknownFaults = false;
  const codes: Record<string, number> = {};
  for (const run of runs) {
    const n = OUTCOMES.reduce((sum, o) => sum + run.counts[o], 0);
    const lost = run.counts['network-error'] + run.counts.timeout;
    requests += n;
    let excess: number;
    if (run.faults === undefined) {
      unknownFaults = true;
      excess = lost > UNKNOWN_FAULTS_LOSS_THRESHOLD * n ? lost : 0;
    } else {
      const injected = LOSING_FAULTS.reduce((sum, kind) => sum + (run.faults?.[kind] ?? 0), 0);
      excess = Math.max(0, lost - injected);
    }
    if (excess === 0) continue;
    unexplained += excess;
    for (const [code, count] of Object.entries(run.lostCodes ?? {})) codes[code] = (codes[code] ?? 0) + count;
  }
  if (unexplained === 0) return { valid: true };
  const beyond = unknownFaults
    ? `, more than ${UNKNOWN_FAULTS_LOSS_THRESHOLD * 100}% of a run's requests (the server did not say which faults it injected)`
    : ' beyond the faults the profile injected';
  return {
    valid: false,
    unexplained,
    requests,
    codes,
    cause: `${unexplained} of ${requests} requests were lost${beyond}, so these runs measured the machine or the server, not the client. ${describeFailures(codes)}`,
  };
}
