/**
 * The measured explanation (docs/design.md "The model"): for every
 * client and N, the wait roof from the delays the server applied, the CPU
 * roof from the CPU each request cost the client, the server's roof from the
 * mock's own event-loop time, which one binds, the model's ideal and the
 * efficiency against it: the point's own figures, the ones every report shows.
 */
import type { Roof } from '../model/index.ts';
import { median } from '../stats/index.ts';
import type { PointResult, StrategyResult } from '../results/index.ts';
import { clientParallelism, loopWork } from '../sweep/index.ts';

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
  /** Threads that can spend the client's CPU at once: 1 on an event loop or under a GIL. */
  parallel: number;
  /**
   * The client's serial work, ms: an event loop's busy time (Node, measured),
   * or the client's CPU over the threads that can spend it (a peer, workers).
   */
  serialRoofMs: number;
  /** All CPU the run cost the machine (client and mock) over its cores, ms. */
  coresRoofMs: number;
  /** The CPU roof: the larger of the serial and the cores roof, ms. */
  cpuRoofMs: number;
  /** The mock's event-loop busy time over the run, ms; 0 when not measured. */
  serverRoofMs: number;
  /** The model's ideal (the simulated fan-out; the roofline max(wait, CPU) for a file without a model), ms. */
  idealMs: number;
  binding: Roof;
  /** ideal / measured: the point's efficiency. */
  efficiency: number;
}

/**
 * How many cores a client's CPU can use at once. Python (the GIL), one Node
 * event loop: 1. Go and worker threads spread over the cores.
 */
export function cpuParallelism(strategy: Pick<StrategyResult, 'name' | 'kind' | 'k'>, cpus: number): number {
  return clientParallelism(strategy, cpus);
}

/**
 * The CPU roof of a point. Two bounds, the larger binds: the client's serial
 * work (what one event loop or one GIL must do in turn), and all the CPU the
 * run cost the machine spread over its cores (the mock shares them: docs/design.md,
 * "server CPU adds to c when it shares the cores").
 */
export function cpuRoof(
  strategy: Pick<StrategyResult, 'name' | 'kind' | 'k'>,
  point: PointResult,
  cpus: number,
): Pick<RooflineRow, 'cpuPerRequestMs' | 'parallel' | 'serialRoofMs' | 'coresRoofMs' | 'cpuRoofMs'> {
  const clientCpu = median(point.runs.map((r) => r.cpuMs));
  const parallel = cpuParallelism(strategy, cpus);
  const loop = point.runs.map((r) => r.loopActiveMs).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  // A main-thread Node strategy's serial work is its event loop's busy time (capped by its process CPU:
  // busy time is wall time); its process CPU also counts GC and I/O threads running beside the loop.
  const mainThread = strategy.kind !== 'workers' && loop.length === point.runs.length && loop.length > 0;
  const serialRoofMs = mainThread ? median(point.runs.map((r) => r.loopWorkMs ?? loopWork({ loopActiveMs: r.loopActiveMs!, cpuMs: r.cpuMs }))) : clientCpu / parallel;
  const coresRoofMs = median(point.runs.map((r) => r.cpuMs + (r.serverCpuMs ?? 0))) / Math.max(1, cpus);
  return { cpuPerRequestMs: clientCpu / point.n, parallel, serialRoofMs, coresRoofMs, cpuRoofMs: Math.max(serialRoofMs, coresRoofMs) };
}

/** The roofline row of one point: its model's roofs and ideal, with the CPU roof's two parts. */
export function rooflineRow(strategy: Pick<StrategyResult, 'name' | 'kind' | 'k'>, point: PointResult, cpus: number): RooflineRow {
  const cpu = cpuRoof(strategy, point, cpus);
  const base = { client: strategy.name, n: point.n, measuredMs: point.medianMs };
  if (point.model) {
    const m = point.model;
    return { ...base, waitRoofMs: m.waitMs, ...cpu, cpuRoofMs: m.cpuRoofMs, serverRoofMs: m.serverRoofMs, idealMs: point.idealMs, binding: m.binding, efficiency: point.efficiency };
  }
  // A file written before the model: its idealMs is the wait roof, and the roofline max(wait, CPU) its ideal.
  const idealMs = Math.max(point.idealMs, cpu.cpuRoofMs);
  return {
    ...base,
    waitRoofMs: point.idealMs,
    ...cpu,
    serverRoofMs: 0,
    idealMs,
    binding: cpu.cpuRoofMs > point.idealMs ? 'cpu' : 'wait',
    efficiency: point.medianMs > 0 ? idealMs / point.medianMs : Number.NaN,
  };
}

/** Every point of every strategy, in order. */
export function rooflineRows(strategies: readonly StrategyResult[], cpus: number): RooflineRow[] {
  return strategies.flatMap((s) => s.points.map((p) => rooflineRow(s, p, cpus)));
}
