/**
 * Capacity: how fast the mock answers at zero delay next to a bare node:http
 * server, the rule that judges the ratio, its measurement, and the warning a
 * run prints when it asks for more than the calibration found.
 */
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { loadProfile } from '../../mock-server/profile/index.ts';
import { median } from '../stats/index.ts';
import type { ResolvedCalibrateOptions } from './calibrate.ts';
import type { CapacityRound, LoadFigures, CapacityResult, Calibration } from './calibration.ts';
import { type CalibrationServers, type LoadRun, runLoad } from './load.ts';

// ── capacity ─────────────────────────────────────────────────
// Capacity figures, pure: the medians over alternating rounds of the mock
// and the bare server, and their ratio as the median of per-round ratios.
// Each round's pair ran back to back, so its ratio cancels the drift of a
// shared machine between rounds (it swings ±30% here); the ratio of the
// medians would not.

/** The median of each figure over `figures`; errors are summed (one is one too many). */
export function medianFigures(figures: readonly LoadFigures[]): LoadFigures {
  return {
    rps: median(figures.map((f) => f.rps)),
    p50Ms: median(figures.map((f) => f.p50Ms)),
    p99Ms: median(figures.map((f) => f.p99Ms)),
    errors: figures.reduce((sum, f) => sum + f.errors, 0),
  };
}

/** Medians of the mock's and the bare server's figures, and the median of the per-round ratios. */
export function summarizeCapacity(rounds: readonly CapacityRound[]): { mock: LoadFigures; bare: LoadFigures; ratio: number } {
  return {
    mock: medianFigures(rounds.map((r) => r.mock)),
    bare: medianFigures(rounds.map((r) => r.bare)),
    ratio: median(rounds.map((r) => r.ratio)),
  };
}

// ── measure-capacity ─────────────────────────────────────────
// (a) Capacity at zero delay: the mock on profile `instant` and the bare
// node:http server, loaded in alternating rounds after a warm-up, with the
// same connections. Reports req/s and latency of each and their ratio.

/** The path every calibration load requests. */
export const CALIBRATION_PATH = '/api/v2/pokemon/25';

function figuresOf(run: LoadRun): LoadFigures {
  return { rps: run.rps, p50Ms: run.p50Ms, p99Ms: run.p99Ms, errors: run.errors + run.non2xx };
}

/** Runs the capacity rounds; `onStep` hears one line per round. */
export async function measureCapacity(
  servers: CalibrationServers,
  options: ResolvedCalibrateOptions,
  onStep: (line: string) => void,
): Promise<CapacityResult> {
  await servers.setProfile(await loadProfile('instant'));
  const connections = options.capacityConnections;
  const load = (which: 'mock' | 'bare', ms: number) => runLoad({ url: `${servers[which]}${CALIBRATION_PATH}`, connections, maxMs: ms });
  if (options.warmupMs > 0) {
    onStep(`capacity: warming up both servers (${options.warmupMs} ms each)`);
    await load('mock', options.warmupMs);
    await load('bare', options.warmupMs);
  }
  const rounds: CapacityRound[] = [];
  for (let round = 1; round <= options.capacityRounds; round++) {
    // Alternate who goes first, so a drift on a shared machine hits both alike.
    const first = round % 2 === 1 ? 'bare' : 'mock';
    const second = first === 'bare' ? 'mock' : 'bare';
    const runs = { [first]: await load(first, options.capacityRoundMs), [second]: await load(second, options.capacityRoundMs) } as Record<'mock' | 'bare', LoadRun>;
    const mock = figuresOf(runs.mock);
    const bare = figuresOf(runs.bare);
    rounds.push({ round, first, mock, bare, ratio: mock.rps / bare.rps });
    onStep(
      `capacity: round ${round}/${options.capacityRounds}: mock ${Math.round(mock.rps)} req/s, bare ${Math.round(bare.rps)} req/s, ratio ${(mock.rps / bare.rps).toFixed(2)}`,
    );
  }
  return { connections, roundMs: options.capacityRoundMs, bytes: servers.bytes, rounds, ...summarizeCapacity(rounds) };
}

// ── capacity-warning ─────────────────────────────────────────
// The warning `pokebench run` prints before a sweep the calibrated mock
// cannot serve faithfully: when the sweep would put more requests in flight
// than the calibrated safe concurrency, the server, not the client, would set
// the slope of T(N).

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
