/**
 * The two knobs that move asyncio's slope, swept on the mock: httpx's pool
 * size (the slope follows L̄/pool until it meets the CPU roof N·c), and the
 * mock's own concurrency cap (a server of c workers makes any client a pool
 * of c). Each point: measured time beside both roofs.
 */
import { availableParallelism } from 'node:os';
import { idealMakespan, type Roof } from '../model/index.ts';
import { runDelays, measureRun, type RunResult } from '../measure/index.ts';
import { createUndiciClient } from '../clients/undici-client.ts';
import { concurrent } from '../strategies/index.ts';
import type { MockServerHandle } from '../../mock-server/node/server.ts';
import type { Profile } from '../../mock-server/profile/index.ts';
import { runPeer } from '../peers/index.ts';
import { toRunResult } from '../sweep/external-strategy.ts';

/** One setting of a knob. */
export interface KnobRow {
  /** The pool size or cap; null for none (unlimited). */
  setting: number | null;
  n: number;
  measuredMs: number;
  waitRoofMs: number;
  cpuPerRequestMs: number;
  cpuRoofMs: number;
  binding: Roof;
  efficiency: number;
}

/** A sweep, or why it did not run. */
export type KnobSweep = { kind: 'ok'; client: string; rows: KnobRow[] } | { kind: 'skipped'; client: string; reason: string };

/**
 * One knob setting's point: the CPU roof is the larger of the client's serial
 * work and all the run's CPU (client and mock) over the cores, as in the
 * roofline table.
 */
function row(setting: number | null, run: RunResult, waitRoofMs: number, serialMs: number, serverCpuMs: number): KnobRow {
  const clientCpuMs = run.cpuMs.user + run.cpuMs.system;
  const cpuRoofMs = Math.max(serialMs, (clientCpuMs + serverCpuMs) / Math.max(1, availableParallelism()));
  const idealMs = Math.max(waitRoofMs, cpuRoofMs);
  return {
    setting,
    n: run.n,
    measuredMs: run.wallMs,
    waitRoofMs,
    cpuPerRequestMs: clientCpuMs / run.n,
    cpuRoofMs,
    binding: cpuRoofMs > waitRoofMs ? 'cpu' : 'wait',
    efficiency: run.wallMs > 0 ? idealMs / run.wallMs : Number.NaN,
  };
}

/** py-asyncio at N with each pool size (`POKEBENCH_POOL`; null = unlimited). */
export async function sweepPoolSize(url: string, n: number, pools: readonly (number | null)[], signal?: AbortSignal): Promise<KnobSweep> {
  const rows: KnobRow[] = [];
  for (const pool of pools) {
    const cpu0 = process.cpuUsage(); // the mock's CPU while the peer runs
    const result = await runPeer('py-asyncio', { url, n, pool: pool ?? 'unlimited', runTimeoutMs: 300_000, signal });
    const server = process.cpuUsage(cpu0);
    if (result.kind === 'failed') return { kind: 'skipped', client: 'py-asyncio', reason: result.message };
    const model = result.report.model;
    const k = model.kind === 'bounded' ? model.k : undefined;
    const run = toRunResult({ name: 'py-asyncio', kind: model.kind, k }, n, result.report, result.processWallMs);
    // Under the GIL the client's CPU is serial.
    const serial = run.cpuMs.user + run.cpuMs.system;
    rows.push(row(pool, run, idealMakespan(model.kind, k, runDelays(run)), serial, (server.user + server.system) / 1000));
  }
  return { kind: 'ok', client: 'py-asyncio', rows };
}

/**
 * Node's `concurrent` (undici) at N against the mock with each concurrency
 * cap (null = none). The server's profile is swapped per setting and put
 * back afterwards.
 */
export async function sweepServerCap(server: MockServerHandle, n: number, caps: readonly (number | null)[], signal?: AbortSignal): Promise<KnobSweep> {
  const original: Profile = server.api.profile;
  const rows: KnobRow[] = [];
  try {
    for (const cap of caps) {
      server.api.setProfile(cap === null ? { ...original, concurrency: undefined } : { ...original, concurrency: { max: cap } });
      const run = await measureRun({ strategy: concurrent(), fetchOne: createUndiciClient({ baseUrl: server.url }), n, timeoutMs: 120_000, signal });
      // In-process: the loop's busy time is the serial work, and the process CPU already holds the mock's.
      rows.push(row(cap, run, idealMakespan('concurrent', undefined, runDelays(run), cap ?? undefined), run.loopActiveMs, 0));
    }
  } finally {
    server.api.setProfile(original);
  }
  return { kind: 'ok', client: 'concurrent (Node, undici)', rows };
}
