/**
 * The blog's three claims, checked against measured results: each one
 * reproduced or not, with the numbers and the rule that decided it. Pure:
 * results in, verdicts out.
 */
import { median, theilSen } from '../stats/index.ts';
import type { Results, StrategyResult } from '../results/index.ts';
import { predictSpeedup } from './cores-like.ts';

/** The blog's figure for asyncio's speed-up over the thread pool. */
export const BLOG_SPEEDUP = 3.5;

/** The speed-up claim holds when the measured figure is within this factor of the blog's. */
export const CLAIM_FACTOR = 1.5;

/** One claim's verdict. */
export interface ClaimCheck {
  id: 'speedup' | 'asyncio-linear' | 'go-flat';
  claim: string;
  /** `not measured` when a client it needs did not run (its toolchain is missing). */
  status: 'reproduced' | 'not reproduced' | 'not measured';
  /** The figures, in a sentence. */
  evidence: string;
  /** The rule that decided the status. */
  rule: string;
}

const find = (results: Results, name: string): StrategyResult | undefined =>
  results.strategies.find((s) => s.name === name && s.points.length > 0);

/** The largest N both clients measured, and their median times there. */
function atLargestCommonN(a: StrategyResult, b: StrategyResult): { n: number; a: number; b: number } | undefined {
  const ns = a.points.map((p) => p.n).filter((n) => b.points.some((q) => q.n === n));
  const n = Math.max(...ns);
  const pa = a.points.find((p) => p.n === n);
  const pb = b.points.find((p) => p.n === n);
  return pa && pb ? { n, a: pa.medianMs, b: pb.medianMs } : undefined;
}

/** Client CPU per request at a point, ms (median over repetitions). */
export function cpuPerRequest(strategy: StrategyResult, n: number): number {
  const point = strategy.points.find((p) => p.n === n);
  return point ? median(point.runs.map((r) => r.cpuMs)) / n : Number.NaN;
}

/** Theil–Sen slope of the median times against N, ms per request. */
export function slopePerRequest(strategy: StrategyResult): number {
  if (strategy.points.length < 2) return Number.NaN;
  return theilSen(strategy.points.map((p) => p.n), strategy.points.map((p) => p.medianMs)).slope;
}

/** Checks the three claims against one run's results (the slim payload's, as the blog's). */
export function checkClaims(results: Results): ClaimCheck[] {
  return [speedupClaim(results), asyncioLinearClaim(results), goFlatClaim(results)];
}

function speedupClaim(results: Results): ClaimCheck {
  const claim = `asyncio is about ${BLOG_SPEEDUP}× faster than the thread pool`;
  const rule = `reproduced when T(thread pool) / T(asyncio) at the largest N is within a factor ${CLAIM_FACTOR} of ${BLOG_SPEEDUP}× (${(BLOG_SPEEDUP / CLAIM_FACTOR).toFixed(1)}× to ${(BLOG_SPEEDUP * CLAIM_FACTOR).toFixed(1)}×)`;
  const pool = find(results, 'py-threadpool');
  const asyncio = find(results, 'py-asyncio');
  const at = pool && asyncio ? atLargestCommonN(pool, asyncio) : undefined;
  if (!pool || !asyncio || !at) return { id: 'speedup', claim, status: 'not measured', evidence: 'needs the py-threadpool and py-asyncio peers (pokebench peers check)', rule };
  const speedup = at.a / at.b;
  const workers = pool.k ?? Number.NaN;
  const L = pool.scaling.meanLatencyMs;
  const c = cpuPerRequest(asyncio, at.n);
  // The roofline's prediction (cores-like.ts): the pool waits ⌈N/W⌉·L̄, asyncio computes N·c.
  const predicted = predictSpeedup({ n: at.n, latencyMs: L, workers, asyncioPool: asyncio.k ?? at.n, asyncioCpuMs: c, threadPoolCpuMs: cpuPerRequest(pool, at.n) }).speedup;
  const blogWorkers = L / (BLOG_SPEEDUP * c);
  const ok = speedup >= BLOG_SPEEDUP / CLAIM_FACTOR && speedup <= BLOG_SPEEDUP * CLAIM_FACTOR;
  const evidence =
    `at N = ${at.n}: thread pool ${fmt(at.a)} ms, asyncio ${fmt(at.b)} ms, speed-up ${speedup.toFixed(1)}× ` +
    `(the roofline predicts ${predicted.toFixed(1)}×: the pool of ${workers} waits ⌈N/${workers}⌉·L̄ with L̄ = ${L.toFixed(0)} ms, ` +
    `asyncio spends c = ${c.toFixed(2)} ms of CPU per request). The pool's default size follows the core count ` +
    `(min(32, cpus + 4) = ${workers} on ${results.machine.cpus} cores); ${BLOG_SPEEDUP}× would take a pool of about ${Math.round(blogWorkers)}, ` +
    `i.e. about ${Math.max(1, Math.round(blogWorkers) - 4)} cores.`;
  return { id: 'speedup', claim, status: ok ? 'reproduced' : 'not reproduced', evidence, rule };
}

function asyncioLinearClaim(results: Results): ClaimCheck {
  const claim = "asyncio's total time still grows linearly with N";
  const rule = 'reproduced when the N-proportional part of the fit, b·N, is at least half of T at the largest N';
  const asyncio = find(results, 'py-asyncio');
  if (!asyncio || asyncio.points.length < 2) return { id: 'asyncio-linear', claim, status: 'not measured', evidence: 'needs the py-asyncio peer at 2 N or more', rule };
  const b = slopePerRequest(asyncio);
  const last = asyncio.points.at(-1)!;
  const share = (b * last.n) / last.medianMs;
  const c = cpuPerRequest(asyncio, last.n);
  const L = asyncio.scaling.meanLatencyMs;
  const pool = asyncio.k ?? Number.NaN;
  const poolSlope = L / pool;
  const cause =
    c >= poolSlope
      ? `its own CPU: c = ${c.toFixed(2)} ms per request is above the pool's L̄/${pool} = ${poolSlope.toFixed(2)} ms, so the CPU roof N·c binds, not only the ${pool}-connection pool`
      : `its ${pool}-connection pool: L̄/${pool} = ${poolSlope.toFixed(2)} ms per request is above its CPU c = ${c.toFixed(2)} ms`;
  const evidence = `slope b = ${b.toFixed(2)} ms per request (normalised s = b/L̄ = ${(b / L).toFixed(3)}), b·N = ${((share) * 100).toFixed(0)}% of T at N = ${last.n}. Cause, measured: ${cause}.`;
  return { id: 'asyncio-linear', claim, status: share >= 0.5 ? 'reproduced' : 'not reproduced', evidence, rule };
}

function goFlatClaim(results: Results): ClaimCheck {
  const claim = 'Go goroutines stay nearly flat';
  const rule = 'reproduced when the normalised slope s = b/L̄ is below 0.05 (a twentieth of sequential)';
  const go = find(results, 'go-goroutines');
  if (!go || go.points.length < 2) return { id: 'go-flat', claim, status: 'not measured', evidence: 'needs the go-goroutines peer at 2 N or more', rule };
  const b = slopePerRequest(go);
  const s = b / go.scaling.meanLatencyMs;
  const first = go.points[0]!;
  const last = go.points.at(-1)!;
  const evidence = `T ${fmt(first.medianMs)} ms at N = ${first.n}, ${fmt(last.medianMs)} ms at N = ${last.n}: b = ${b.toFixed(3)} ms per request, s = ${s.toFixed(4)}.`;
  return { id: 'go-flat', claim, status: s < 0.05 ? 'reproduced' : 'not reproduced', evidence, rule };
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}
