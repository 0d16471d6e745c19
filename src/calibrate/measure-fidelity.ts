/**
 * (b) Profile fidelity: the mock on the chosen profile at a moderate load (a
 * few connections, closed loop), client latency percentiles against the
 * profile's theory, and the delays the server says it applied beside them,
 * so sampler and transport can be told apart. An unfaithful run is confirmed
 * by one rerun before the verdict says so: one hiccup of a shared machine is
 * not the mock.
 */
import { Histogram } from '../../mock-server/stats/histogram.ts';
import type { Profile } from '../../mock-server/profile/index.ts';
import type { FidelityResult } from './calibration.ts';
import type { CalibrationServers } from './calibration-servers.ts';
import type { ResolvedCalibrateOptions } from './calibrate-options.ts';
import {
  FIDELITY_PERCENTILES,
  faultProbability,
  fidelityRow,
  judgeFidelity,
  meanDelayMs,
  profileCaveats,
  responseTimeoutSeconds,
  samplingBand,
  theoreticalPercentile,
} from './fidelity.ts';
import { CALIBRATION_PATH } from './measure-capacity.ts';
import { nearestRank } from '../../mock-server/stats/nearest-rank.ts';
import { runLoad } from './run-load.ts';

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
