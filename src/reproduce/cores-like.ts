/**
 * The blog's machine, emulated and predicted. Python's ThreadPoolExecutor
 * picks min(32, cores + 4) workers, so the thread pool's time, and with it
 * asyncio's speed-up over it, depends on the core count of the machine that
 * ran it. Here the pool size is emulated (the peer runs with the workers a
 * c-core machine would give it); a bigger machine's CPU is not: asyncio's
 * time is this machine's, and the model extrapolates its CPU roof from the
 * CPU per request measured here.
 */
import { idealMakespan } from '../model/index.ts';
import { defaultPoolSize } from '../strategies/index.ts';

/** What the speed-up prediction needs. */
export interface SpeedupInput {
  /** Requests of the fan-out. */
  n: number;
  /** Mean applied delay L̄, ms. */
  latencyMs: number;
  /** Thread-pool workers W. */
  workers: number;
  /** asyncio's connection pool P (httpx's default: 100). */
  asyncioPool: number;
  /** asyncio's CPU per request c, ms (one GIL: serial). */
  asyncioCpuMs: number;
  /** The thread pool's CPU per request, ms (also serial under the GIL). @defaultValue 0 */
  threadPoolCpuMs?: number;
}

/** Both clients' predicted times and their ratio. */
export interface SpeedupPrediction {
  /** max(⌈N/W⌉·L̄, N·c_pool), ms. */
  threadPoolMs: number;
  /** max(⌈N/P⌉·L̄, N·c), ms. */
  asyncioMs: number;
  /** threadPoolMs / asyncioMs. */
  speedup: number;
  /** Which roof binds asyncio. */
  asyncioRoof: 'wait' | 'cpu';
}

/**
 * The roofline's prediction of T(thread pool) / T(asyncio): each client's
 * time is the larger of its wait roof (the model's list schedule of N
 * delays L̄ on its slots) and its CPU roof (N·c, serial under the GIL).
 * With c = 0 it is the ratio of the wait roofs, ⌈N/W⌉ / ⌈N/P⌉.
 *
 * @example
 * predictSpeedup({ n: 1600, latencyMs: 114, workers: 6, asyncioPool: 100, asyncioCpuMs: 1.62 }).speedup; // ≈ 11.7
 */
export function predictSpeedup(input: SpeedupInput): SpeedupPrediction {
  const delays = Array.from({ length: input.n }, () => input.latencyMs);
  const poolWait = idealMakespan('bounded', input.workers, delays);
  const asyncioWait = idealMakespan('bounded', input.asyncioPool, delays);
  const threadPoolMs = Math.max(poolWait, input.n * (input.threadPoolCpuMs ?? 0));
  const asyncioCpu = input.n * input.asyncioCpuMs;
  const asyncioMs = Math.max(asyncioWait, asyncioCpu);
  return { threadPoolMs, asyncioMs, speedup: threadPoolMs / asyncioMs, asyncioRoof: asyncioCpu > asyncioWait ? 'cpu' : 'wait' };
}

/** Python's ThreadPoolExecutor default on a machine of `cores`: min(32, cores + 4). */
export const pythonWorkersFor = (cores: number): number => defaultPoolSize(cores);

/** One emulated machine. */
export interface CoresRow {
  cores: number;
  /** min(32, cores + 4). */
  workers: number;
  /** True for this machine's own row (measured in the main sweep, nothing emulated). */
  own: boolean;
  prediction: SpeedupPrediction;
  /** The thread pool with `workers`, measured here, ms (NaN when it did not run). */
  threadPoolMs: number;
  /** asyncio, measured here (unchanged across rows), ms. */
  asyncioMs: number;
  /** threadPoolMs / asyncioMs. */
  measuredSpeedup: number;
  /** |measured / predicted − 1|. */
  error: number;
}

/** The cores table and its verdict on the blog's figure. */
export interface CoresTable {
  n: number;
  latencyMs: number;
  asyncioCpuMs: number;
  rows: CoresRow[];
  /** The row whose predicted speed-up is closest to the blog's, and the verdict there. */
  closest: { cores: number; status: 'reproduced' | 'not reproduced'; sentence: string } | undefined;
}

/**
 * The list of core counts to emulate: the user's, plus this machine's own,
 * sorted, each once.
 */
export function coresList(requested: readonly number[], own: number): number[] {
  return [...new Set([...requested, own])].toSorted((a, b) => a - b);
}

/**
 * Builds the table from what was measured: the thread pool's time per row
 * (`threadPoolMs` by core count) and asyncio's time and CPU per request.
 * `target` is the blog's speed-up and `factor` the rule's tolerance (the
 * claim's: within a factor 1.5).
 */
export function coresTable(
  measured: { n: number; latencyMs: number; asyncioMs: number; asyncioCpuMs: number; asyncioPool: number; threadPoolCpuMs: number; ownCores: number; threadPoolMs: ReadonlyMap<number, number> },
  target: number,
  factor: number,
): CoresTable {
  const rows = [...measured.threadPoolMs.keys()].toSorted((a, b) => a - b).map((cores): CoresRow => {
    const workers = pythonWorkersFor(cores);
    const prediction = predictSpeedup({
      n: measured.n,
      latencyMs: measured.latencyMs,
      workers,
      asyncioPool: measured.asyncioPool,
      asyncioCpuMs: measured.asyncioCpuMs,
      threadPoolCpuMs: measured.threadPoolCpuMs,
    });
    const threadPoolMs = measured.threadPoolMs.get(cores) ?? Number.NaN;
    const measuredSpeedup = threadPoolMs / measured.asyncioMs;
    return { cores, workers, own: cores === measured.ownCores, prediction, threadPoolMs, asyncioMs: measured.asyncioMs, measuredSpeedup, error: Math.abs(measuredSpeedup / prediction.speedup - 1) };
  });
  const usable = rows.filter((r) => Number.isFinite(r.measuredSpeedup));
  const best = usable.toSorted((a, b) => Math.abs(Math.log(a.prediction.speedup / target)) - Math.abs(Math.log(b.prediction.speedup / target)))[0];
  const closest = best
    ? {
        cores: best.cores,
        status: best.measuredSpeedup >= target / factor && best.measuredSpeedup <= target * factor ? ('reproduced' as const) : ('not reproduced' as const),
        sentence:
          `on a ${best.cores}-core machine (a pool of ${best.workers}) the model predicts ${best.prediction.speedup.toFixed(1)}× and the emulation measured ` +
          `${best.measuredSpeedup.toFixed(1)}× (thread pool ${Math.round(best.threadPoolMs)} ms, asyncio ${Math.round(best.asyncioMs)} ms at N = ${measured.n})`,
      }
    : undefined;
  return { n: measured.n, latencyMs: measured.latencyMs, asyncioCpuMs: measured.asyncioCpuMs, rows, closest };
}
