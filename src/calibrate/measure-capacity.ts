/**
 * (a) Capacity at zero delay: the mock on profile `instant` and the bare
 * node:http server, loaded in alternating rounds after a warm-up, with the
 * same connections. Reports req/s and latency of each and their ratio.
 */
import { loadProfile } from '../../mock-server/profile/index.ts';
import type { CapacityResult, CapacityRound, LoadFigures } from './calibration.ts';
import type { CalibrationServers } from './calibration-servers.ts';
import { summarizeCapacity } from './capacity.ts';
import type { ResolvedCalibrateOptions } from './calibrate-options.ts';
import { runLoad, type LoadRun } from './run-load.ts';

/** The path every calibration load requests. */
export const CALIBRATION_PATH = '/api/v2/pokemon/25';

function figures(run: LoadRun): LoadFigures {
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
    const mock = figures(runs.mock);
    const bare = figures(runs.bare);
    rounds.push({ round, first, mock, bare, ratio: mock.rps / bare.rps });
    onStep(
      `capacity: round ${round}/${options.capacityRounds}: mock ${Math.round(mock.rps)} req/s, bare ${Math.round(bare.rps)} req/s, ratio ${(mock.rps / bare.rps).toFixed(2)}`,
    );
  }
  return { connections, roundMs: options.capacityRoundMs, bytes: servers.bytes, rounds, ...summarizeCapacity(rounds) };
}
