/**
 * What the gate compares at a point, one value per run: the run's own time
 * over its wait roof, with the part above the roof taken at one machine speed.
 * Pure: the runs in, numbers out.
 */
import type { PointResult, Results } from '../results/index.ts';
import { median } from '../stats/index.ts';

type Run = PointResult['runs'][number];

/**
 * A run's own time: its wall time less the time its event loop waited for a
 * CPU that the machine gave to something else (`runQueueMs`), never below the
 * wait roof. At a CPU-bound point every such millisecond delayed the end, and
 * it is the noise of a shared machine, not the client: measured on the default
 * sweep, concurrent at N = 800 took 141-200 ms warm with 5-43 ms of it spent
 * waiting for a CPU. Only a main-thread strategy's wait is taken off
 * (`loopWorkMs` present): a peer's is summed over its threads, and may exceed
 * its wall. A regression that costs CPU or waits longer still shows whole.
 *
 * @example ownTime({ wallMs: 150, runQueueMs: 20, loopWorkMs: 140, model: { waitMs: 36 }, … }) // 130
 */
export function ownTime(run: Run): number {
  if (run.loopWorkMs === undefined || run.runQueueMs === undefined) return run.wallMs;
  return Math.max(run.wallMs - run.runQueueMs, Math.min(run.wallMs, waitRoof(run)));
}

/** A run's wait roof: the model's, or (files written before the model had roofs) its ideal, which was the wait roof then. */
export function waitRoof(run: Run): number {
  return run.model?.waitMs ?? run.idealMs;
}

/** Whether every run of a point has a finite, positive wait roof, so the gate can compare over it. */
export function hasWaitRoof(point: { runs: readonly Run[] }): boolean {
  return point.runs.every((r) => {
    const wait = waitRoof(r);
    return typeof wait === 'number' && Number.isFinite(wait) && wait > 0;
  });
}

/** The speed probe's median on each side, ms, when every run of both has one. */
export interface ProbeSpeeds {
  baselineProbeMs: number;
  currentProbeMs: number;
}

/**
 * The median speed probe (`probeMs`) of each side over all its runs, when
 * every run of both files has one; `null` otherwise (older files).
 *
 * @example probeSpeeds(baseline, current) // { baselineProbeMs: 1.31, currentProbeMs: 1.64 }: the current machine ran 25% slower
 */
export function probeSpeeds(baseline: Results, current: Results): ProbeSpeeds | null {
  const probes = (results: Results) => results.strategies.flatMap((s) => s.points.flatMap((p) => p.runs.map((r) => r.probeMs)));
  const base = probes(baseline);
  const cur = probes(current);
  if (base.length === 0 || cur.length === 0 || [...base, ...cur].some((p) => p === undefined)) return null;
  return { baselineProbeMs: median(base as number[]), currentProbeMs: median(cur as number[]) };
}

/**
 * A note on the two sides' machine speeds (`speeds`, from {@link probeSpeeds})
 * when they differ by 5% or more, or when only one side timed the probe;
 * `null` when there is nothing to say.
 */
export function speedNote(speeds: ProbeSpeeds | null, baseline: Results, current: Results): string | null {
  if (speeds === null) {
    const timed = (results: Results) => results.strategies.some((s) => s.points.some((p) => p.runs.some((r) => r.probeMs !== undefined)));
    if (timed(baseline) === timed(current)) return null;
    return 'only one side timed the speed probe (the other is a file from before pokebench did): time above the wait roof is compared as measured, at whatever speed each machine ran.';
  }
  const slower = speeds.currentProbeMs / speeds.baselineProbeMs - 1;
  if (Math.abs(slower) < 0.05) return null;
  const how = slower > 0 ? `${(slower * 100).toFixed(0)}% slower` : `${(-slower * 100).toFixed(0)}% faster`;
  return `machine speed: the current run's CPU probe took ${speeds.currentProbeMs.toFixed(2)} ms, the baseline's ${speeds.baselineProbeMs.toFixed(2)} ms (it ran ${how}); the CPU part of the time above the wait roof is compared at the baseline's speed.`;
}

/**
 * The gate's value of one run. `model` basis: its own time over its wait
 * roof, with the part of the time above the roof that the client's CPU can
 * account for rescaled by `speed` to the baseline's machine speed
 * (`sideSpeeds`):
 *
 *     excess = ownTime − waitRoof,  work = min(excess, the client's CPU),
 *     value  = (waitRoof + excess − work + work · speed) / waitRoof.
 *
 * Why: the wait roof (the makespan of the delays the server applied, the
 * client's work taken as free) does not depend on the machine's speed; what
 * the client adds above it is its work on the critical path, which takes
 * longer on a slower machine, and any waiting of its own, which does not. A
 * shared machine's speed drifts by whole seconds at a time, with no run-queue
 * wait to show it (another tenant on the same physical core): five
 * same-build `pokebench run --strategies concurrent --repeats 20` here gave
 * medians at N = 400 up to 28% apart, client and mock CPU slow together.
 * Timed beside each run, a fixed probe measures that speed; over the probe,
 * the same client's CPU at N = 800 stayed within 11% across six processes
 * where its raw CPU spread over 41%. A slower client still shows whole: its
 * extra time is above the roof, and the probe does not depend on the client.
 * The client's CPU is its event loop's thread CPU for a main-thread strategy
 * (`loopWorkMs` less `runQueueMs`), else its process CPU (`cpuMs`: workers,
 * peers), an upper bound of the work on the critical path. `speed` 1 (the
 * baseline, or a file without probes): no rescaling. `wall` basis: the raw
 * wall time.
 *
 * @example gateValue(run, 'model', 0.77) // (roof + waiting above it + CPU above it × 0.77) / roof
 */
export function gateValue(run: Run, basis: 'model' | 'wall', speed = 1): number {
  if (basis === 'wall') return run.wallMs;
  const roof = waitRoof(run);
  const excess = ownTime(run) - roof;
  if (speed === 1 || excess <= 0) return 1 + excess / roof;
  const work = Math.min(excess, clientCpu(run));
  return 1 + (excess - work + work * speed) / roof;
}

/**
 * The factor each side's CPU time is rescaled by: 1 for the baseline, and
 * for the current run the baseline's median probe over its own, so both are
 * taken at the baseline's speed. The median over every run of a file, not
 * each run's probe: a run's probe reads the moment around it, when the
 * mock may still be closing the last run's sockets on the other core of the
 * same physical CPU (measured here: probes of one sweep at 1.24-2.07 ms),
 * while the drift the probe is for lasts whole processes.
 *
 * @example sideSpeeds({ baselineProbeMs: 1.3, currentProbeMs: 1.69 }) // { baseline: 1, current: 0.769 }
 */
export function sideSpeeds(speeds: ProbeSpeeds | null): { baseline: number; current: number } {
  if (speeds === null) return { baseline: 1, current: 1 };
  return { baseline: 1, current: speeds.baselineProbeMs / speeds.currentProbeMs };
}

/**
 * The client's CPU over a run, ms: its event loop's thread for a main-thread
 * strategy (`loopWorkMs` less its run-queue wait), else its process (`cpuMs`:
 * workers, peers).
 *
 * @example clientCpu({ loopWorkMs: 150, runQueueMs: 20, cpuMs: 190, … }) // 130
 */
export function clientCpu(run: Run): number {
  return run.loopWorkMs !== undefined ? Math.max(0, run.loopWorkMs - (run.runQueueMs ?? 0)) : run.cpuMs;
}
