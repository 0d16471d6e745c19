/**
 * Turns the sweep's raw runs into the {@link Results} object every report and
 * the gate read: per point the median, spread, the model's ideal and the
 * efficiency; per strategy the fitted slope and the verdict.
 */
import os from 'node:os';
import { packageVersion } from '../../mock-server/package-files.ts';
import { efficiency, idealMakespan, overheadPerRequest } from '../model/index.ts';
import { analyzeStrategyScaling, classifyComplexity } from '../scaling/index.ts';
import { median, quantileSorted } from '../stats/index.ts';
import { OUTCOMES, type Outcome } from '../types.ts';
import { runDelays, type RunResult } from '../measure/index.ts';
import { isExternal } from './external-strategy.ts';
import type { SweepCell } from './run-sweep.ts';
import {
  RESULTS_VERSION,
  type MachineInfo,
  type PointResult,
  type Results,
  type RunSettings,
  type RunSummary,
  type ScalingSummary,
  type StrategyResult,
} from '../results/types.ts';

/** The machine this process runs on. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    platform: process.platform,
    arch: process.arch,
    cpus: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

function emptyCounts(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

/** The server concurrency cap the run's profile set, if any (the model schedules on min(k, c)). */
export function serverCapOf(settings: Pick<RunSettings, 'profile'>): number | undefined {
  const definition = settings.profile.definition as { concurrency?: { max?: unknown } } | null | undefined;
  const max = definition?.concurrency?.max;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : undefined;
}

function summarizeRun(run: RunResult, cell: SweepCell, serverCap: number | undefined): RunSummary {
  const delays = run.appliedDelaysMs.filter(Number.isFinite);
  return {
    wallMs: run.wallMs,
    // Requests whose delay is unknown (network errors) count as 0: the ideal is then a lower bound.
    idealMs: idealMakespan(cell.strategy.kind, cell.strategy.k, runDelays(run), serverCap),
    meanDelayMs: delays.length ? delays.reduce((a, b) => a + b, 0) / delays.length : 0,
    counts: { ...run.counts },
    cpuMs: run.cpuMs.user + run.cpuMs.system,
    loopActiveMs: run.loopActiveMs,
    ...(run.external?.serverCpuMs !== undefined ? { serverCpuMs: run.external.serverCpuMs } : {}),
    eventLoopP99Ms: run.eventLoopDelay.p99,
    connectionsOpened: run.connectionsOpened ?? null,
    ...(run.injectedFaults ? { faults: { ...run.injectedFaults } } : {}),
  };
}

function summarizePoint(cell: SweepCell, serverCap: number | undefined): PointResult {
  const runs = cell.runs.map((r) => summarizeRun(r, cell, serverCap));
  const walls = runs.map((r) => r.wallMs);
  const medianMs = median(walls);
  const idealMs = median(runs.map((r) => r.idealMs));
  const counts = emptyCounts();
  for (const r of runs) for (const o of OUTCOMES) counts[o] += r.counts[o];
  let faults: Record<string, number> | undefined;
  for (const r of runs) {
    if (!r.faults) continue;
    faults ??= {};
    for (const [kind, n] of Object.entries(r.faults)) faults[kind] = (faults[kind] ?? 0) + n;
  }
  const latencies = cell.runs.flatMap((r) => r.records.map((rec) => rec.end - rec.start)).toSorted((a, b) => a - b);
  const q = (p: number) => (latencies.length ? quantileSorted(latencies, p) : Number.NaN);
  return {
    n: cell.n,
    runs,
    medianMs,
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    spread: medianMs > 0 ? (Math.max(...walls) - Math.min(...walls)) / medianMs : 0,
    idealMs,
    efficiency: medianMs > 0 ? efficiency(idealMs, medianMs) : Number.NaN,
    overheadPerRequestMs: overheadPerRequest(idealMs, medianMs, cell.n),
    counts,
    ...(faults ? { faults } : {}),
    latency: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: latencies.at(-1) ?? Number.NaN },
  };
}

function summarizeScaling(cells: SweepCell[], points: PointResult[], serverCap: number | undefined): ScalingSummary {
  const strategy = cells[0]?.strategy;
  const delays = points.flatMap((p) => p.runs.map((r) => r.meanDelayMs * p.n));
  const requests = points.reduce((a, p) => a + p.n * p.runs.length, 0);
  const meanLatencyMs = requests > 0 ? delays.reduce((a, b) => a + b, 0) / requests : 0;
  const base = { meanLatencyMs, complexity: 'n/a' };
  if (strategy === undefined || points.length < 2 || meanLatencyMs <= 0) {
    return { ...base, slope: Number.NaN, interval: { low: Number.NaN, high: Number.NaN }, verdict: 'inconclusive', reason: 'needs at least 2 N values and a non-zero applied delay', interceptMs: Number.NaN, slopeMs: Number.NaN, r2: Number.NaN };
  }
  const analysis = analyzeStrategyScaling(
    strategy,
    points.map((p) => ({ n: p.n, times: p.runs.map((r) => r.wallMs), idealTimes: p.runs.map((r) => r.idealMs) })),
    meanLatencyMs,
    undefined,
    serverCap,
  );
  let complexity = 'n/a';
  if (points.length >= 3) complexity = classifyComplexity(points.map((p) => p.n), points.map((p) => p.medianMs)).best;
  return {
    meanLatencyMs,
    complexity,
    slope: analysis.slope,
    interval: { low: analysis.interval.low, high: analysis.interval.high },
    verdict: analysis.verdict.label,
    reason: analysis.verdict.reason,
    interceptMs: analysis.interceptMs,
    slopeMs: analysis.slopeMs,
    r2: analysis.r2,
  };
}

/** Builds the results object from the sweep's cells. */
export function buildResults(cells: readonly SweepCell[], settings: RunSettings, durationMs: number, createdAt = new Date()): Results {
  const serverCap = serverCapOf(settings);
  const byStrategy = new Map<string, SweepCell[]>();
  for (const cell of cells) byStrategy.set(cell.strategy.name, [...(byStrategy.get(cell.strategy.name) ?? []), cell]);
  const strategies: StrategyResult[] = [];
  for (const [name, group] of byStrategy) {
    const sorted = group.toSorted((a, b) => a.n - b.n);
    // A point whose every run failed (an external client) has nothing to summarise; its failures are listed.
    const measured = sorted.filter((cell) => cell.runs.length > 0);
    const points = measured.map((cell) => summarizePoint(cell, serverCap));
    const strategy = sorted[0]!.strategy;
    const failures = sorted.flatMap((cell) => cell.failures.map((f) => ({ n: cell.n, ...f })));
    strategies.push({
      name,
      kind: strategy.kind,
      k: strategy.k ?? null,
      points,
      scaling: summarizeScaling(measured, points, serverCap),
      ...(isExternal(strategy) ? { external: { command: strategy.command } } : {}),
      ...(failures.length ? { failures } : {}),
    });
  }
  return {
    schema: 'pokebench-results',
    version: RESULTS_VERSION,
    createdAt: createdAt.toISOString(),
    tool: { name: 'pokebench', version: packageVersion() },
    machine: machineInfo(),
    settings,
    durationMs,
    strategies,
  };
}
