/** Test helper: measured runs built from generated numbers (no clock, no server). */
import type { TrialResult } from '../../src/measure/index.ts';
import type { RequestRecord, Strategy } from '../../src/types/index.ts';

/** A run as measureTrial returns it, built from generated numbers (no clock, no server). */
export function syntheticRun(strategy: Strategy, n: number, g: { delays: number[]; wall: number; cpu: number; loop: number; server?: { cpuMs: number; loopActiveMs: number } | undefined; lost: number }): TrialResult {
  const records: RequestRecord[] = Array.from({ length: n }, (_, i) => {
    const delayMs = g.delays[i % g.delays.length]!;
    const start = 0;
    // The last `lost` requests fail before the server answers: no delay, a network error.
    if (i >= n - g.lost) return { id: i + 1, index: i, start, end: g.wall, outcome: 'network-error', error: 'reset' };
    return { id: i + 1, index: i, start, end: Math.min(g.wall, delayMs + 1), outcome: 'ok', status: 200, bytes: 100, delayMs };
  });
  const applied = records.flatMap((r) => (r.delayMs === undefined ? [] : [r.delayMs]));
  return {
    strategy: strategy.name,
    kind: strategy.kind,
    k: strategy.k,
    n,
    wallMs: g.wall,
    totalMs: g.wall,
    records,
    counts: { ok: n - g.lost, 'http-error': 0, 'network-error': g.lost, timeout: 0 },
    appliedDelaysMs: applied,
    missingDelayIndices: records.flatMap((r) => (r.delayMs === undefined ? [r.index] : [])),
    eventLoopDelay: { p50: 1, p99: 2, max: 3, samples: 10, resolutionMs: 10 },
    connectionsOpened: n,
    cpuMs: { user: g.cpu * 0.7, system: g.cpu * 0.3 },
    loopActiveMs: g.loop,
    ...(g.server ? { server: g.server } : {}),
  };
}

