/**
 * How the default `reproduce` fits in a few minutes without dropping a claim:
 * each point is repeated only until its runs agree (or the model's
 * prediction of a pure-waiting point is checked), and with realistic bodies
 * a client that was pure waiting at every slim point runs its smallest N
 * only. `--thorough` skips all of this and measures the full grid.
 */
import { idealMakespan } from '../model/index.ts';
import { trialDelays } from '../measure/index.ts';
import { decideRepetition, type RepetitionSample, type SweepCell } from '../sweep/index.ts';
import type { RooflineRow } from './roofline-rows.ts';

/** Share of the wait roof under which a client's CPU roof counts as pure waiting. */
export const PURE_WAIT_SHARE = 0.5;

/** The trials of a point as the repetition rule reads them. */
export function cellSamples(cell: SweepCell): RepetitionSample[] {
  return cell.trials.map((run) => ({
    wallMs: run.wallMs,
    waitRoofMs: idealMakespan(cell.strategy.kind, cell.strategy.k, trialDelays(run)),
    // A peer's mock ran in this process (serverCpuMs); a Node strategy's cpuMs already holds it.
    cpuBoundMs: run.cpuMs.user + run.cpuMs.system + (run.external?.serverCpuMs ?? 0),
  }));
}

/** The sweep's `moreTrials`: another run while {@link decideRepetition} asks for one. */
export const moreTrials = (cell: SweepCell): boolean => decideRepetition(cellSamples(cell)).more;

/**
 * The clients that were pure waiting at every point of a sweep: the CPU roof
 * at most {@link PURE_WAIT_SHARE} of the wait roof. With realistic bodies
 * they run their smallest N only, where the report checks the prediction.
 */
export function pureWaiting(rows: readonly RooflineRow[]): Set<string> {
  const clients = new Set(rows.map((r) => r.client));
  return new Set([...clients].filter((c) => rows.filter((r) => r.client === c).every((r) => r.cpuRoofMs <= PURE_WAIT_SHARE * r.waitRoofMs)));
}

/**
 * A fast run's ladder for one client, or undefined for the configured one.
 * The Node pool (`bounded(k)`) stops below the largest N: it is the thread
 * pool's twin, which the speed-up claim measures at the largest N already.
 */
export function fastLadder(name: string, ladder: readonly number[], nodePool: string, waiting: ReadonlySet<string>): number[] | undefined {
  if (waiting.has(name)) return ladder.slice(0, 1);
  if (name === nodePool && ladder.length > 2) return ladder.slice(0, -1);
  return undefined;
}
