/**
 * The warning `pokebench run` prints before a sweep the calibrated mock
 * cannot serve faithfully: when the sweep would put more requests in flight
 * than the calibrated safe concurrency, the server, not the client, would set
 * the slope of T(N).
 */
import { InvalidOptionError } from '../../mock-server/errors.ts';
import type { Calibration } from './calibration.ts';

/** What the sweep is about to do. */
export interface SweepLoad {
  /** The most requests the sweep has in flight at once (the largest N of `concurrent`, k of a pool). */
  maxInFlight: number;
  /** The request rate the sweep expects to offer, req/s, when known. */
  expectedRps?: number | undefined;
}

/**
 * Past this fraction of the mock's calibrated zero-delay capacity, requests
 * queue in the server (an M/M/1 server at 50% load already doubles its
 * service time on average).
 */
export const RPS_WARNING_FRACTION = 0.5;

/**
 * A one-line warning when `load` exceeds what `calibration` vouches for,
 * else `undefined`:
 * - `maxInFlight` above the calibrated safe concurrency (or any load when
 *   even the first rung failed), or
 * - `expectedRps` above {@link RPS_WARNING_FRACTION} of the mock's zero-delay
 *   capacity.
 *
 * @throws {InvalidOptionError} when `maxInFlight` is not a whole number ≥ 0 or `expectedRps` not a number ≥ 0.
 * @example
 * const calibration = await readCalibration('pokebench-results');
 * const warning = calibration && capacityWarning(calibration, { maxInFlight: 1600 });
 * if (warning) io.err(`${warning}\n`);
 */
export function capacityWarning(calibration: Calibration, load: SweepLoad): string | undefined {
  const { maxInFlight, expectedRps } = load;
  if (!Number.isSafeInteger(maxInFlight) || maxInFlight < 0) {
    throw new InvalidOptionError('maxInFlight', `maxInFlight must be a whole number >= 0, got ${String(maxInFlight)}.`);
  }
  if (expectedRps !== undefined && !(Number.isFinite(expectedRps) && expectedRps >= 0)) {
    throw new InvalidOptionError('expectedRps', `expectedRps must be a number >= 0, got ${String(expectedRps)}.`);
  }
  const { safeConcurrency, limitFound, delayMs } = calibration.concurrency;
  const when = `calibrated ${calibration.date.slice(0, 10)}`;
  const advice = "the server, not the client, may set the slope. Lower N or k, or rerun 'pokebench calibrate' on a quieter machine.";
  if (maxInFlight > 0 && maxInFlight > safeConcurrency) {
    const held =
      safeConcurrency === 0
        ? `the mock did not hold a fixed ${delayMs} ms delay even at ${calibration.concurrency.steps[0]?.connections ?? 1} connection(s) on this machine (${when})`
        : limitFound
          ? `the mock held a fixed ${delayMs} ms delay only up to ${safeConcurrency} concurrent requests on this machine (${when})`
          : `the mock was calibrated only up to ${safeConcurrency} concurrent requests, all held (${when}): above that nothing is known`;
    return `pokebench: warning: this sweep puts up to ${maxInFlight} requests in flight, but ${held}; ${advice}`;
  }
  const capacity = calibration.capacity.mock.rps;
  if (expectedRps !== undefined && Number.isFinite(capacity) && expectedRps > RPS_WARNING_FRACTION * capacity) {
    return (
      `pokebench: warning: this sweep expects about ${Math.round(expectedRps)} req/s, over ${Math.round(RPS_WARNING_FRACTION * 100)}% of ` +
      `the mock's ${Math.round(capacity)} req/s at zero delay on this machine (${when}): requests will queue in the server; ${advice}`
    );
  }
  return undefined;
}
