/**
 * External clients in the sweep: a peer process (peers/README.md) wrapped as
 * a strategy that measures itself. The sweep runs it like any strategy, a
 * fresh process per run, interleaved with the others; its report becomes a
 * {@link TrialResult} without per-request records, and its model (sequential,
 * a pool of k, concurrent) comes from the peer's own report.
 */
import os from 'node:os';
import type { TrialResult } from '../measure/index.ts';
import type { RequestRecord, Strategy } from '../types/index.ts';
import { InternalError } from '../../mock-server/errors/index.ts';
import { findShippedPeer, runPeer, type PeerReport, type PeerSpec, type RunPeerOptions } from '../peers/index.ts';

/** One external trial: a result, or why there is none (the sweep records it and goes on). */
export type ExternalTrial =
  | { kind: 'ok'; trial: TrialResult }
  | { kind: 'failed'; reason: string; message: string };

/** A strategy that runs in another process and measures itself. */
export interface ExternalStrategy extends Strategy {
  readonly external: true;
  /** The peer's command line (or shipped name), for the report. */
  readonly command: string;
  measureExternal(options: { n: number; timeoutMs: number; signal?: AbortSignal | undefined }): Promise<ExternalTrial>;
}

/** True for a strategy the sweep must not run in-process. */
export function isExternal(strategy: Strategy): strategy is ExternalStrategy {
  return (strategy as Partial<ExternalStrategy>).external === true;
}

/** Options of {@link peerStrategy}. */
export interface PeerStrategyOptions {
  /** The mock's base URL. */
  url: string;
  /** Shown in reports. @defaultValue the peer's name */
  name?: string;
  /** `POKEBENCH_POOL` for peers with a connection pool. */
  pool?: RunPeerOptions['pool'];
  /** `POKEBENCH_WORKERS` for the thread-pool peer. */
  workers?: number;
  /** Kill a run after this long. @defaultValue 300000 */
  runTimeoutMs?: number;
}

/** Python's default ThreadPoolExecutor size on this machine: min(32, cpu_count + 4). */
export function pythonDefaultWorkers(cpus = os.cpus().length): number {
  return Math.min(32, cpus + 4);
}

/** The model a shipped peer declares before it has run (its reports then say for sure). */
function declaredModel(spec: PeerSpec, options: PeerStrategyOptions): Pick<Strategy, 'kind' | 'k'> {
  const shipped = typeof spec === 'string' ? findShippedPeer(spec) : undefined;
  if (!shipped || shipped.model.kind === 'concurrent') {
    if (options.pool !== undefined && options.pool !== 'unlimited') return { kind: 'bounded', k: options.pool };
    return { kind: 'concurrent', k: undefined };
  }
  const { model } = shipped;
  if (model.kind === 'sequential') return { kind: 'sequential', k: undefined };
  if (model.k === 'workers') return { kind: 'bounded', k: options.workers ?? pythonDefaultWorkers() };
  if (options.pool === 'unlimited') return { kind: 'concurrent', k: undefined };
  return { kind: 'bounded', k: options.pool ?? model.k };
}

/** Wraps a peer (a shipped name, a command line, or `{ name, command }`) as a strategy for the sweep. */
export function peerStrategy(spec: PeerSpec, options: PeerStrategyOptions): ExternalStrategy {
  const declared = declaredModel(spec, options);
  const command = typeof spec === 'string' ? spec : spec.command.join(' ');
  const strategy = {
    name: options.name ?? (typeof spec === 'string' ? spec : spec.name),
    kind: declared.kind,
    k: declared.k,
    external: true as const,
    command,
    run(): Promise<RequestRecord[]> {
      return Promise.reject(new InternalError(`${strategy.name} is an external client: the sweep measures it with measureExternal, not run.`));
    },
    async measureExternal({ n, timeoutMs, signal }: { n: number; timeoutMs: number; signal?: AbortSignal | undefined }): Promise<ExternalTrial> {
      // This process's CPU while the peer runs: the embedded mock's work (it shares the machine's cores with the peer).
      const cpu0 = process.cpuUsage();
      const result = await runPeer(spec, {
        url: options.url,
        n,
        timeoutMs,
        pool: options.pool,
        workers: options.workers,
        runTimeoutMs: options.runTimeoutMs ?? 300_000,
        signal,
      });
      if (result.kind === 'failed') {
        const tail = result.stderrTail.trim().split('\n').slice(-3).join(' | ');
        return { kind: 'failed', reason: result.reason, message: `${result.message}${tail ? ` (stderr: ${tail})` : ''}` };
      }
      // The peer says what it is: the model follows its report (a pool's real size, say).
      const model = result.report.model;
      strategy.kind = model.kind;
      strategy.k = model.kind === 'bounded' ? model.k : undefined;
      const cpu = process.cpuUsage(cpu0);
      const trial = toTrialResult(strategy, n, result.report, result.processWallMs);
      trial.external = { ...trial.external!, serverCpuMs: (cpu.user + cpu.system) / 1000 };
      return { kind: 'ok', trial };
    },
  };
  return strategy;
}

/** A peer's report as a {@link TrialResult}: no records, its own wall, CPU, counts and delays. */
export function toTrialResult(strategy: Pick<Strategy, 'name' | 'kind' | 'k'>, n: number, report: PeerReport, processWallMs: number): TrialResult {
  const appliedDelaysMs: number[] = [];
  const missingDelayIndices: number[] = [];
  report.delaysMs.forEach((d, i) => {
    if (d === null) missingDelayIndices.push(i);
    else appliedDelaysMs.push(d);
  });
  return {
    strategy: strategy.name,
    kind: strategy.kind,
    k: strategy.k,
    n,
    wallMs: report.wallMs,
    totalMs: processWallMs,
    records: [],
    counts: { ...report.counts },
    appliedDelaysMs,
    missingDelayIndices,
    eventLoopDelay: { p50: Number.NaN, p99: Number.NaN, max: Number.NaN, samples: 0, resolutionMs: 0 },
    connectionsOpened: undefined,
    cpuMs: { ...report.cpuMs },
    loopActiveMs: Number.NaN,
    external: {
      peer: strategy.name,
      processWallMs,
      ...(report.runQueueMs !== undefined ? { runQueueMs: report.runQueueMs } : {}),
      ...(report.sentMs !== undefined ? { sentMs: report.sentMs } : {}),
    },
  };
}
