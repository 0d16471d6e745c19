/**
 * The one path from measured runs to figures: runs into a point (median,
 * spread, the model's ideal and roofs, efficiency), points into a scaling
 * summary and its verdict. `run`'s results, `reproduce`, the gate (which reads
 * results) and `measureScaling` (which the matchers read) all call these, so
 * a figure has one definition wherever it is shown.
 */
import { efficiency, modelTrial, overheadPerRequest, type TrialModel } from '../model/index.ts';
import { analyzeStrategyScaling, classifyComplexity, invalidVerdict, type ScalingAnalysis, type ScalingVerdict } from '../scaling/index.ts';
import { median, quantileSorted } from '../stats/index.ts';
import { OUTCOMES, type Outcome, type Strategy } from '../types/index.ts';
import { lostByCode, pointValidity, trialDelays, type TrialResult } from '../measure/index.ts';
import type { ThreadSched } from '../../mock-server/thread-sched/index.ts';
import type { PointResult, TrialSummary, ScalingSummary, Verdict } from '../results/index.ts';

/** What a summary needs besides the runs. */
export interface SummaryContext {
  /** The server's concurrency cap, if its profile sets one (the model schedules on min(k, c)). */
  serverCap?: number | undefined;
  /** Cores of the machine: a bound on the threads a client can use, and the cores roof's divisor. */
  cpus: number;
  /** Seed of the verdict's bootstrap. */
  seed?: number | undefined;
}

/** The parts of a strategy a summary reads. */
export type SummarizedStrategy = Pick<Strategy, 'name' | 'kind' | 'k'>;

/**
 * How many CPUs a client's work can use at once. One Node event loop, Python
 * (the GIL): 1. Worker threads and Go spread over the cores.
 */
export function clientParallelism(strategy: { name: string; kind: Strategy['kind']; k?: number | null | undefined }, cpus: number): number {
  if (strategy.kind === 'workers') return Math.max(1, Math.min(strategy.k ?? 1, cpus));
  if (strategy.name.startsWith('go-')) return Math.max(1, cpus);
  return 1;
}

/** The mock's CPU over a run: its admin API's reading, else (a peer beside an in-process mock) this process's meanwhile. */
function serverCpu(run: TrialResult): number | undefined {
  return run.server?.cpuMs ?? run.external?.serverCpuMs;
}

/** What one event loop's process measured over a run, ms. */
export interface LoopUsage {
  /** Its busy time (`performance.eventLoopUtilization().active`). */
  loopActiveMs: number;
  /** Its process's CPU, all threads. */
  cpuMs: number;
  /** Its thread's scheduler times, where the kernel gives them ({@link threadSched}). */
  loopThread?: ThreadSched | undefined;
}

/**
 * The serial time of one event loop over a run: the model's serial work.
 *
 * - On Linux, its thread's time on a CPU plus its run-queue wait: all the
 *   time the loop had work to do, whether it ran or another process held the
 *   core. The wait is the machine's, not the client's design, and it is the
 *   noise of a shared machine: billing it here keeps a loaded core from
 *   reading as an inefficient client (the efficiency of docs/design.md "The
 *   model"), and it is reported beside the point as `runQueueMs`.
 * - Elsewhere, its busy time capped by its process CPU. Busy time alone is
 *   wall time (a loop preempted in a callback stays "busy"), and process CPU
 *   alone also counts the threads beside the loop (GC, I/O): each bounds the
 *   serial work, so the smaller is the better estimate.
 *
 * Neither follows the wall clock: a loop asleep on its timers or sockets
 * accrues none of them.
 */
export function loopWork(usage: LoopUsage): number {
  if (usage.loopThread) return usage.loopThread.cpuMs + usage.loopThread.runQueueMs;
  return Math.min(usage.loopActiveMs, usage.cpuMs);
}

/**
 * The model of one run from what it measured apart from its wall time: the
 * applied delays, the client's serial work (a main-thread strategy's event
 * loop, else its CPU over the threads that can spend it), the mock's serial
 * work, and all CPU over the cores.
 */
export function modelOfTrial(strategy: SummarizedStrategy, run: TrialResult, context: SummaryContext): TrialModel {
  const clientCpuMs = run.cpuMs.user + run.cpuMs.system;
  const clientWork = clientWorkOf(strategy, run);
  const clientCpus = clientWork !== undefined ? 1 : clientParallelism(strategy, context.cpus);
  return modelTrial({
    kind: strategy.kind,
    k: strategy.k,
    serverCap: context.serverCap,
    // Requests whose delay is unknown (network errors) count as 0: the ideal is then a lower bound.
    delaysMs: trialDelays(run),
    // Workers and peers: their CPU; a serial peer (one CPU: Python's GIL) also bills the run-queue wait it
    // reports. A parallel one's is summed over threads that wait side by side, so it is not serial time.
    clientWorkMs: clientWork ?? clientCpuMs + (clientCpus === 1 ? (run.external?.runQueueMs ?? 0) : 0),
    clientCpus,
    serverWorkMs: run.server && loopWork(run.server),
    sentAtMs: run.external?.sentMs,
    coresRoofMs: (clientCpuMs + (serverCpu(run) ?? 0)) / Math.max(1, context.cpus),
  });
}

/** A main-thread strategy's serial work ({@link loopWork}); undefined for workers and peers (their CPU is spread over threads). */
function clientWorkOf(strategy: SummarizedStrategy, run: TrialResult): number | undefined {
  if (strategy.kind === 'workers' || !Number.isFinite(run.loopActiveMs)) return undefined;
  return loopWork({ loopActiveMs: run.loopActiveMs, cpuMs: run.cpuMs.user + run.cpuMs.system, loopThread: run.loopThread });
}

/** The client's run-queue wait over a run: its event loop's thread, or a peer's threads as it reports them. */
function runQueueOf(run: TrialResult): number | undefined {
  return run.loopThread?.runQueueMs ?? run.external?.runQueueMs;
}

/** One run as results.json keeps it. */
export function summarizeTrial(strategy: SummarizedStrategy, run: TrialResult, context: SummaryContext): TrialSummary {
  const delays = run.appliedDelaysMs.filter(Number.isFinite);
  const model = modelOfTrial(strategy, run, context);
  const clientWork = clientWorkOf(strategy, run);
  const runQueue = runQueueOf(run);
  const mockCpu = serverCpu(run);
  const lostCodes = lostByCode(run.records);
  return {
    wallMs: run.wallMs,
    idealMs: model.idealMs,
    meanDelayMs: delays.length ? delays.reduce((a, b) => a + b, 0) / delays.length : 0,
    counts: { ...run.counts },
    cpuMs: run.cpuMs.user + run.cpuMs.system,
    loopActiveMs: run.loopActiveMs,
    ...(clientWork !== undefined ? { loopWorkMs: clientWork } : {}),
    ...(runQueue !== undefined ? { runQueueMs: runQueue } : {}),
    ...(mockCpu !== undefined ? { serverCpuMs: mockCpu } : {}),
    ...(run.server ? { serverLoopActiveMs: run.server.loopActiveMs } : {}),
    ...(run.server?.loopThread ? { serverRunQueueMs: run.server.loopThread.runQueueMs } : {}),
    eventLoopP99Ms: run.eventLoopDelay.p99,
    connectionsOpened: run.connectionsOpened ?? null,
    ...(run.injectedFaults ? { faults: { ...run.injectedFaults } } : {}),
    ...(run.probeMs !== undefined ? { probeMs: run.probeMs } : {}),
    ...(Object.keys(lostCodes).length > 0 ? { lostCodes } : {}),
    model: { waitMs: model.waitMs, cpuRoofMs: model.cpuRoofMs, serverRoofMs: model.serverRoofMs, binding: model.binding },
  };
}

/** (max − min) / median of a point's wall times; 0 when the median is 0 (nothing to spread). */
export function spreadOf(walls: readonly number[]): number {
  const m = median([...walls]);
  return m > 0 ? (Math.max(...walls) - Math.min(...walls)) / m : 0;
}

/**
 * A point's ideal: the median wall time times the median of each run's own
 * ideal over its own wall, so a point's efficiency (ideal / median) is the
 * median run's. Each run's model is fed with what that run met (its delays, its
 * CPU, the cores the machine left it), so on a loaded machine a run and its
 * ideal slow down together; the median of ideals over the median of walls
 * would pair one run's ideal with another's wall. 0 when the median wall is 0.
 */
export function pointIdeal(runs: readonly Pick<TrialSummary, 'wallMs' | 'idealMs'>[]): number {
  const medianMs = median(runs.map((r) => r.wallMs));
  return medianMs > 0 ? medianMs * median(runs.map((r) => r.idealMs / r.wallMs)) : 0;
}

/** One strategy at one N, from its runs (at least one). */
export function summarizePoint(strategy: SummarizedStrategy, n: number, measured: readonly TrialResult[], context: SummaryContext): PointResult {
  const runs = measured.map((r) => summarizeTrial(strategy, r, context));
  const walls = runs.map((r) => r.wallMs);
  const medianMs = median(walls);
  const idealMs = pointIdeal(runs);
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const r of runs) for (const o of OUTCOMES) counts[o] += r.counts[o];
  let faults: Record<string, number> | undefined;
  for (const r of runs) {
    if (!r.faults) continue;
    faults ??= {};
    for (const [kind, count] of Object.entries(r.faults)) faults[kind] = (faults[kind] ?? 0) + count;
  }
  const latencies = measured.flatMap((r) => r.records.map((rec) => rec.end - rec.start)).toSorted((a, b) => a - b);
  const q = (p: number) => (latencies.length ? quantileSorted(latencies, p) : Number.NaN);
  const models = runs.map((r) => r.model!);
  const waitMs = median(models.map((m) => m.waitMs));
  const cpuRoofMs = median(models.map((m) => m.cpuRoofMs));
  const serverRoofMs = median(models.map((m) => m.serverRoofMs));
  const validity = pointValidity(runs);
  return {
    n,
    runs,
    medianMs,
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    spread: spreadOf(walls),
    idealMs,
    efficiency: medianMs > 0 ? efficiency(idealMs, medianMs) : Number.NaN,
    overheadPerRequestMs: overheadPerRequest(idealMs, medianMs, n),
    counts,
    ...(faults ? { faults } : {}),
    latency: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: latencies.at(-1) ?? Number.NaN },
    model: {
      waitMs,
      cpuRoofMs,
      serverRoofMs,
      binding: serverRoofMs > Math.max(waitMs, cpuRoofMs) ? 'server' : cpuRoofMs > waitMs ? 'cpu' : 'wait',
      waitEfficiency: medianMs > 0 ? efficiency(waitMs, medianMs) : Number.NaN,
    },
    ...(validity.valid ? {} : { invalid: validity.cause }),
  };
}

/** Mean delay the server applied over every run of a strategy, ms (L̄): Σ d / count, over the requests that carry one. */
export function meanAppliedDelay(runs: readonly TrialResult[]): number {
  let sum = 0;
  let count = 0;
  for (const r of runs) {
    for (const d of r.appliedDelaysMs) sum += d;
    count += r.appliedDelaysMs.length;
  }
  return count > 0 ? sum / count : 0;
}

/**
 * The scaling summary of a strategy's points (sorted by N) and, when there is
 * enough data for one, the analysis behind its verdict.
 */
export function summarizeScaling(
  strategy: SummarizedStrategy,
  points: readonly PointResult[],
  runs: readonly TrialResult[],
  context: SummaryContext,
): { summary: ScalingSummary; analysis: ScalingAnalysis | undefined } {
  const meanLatencyMs = meanAppliedDelay(runs);
  if (points.length < 2 || !(meanLatencyMs > 0)) {
    const invalid = invalidVerdict(points);
    const summary: ScalingSummary = {
      meanLatencyMs,
      complexity: 'n/a',
      slope: Number.NaN,
      interval: { low: Number.NaN, high: Number.NaN },
      verdict: invalid ? { class: 'invalid' } : { class: 'inconclusive' },
      reason: invalid?.reason ?? 'needs at least 2 N values and a non-zero applied delay',
      interceptMs: Number.NaN,
      slopeMs: Number.NaN,
      r2: Number.NaN,
    };
    return { summary, analysis: undefined };
  }
  const analysis = analyzeStrategyScaling(
    strategy,
    // The verdict judges the slope against the wait model (a batched strategy's own slope).
    points.map((p) => ({ n: p.n, times: p.runs.map((r) => r.wallMs), idealTimes: p.runs.map((r) => r.model?.waitMs ?? r.idealMs), invalid: p.invalid })),
    meanLatencyMs,
    context.seed,
    context.serverCap,
  );
  const complexity = points.length >= 3 ? classifyComplexity(points.map((p) => p.n), points.map((p) => p.medianMs)).best : 'n/a';
  const summary: ScalingSummary = {
    meanLatencyMs,
    complexity,
    slope: analysis.slope,
    interval: { low: analysis.interval.low, high: analysis.interval.high },
    verdict: storedVerdict(analysis.verdict),
    reason: analysis.verdict.reason,
    interceptMs: analysis.interceptMs,
    slopeMs: analysis.slopeMs,
    r2: analysis.r2,
  };
  return { summary, analysis };
}

/** A verdict as results store it: its class, and for a pool its k (reports print it through `verdictLabel`). */
export function storedVerdict(verdict: ScalingVerdict): Verdict {
  return verdict.kind === 'partial' ? { class: 'partial', k: verdict.k } : { class: verdict.kind };
}
