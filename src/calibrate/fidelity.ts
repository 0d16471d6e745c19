/**
 * Fidelity: whether the mock reproduces a profile's percentiles under a
 * moderate load. The rule (observed against theoretical, with a tolerance)
 * and its measurement, confirmed by one rerun.
 */
import { finishDelay, quantile, resolveRoute, type Profile, type RouteName } from '../../mock-server/profile/index.ts';
import { Histogram, nearestRank } from '../../mock-server/stats/index.ts';
import type { ResolvedCalibrateOptions } from './calibrate.ts';
import type { FidelityRow, PercentileLabel, FidelityResult } from './calibration.ts';
import { CALIBRATION_PATH } from './capacity.ts';
import { type CalibrationServers, runLoad } from './load.ts';

// ── fidelity ─────────────────────────────────────────────────
// The fidelity rule, pure: a profile's theoretical percentiles (clamp
// included), the bound each observed percentile must keep to, and the
// verdict.
//
// Rule: the mock is *faithful* to a profile when the client's p50, p90 and
// p99 are each within max(1 ms, 5% of theory) of the theoretical percentile,
// on either side (below theory means the delay was not applied). "Theory"
// allows for the sample: n responses estimate the p-quantile only to within
// the 95% band of their order statistic, [Q(p - 1.96·s), Q(p + 1.96·s)] with
// s = sqrt(p(1 - p)/n), so a heavy tail measured on a thousand responses is
// not called unfaithful for its sampling noise (for a fixed delay the band is
// the point itself). p99.9 is reported with its error but not judged: a few
// thousand responses put only a handful above it, so it measures one hiccup
// of a shared machine, not the mock. A run judged unfaithful is rerun once
// and the rerun decides (see `measureFidelity` below).

/** The percentiles compared, and whether the verdict counts each. */
export const FIDELITY_PERCENTILES: readonly { label: PercentileLabel; p: number; judged: boolean }[] = [
  { label: 'p50', p: 0.5, judged: true },
  { label: 'p90', p: 0.9, judged: true },
  { label: 'p99', p: 0.99, judged: true },
  { label: 'p99.9', p: 0.999, judged: false },
];

/** The smallest allowed error, ms: below it, Node's 1 ms timer clock decides, not the mock. */
export const FIDELITY_FLOOR_MS = 1;
/** The allowed error relative to theory. */
export const FIDELITY_RELATIVE = 0.05;

/**
 * The allowed distance of an observed percentile from theory (its sampling
 * band, see {@link samplingBand}) when the theory is `theoryMs`:
 * max(1 ms, 5% of theory).
 *
 * @example fidelityBoundMs(30) // 1.5
 */
export function fidelityBoundMs(theoryMs: number): number {
  return Math.max(FIDELITY_FLOOR_MS, FIDELITY_RELATIVE * theoryMs);
}

/**
 * The delay `route` would get at percentile `p` of `profile`: the
 * distribution's quantile, rounded to 0.01 ms and clamped as the sampler
 * does (a clamp is monotone, so the quantile of the clamped delay is the
 * clamped quantile).
 *
 * @example theoreticalPercentile(await loadProfile('fixed-100ms'), 'pokemon', 0.99) // 100
 */
export function theoreticalPercentile(profile: Profile, route: RouteName, p: number): number {
  const { delay, clamp } = resolveRoute(profile, route);
  return finishDelay(quantile(delay, p), clamp);
}

/** z of a two-sided 95% band. */
const Z95 = 1.959963984540054;

/**
 * The probabilities whose quantiles bound what `n` samples can say about the
 * p-quantile: p ± 1.96·sqrt(p(1 - p)/n), clipped to [0, 1] (the normal
 * approximation of the order statistic's rank). `n = 0` gives [0, 1].
 *
 * @example samplingBand(0.99, 4000) // { low: 0.9869…, high: 0.9931… }
 */
export function samplingBand(p: number, n: number): { low: number; high: number } {
  if (!(n > 0)) return { low: 0, high: 1 };
  const half = Z95 * Math.sqrt((p * (1 - p)) / n);
  return { low: Math.max(0, p - half), high: Math.min(1, p + half) };
}

/**
 * The mean delay of `route` under `profile`, clamp included: the average of
 * the clamped quantile function over 2000 midpoints (exact for fixed, close
 * for the rest). Used to size a run so it ends before its time cap.
 */
export function meanDelayMs(profile: Profile, route: RouteName): number {
  const points = 2000;
  let sum = 0;
  for (let i = 0; i < points; i++) sum += theoreticalPercentile(profile, route, (i + 0.5) / points);
  return sum / points;
}

/** The figures of one row: the theory (a point and its sampling band) and the two measurements. */
export interface RowFigures {
  theoryMs: number;
  /** Theory's 95% sampling band for the responses measured. @defaultValue the point itself */
  bandLowMs?: number | undefined;
  bandHighMs?: number | undefined;
  observedMs: number;
  serverMs: number;
}

/**
 * One row of the fidelity table. `within` when the observed value lies in
 * [bandLow - bound, bandHigh + bound], bound = max(1 ms, 5% of theory);
 * the reported error is against the theoretical point.
 */
export function fidelityRow(spec: { label: PercentileLabel; p: number; judged: boolean }, figures: RowFigures): FidelityRow {
  const errorMs = figures.observedMs - figures.theoryMs;
  const boundMs = fidelityBoundMs(figures.theoryMs);
  const bandLowMs = Math.min(figures.bandLowMs ?? figures.theoryMs, figures.theoryMs);
  const bandHighMs = Math.max(figures.bandHighMs ?? figures.theoryMs, figures.theoryMs);
  return {
    label: spec.label,
    p: spec.p,
    theoryMs: figures.theoryMs,
    bandLowMs,
    bandHighMs,
    observedMs: figures.observedMs,
    serverMs: figures.serverMs,
    errorMs,
    relativeError: figures.theoryMs > 0 && Number.isFinite(errorMs) ? errorMs / figures.theoryMs : null,
    boundMs,
    judged: spec.judged,
    // NaN (no response to measure) is never within.
    within: figures.observedMs >= bandLowMs - boundMs && figures.observedMs <= bandHighMs + boundMs,
  };
}

/**
 * `faithful` iff at least one row is judged and every judged row is within
 * its bound; rows that are only reported (p99.9) never change the verdict.
 */
export function judgeFidelity(rows: readonly Pick<FidelityRow, 'judged' | 'within'>[]): 'faithful' | 'unfaithful' {
  const judged = rows.filter((row) => row.judged);
  return judged.length > 0 && judged.every((row) => row.within) ? 'faithful' : 'unfaithful';
}

/** The chance that a request on `route` gets a fault (any kind): the sum of the faults' probabilities there. */
export function faultProbability(profile: Profile, route: RouteName): number {
  return (profile.faults ?? []).filter((f) => !f.routes || f.routes.includes(route)).reduce((sum, f) => sum + f.probability, 0);
}

/**
 * How long the load generator waits for one response, in whole seconds:
 * twice the profile's p99.99 plus 200 ms, from 1 to 10 s. Long enough that
 * no real delay times out, short enough that a connection the profile
 * breaks (see {@link TRANSPORT_FAULTS}) is back at work soon.
 */
export function responseTimeoutSeconds(profile: Profile, route: RouteName): number {
  const seconds = Math.ceil((2 * theoreticalPercentile(profile, route, 0.9999) + 200) / 1000);
  return Math.min(10, Math.max(1, seconds));
}

/** Faults that break the connection instead of answering: autocannon waits out its timeout on each. */
export const TRANSPORT_FAULTS: readonly string[] = ['reset', 'empty', 'hang'];

/** Profile features whose latency the theory does not model, one sentence each. */
export function profileCaveats(profile: Profile): string[] {
  const caveats: string[] = [];
  const broken = (profile.faults ?? []).filter((f) => f.probability > 0 && TRANSPORT_FAULTS.includes(f.kind) && (!f.routes || f.routes.includes('pokemon')));
  if (broken.length > 0) {
    const timeout = responseTimeoutSeconds(profile, 'pokemon');
    caveats.push(
      `the profile breaks connections (${broken.map((f) => f.kind).join(', ')}): autocannon waits out its ${timeout} s timeout on each (counted as a timeout), so expect fewer responses.`,
    );
  }
  if (profile.rateLimit) caveats.push('the profile rate-limits: rejected requests answer at once with 429 (counted as non-2xx).');
  if (profile.concurrency) caveats.push(`the profile caps the server at ${profile.concurrency.max} concurrent requests: queueing adds latency the delay theory does not include.`);
  if (profile.bandwidth) caveats.push('the profile throttles bandwidth: body transfer time adds to every response.');
  return caveats;
}

// ── measure-fidelity ─────────────────────────────────────────
// (b) Profile fidelity: the mock on the chosen profile at a moderate load (a
// few connections, closed loop), client latency percentiles against the
// profile's theory, and the delays the server says it applied beside them,
// so sampler and transport can be told apart. An unfaithful run is confirmed
// by one rerun before the verdict says so: one hiccup of a shared machine is
// not the mock.

/** Drives `profile` and judges it; `onStep` hears one line per run. */
export async function measureFidelity(
  servers: CalibrationServers,
  profile: Profile,
  profileName: string,
  options: ResolvedCalibrateOptions,
  onStep: (line: string) => void,
): Promise<FidelityResult> {
  await servers.setProfile(profile);
  const responses = fidelityResponses(profile, options);
  onStep(
    `fidelity: ${profileName}, ${options.fidelityConnections} connections, ${responses} responses (capped at ${(options.fidelityMaxMs / 1000).toFixed(1)} s)`,
  );
  const first = await fidelityRun(servers, profile, profileName, options, responses, 1);
  onStep(`fidelity: ${first.counts.measured} responses in ${(first.durationMs / 1000).toFixed(1)} s: ${first.verdict}${first.verdict === 'faithful' ? '' : '; confirming with one rerun'}`);
  if (first.verdict === 'faithful') return first;
  const second = await fidelityRun(servers, profile, profileName, options, responses, 2);
  onStep(`fidelity: rerun: ${second.counts.measured} responses in ${(second.durationMs / 1000).toFixed(1)} s: ${second.verdict}`);
  return second;
}

/**
 * How many responses to ask for: `fidelityResponses`, or fewer when the
 * profile is too slow to give them in half of `fidelityMaxMs` (half: the
 * slowest connection of a heavy-tailed profile needs the rest). The run must
 * end by count, not by its time cap: a cap drops the requests in flight, and
 * those are the long ones (a long request is more likely to be caught in
 * flight), which would bias every percentile low.
 */
export function fidelityResponses(profile: Profile, options: ResolvedCalibrateOptions): number {
  // +1 ms: what loopback and the client add to each response; -1: each connection's first is dropped.
  const perConnection = Math.floor((0.5 * options.fidelityMaxMs) / (meanDelayMs(profile, 'pokemon') + 1)) - 1;
  return Math.max(options.fidelityConnections, Math.min(options.fidelityResponses, options.fidelityConnections * perConnection));
}

async function fidelityRun(
  servers: CalibrationServers,
  profile: Profile,
  profileName: string,
  options: ResolvedCalibrateOptions,
  responses: number,
  attempts: number,
): Promise<FidelityResult> {
  // Each run starts the delay streams over, so a rerun draws the same delays.
  await servers.reset();
  const connections = options.fidelityConnections;
  const run = await runLoad({
    url: `${servers.mock}${CALIBRATION_PATH}`,
    connections,
    // One more per connection: each connection's first response is dropped.
    amount: responses + connections,
    maxMs: options.fidelityMaxMs,
    collect: true,
    timeoutSeconds: responseTimeoutSeconds(profile, 'pokemon'),
  });
  const stats = await servers.stats();
  const applied = new Histogram();
  const route = stats.routes['pokemon'];
  if (route) applied.merge(route.histogram);

  const rows = FIDELITY_PERCENTILES.map((spec) => {
    const band = samplingBand(spec.p, run.latencies.length);
    return fidelityRow(spec, {
      theoryMs: theoreticalPercentile(profile, 'pokemon', spec.p),
      bandLowMs: theoreticalPercentile(profile, 'pokemon', band.low),
      bandHighMs: theoreticalPercentile(profile, 'pokemon', band.high),
      observedMs: nearestRank(run.latencies, spec.p),
      serverMs: applied.quantile(spec.p),
    });
  });
  return {
    profile: profileName,
    route: 'pokemon',
    connections,
    durationMs: run.durationMs,
    rows,
    counts: { measured: run.latencies.length, dropped: run.dropped, non2xx: run.non2xx, errors: run.errors, timeouts: run.timeouts },
    faultProbability: faultProbability(profile, 'pokemon'),
    caveats: run.capped
      ? [
          ...profileCaveats(profile),
          `the run hit its ${(options.fidelityMaxMs / 1000).toFixed(1)} s cap before its last responses: the requests in flight were dropped, long ones more often, so the percentiles read low.`,
        ]
      : profileCaveats(profile),
    verdict: judgeFidelity(rows),
    attempts,
  };
}
