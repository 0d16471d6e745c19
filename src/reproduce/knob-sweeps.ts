/**
 * The two knobs that move asyncio's slope, swept on the mock: httpx's pool
 * size (the slope follows L̄/pool until it meets the CPU roof N·c), and the
 * mock's own concurrency cap (a server of c workers makes any client a pool
 * of c). Each point: measured time beside both roofs.
 */
import { availableParallelism } from 'node:os';
import { efficiency, idealMakespan, type Roof } from '../model/index.ts';
import { measureTrial, trialDelays, type TrialResult } from '../measure/index.ts';
import { createUndiciClient } from '../clients/index.ts';
import { concurrent } from '../strategies/index.ts';
import { decideRepetition, modelOfTrial, readServerUsage, type RepetitionSample, type SummarizedStrategy, toTrialResult, usageSince } from '../sweep/index.ts';
import { runPeer } from '../peers/index.ts';
import { median } from '../stats/index.ts';

/** One setting of a knob. */
export interface KnobRow {
  /** The pool size or cap; null for none (unlimited). */
  setting: number | null;
  n: number;
  measuredMs: number;
  waitRoofMs: number;
  cpuPerRequestMs: number;
  cpuRoofMs: number;
  /** The mock's event-loop busy time over the run, ms (0 when not measured). */
  serverRoofMs: number;
  /** The model's ideal (src/model: the simulated fan-out), ms. */
  idealMs: number;
  binding: Roof;
  /** idealMs / measuredMs: the same efficiency as every other table. */
  efficiency: number;
}

/** A sweep, or why it did not run. */
export type KnobSweep = { kind: 'ok'; client: string; rows: KnobRow[] } | { kind: 'skipped'; client: string; reason: string };

/** One knob setting's point, through the model every table uses. */
function row(setting: number | null, strategy: SummarizedStrategy, run: TrialResult, serverCap: number | undefined): KnobRow {
  const model = modelOfTrial(strategy, run, { serverCap, cpus: availableParallelism() });
  return {
    setting,
    n: run.n,
    measuredMs: run.wallMs,
    waitRoofMs: model.waitMs,
    cpuPerRequestMs: (run.cpuMs.user + run.cpuMs.system) / run.n,
    cpuRoofMs: model.cpuRoofMs,
    serverRoofMs: model.serverRoofMs,
    idealMs: model.idealMs,
    binding: model.binding,
    efficiency: run.wallMs > 0 ? efficiency(model.idealMs, run.wallMs) : Number.NaN,
  };
}

/** Measures `measure` with the mock's usage read before and after, when it reports it. */
async function withServerUsage<T extends TrialResult>(url: string, measure: () => Promise<T | undefined>): Promise<T | undefined> {
  const before = await readServerUsage(url);
  const run = await measure();
  if (run) run.server = usageSince(before, await readServerUsage(url));
  return run;
}

/** py-asyncio at N with each pool size (`POKEBENCH_POOL`; null = unlimited). */
export async function sweepPoolSize(url: string, n: number, pools: readonly (number | null)[], signal?: AbortSignal): Promise<KnobSweep> {
  const rows: KnobRow[] = [];
  for (const pool of pools) {
    let failure: string | undefined;
    const run = await withServerUsage(url, async () => {
      const result = await runPeer('py-asyncio', { url, n, pool: pool ?? 'unlimited', runTimeoutMs: 300_000, signal });
      if (result.kind === 'failed') {
        failure = result.message;
        return undefined;
      }
      const model = result.report.model;
      return toTrialResult({ name: 'py-asyncio', kind: model.kind, k: model.kind === 'bounded' ? model.k : undefined }, n, result.report, result.processWallMs);
    });
    if (!run) return { kind: 'skipped', client: 'py-asyncio', reason: failure ?? 'the peer failed' };
    rows.push(row(pool, { name: 'py-asyncio', kind: run.kind, k: run.k }, run, undefined));
  }
  return { kind: 'ok', client: 'py-asyncio', rows };
}

/**
 * Node's `concurrent` (undici) at N against the mock (at `url`, in a process
 * of its own) with each concurrency cap (null = none). The mock's profile is
 * swapped per setting through its admin API and put back afterwards.
 */
export async function sweepServerCap(url: string, n: number, caps: readonly (number | null)[], signal?: AbortSignal): Promise<KnobSweep> {
  const original = (await adminJson(url, 'GET')) as Record<string, unknown>;
  const rows: KnobRow[] = [];
  try {
    for (const cap of caps) {
      const { concurrency: _none, ...rest } = original;
      await adminJson(url, 'PUT', cap === null ? rest : { ...rest, concurrency: { max: cap } });
      const strategy = concurrent();
      const run = await withServerUsage(url, () => measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: url }), n, timeoutMs: 120_000, signal }));
      rows.push(row(cap, strategy, run!, cap ?? undefined));
    }
  } finally {
    await adminJson(url, 'PUT', original);
  }
  return { kind: 'ok', client: 'concurrent (Node, undici)', rows };
}

/** GET or PUT the mock's profile. */
async function adminJson(url: string, method: 'GET' | 'PUT', body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}/__admin/profile`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Failed to ${method} the mock's profile: status ${res.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** One thread-pool size, measured: the median of its runs and how many there were. */
export interface WorkersPoint {
  workers: number;
  medianMs: number;
  runs: number;
  /** CPU per request of the client, ms (median over runs). */
  cpuPerRequestMs: number;
}

/**
 * py-threadpool at N with each worker count (`POKEBENCH_WORKERS`): the pool
 * size a machine of more cores would give it. Each setting is repeated while
 * {@link decideRepetition} asks for more: a run that is pure waiting and
 * within tolerance of the model's wait roof is enough.
 */
export async function sweepWorkers(url: string, n: number, workersList: readonly number[], signal?: AbortSignal, onRun?: (workers: number, run: number) => void): Promise<WorkersPoint[] | { skipped: string }> {
  const points: WorkersPoint[] = [];
  for (const workers of workersList) {
    const runs: TrialResult[] = [];
    const samples: RepetitionSample[] = [];
    while (decideRepetition(samples).more) {
      onRun?.(workers, runs.length + 1);
      const cpu0 = process.cpuUsage();
      const result = await runPeer('py-threadpool', { url, n, workers, runTimeoutMs: 300_000, signal });
      const server = process.cpuUsage(cpu0);
      if (result.kind === 'failed') return { skipped: result.message };
      const model = result.report.model;
      const k = model.kind === 'bounded' ? model.k : undefined;
      const run = toTrialResult({ name: 'py-threadpool', kind: model.kind, k }, n, result.report, result.processWallMs);
      runs.push(run);
      samples.push({
        wallMs: run.wallMs,
        waitRoofMs: idealMakespan(model.kind, k, trialDelays(run)),
        cpuBoundMs: run.cpuMs.user + run.cpuMs.system + (server.user + server.system) / 1000,
      });
    }
    points.push({
      workers,
      medianMs: median(runs.map((r) => r.wallMs)),
      runs: runs.length,
      cpuPerRequestMs: median(runs.map((r) => (r.cpuMs.user + r.cpuMs.system) / n)),
    });
  }
  return points;
}
