/**
 * The measured explanation (issue 8, DESIGN.md "The scaling model"): for
 * every client and N, the wait roof from the model and the delays the server
 * applied, the CPU roof from the CPU each request cost the client, which one
 * binds, and the efficiency of the measured time against that roofline.
 */
import { roofline, type Roof } from '../model/index.ts';
import { median } from '../stats/index.ts';
import type { PointResult, StrategyResult } from '../results/types.ts';

/** One client at one N. */
export interface RooflineRow {
  client: string;
  n: number;
  /** Median measured makespan, ms. */
  measuredMs: number;
  /** The model's ideal wait makespan (median over repetitions), ms. */
  waitRoofMs: number;
  /** The client's CPU per request (user + system, median over repetitions), ms. */
  cpuPerRequestMs: number;
  /** Threads that can spend that CPU at once: 1 on an event loop or under a GIL. */
  parallel: number;
  /** N · c / parallel, ms. */
  cpuRoofMs: number;
  /** max(wait roof, CPU roof), ms. */
  idealMs: number;
  binding: Roof;
  /** ideal / measured. */
  efficiency: number;
}

/**
 * How many cores a client's CPU can use at once. Python (the GIL), one Node
 * event loop: 1. Go and worker threads spread over the cores.
 */
export function cpuParallelism(strategy: Pick<StrategyResult, 'name' | 'kind' | 'k'>, cpus: number): number {
  if (strategy.kind === 'workers') return Math.max(1, Math.min(strategy.k ?? 1, cpus));
  if (strategy.name.startsWith('go-')) return Math.max(1, cpus);
  return 1;
}

/** The roofline row of one point. */
export function rooflineRow(strategy: Pick<StrategyResult, 'name' | 'kind' | 'k'>, point: PointResult, cpus: number): RooflineRow {
  const cpuPerRequestMs = median(point.runs.map((r) => r.cpuMs)) / point.n;
  const parallel = cpuParallelism(strategy, cpus);
  const line = roofline({ waitRoof: point.idealMs, cpuPerRequestMs: cpuPerRequestMs / parallel, n: point.n });
  return {
    client: strategy.name,
    n: point.n,
    measuredMs: point.medianMs,
    waitRoofMs: line.waitRoof,
    cpuPerRequestMs,
    parallel,
    cpuRoofMs: line.cpuRoof,
    idealMs: line.idealMs,
    binding: line.binding,
    efficiency: point.medianMs > 0 ? line.idealMs / point.medianMs : Number.NaN,
  };
}

/** Every point of every strategy, in order. */
export function rooflineRows(strategies: readonly StrategyResult[], cpus: number): RooflineRow[] {
  return strategies.flatMap((s) => s.points.map((p) => rooflineRow(s, p, cpus)));
}
