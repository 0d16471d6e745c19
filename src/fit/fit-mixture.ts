/**
 * The two-component candidate: a mixture of two lognormals (a fast body and
 * a slow mode or tail, like a cache hit/miss split), fitted by EM on the
 * logs, where it is a two-component normal mixture.
 */
import type { CandidateFit } from './candidate.ts';
import { logMoments } from './log-moments.ts';
import { roundParameter } from './round-parameter.ts';

/** Splits of the sorted logs that seed EM: below/above the p-quantile. */
const START_SPLITS = [0.5, 0.8, 0.95] as const;
const MAX_ITERATIONS = 100;
// Stop when an iteration gains less log-likelihood than this, per sample.
const TOLERANCE = 1e-7;
// A component's sigma never drops below this share of the logs' overall sd,
// so a component cannot collapse onto a few tied values (an unbounded likelihood).
const SIGMA_FLOOR_SHARE = 0.05;
const LOG_SQRT_2PI = 0.9189385332046727;

interface Component {
  weight: number;
  mu: number;
  sigma: number;
}

/**
 * EM for a two-component normal mixture on y = ln x, run from three
 * deterministic starts (split the sorted logs at their 50th, 80th and 95th
 * percentile; each side's share, mean and sd start a component), each until
 * the log-likelihood gains less than 1e-7·n per iteration or 100
 * iterations; the start with the highest final log-likelihood wins. Each
 * sigma is floored at 5% of the logs' overall sd. Components come out
 * fastest first, as `mixture { components: [{ weight, dist: lognormal }] }`.
 * Skipped when a sample is 0 or all samples are equal.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 */
export function fitMixture(sorted: readonly number[]): CandidateFit {
  if ((sorted[0] ?? 0) <= 0) return { status: 'skipped', reason: 'a sample is 0 ms, and a lognormal has no mass at 0 (log 0 is undefined)' };
  const overall = logMoments(sorted);
  if (!(overall.sigma > 0)) return { status: 'skipped', reason: 'all samples are equal (nothing to split)' };
  const logs = Float64Array.from(sorted, Math.log);
  const floor = SIGMA_FLOOR_SHARE * overall.sigma;
  let best: { components: [Component, Component]; logLik: number } | undefined;
  for (const split of START_SPLITS) {
    const result = runEm(logs, start(logs, split, floor), floor);
    if (!best || result.logLik > best.logLik) best = result;
  }
  const components = (best?.components ?? []).toSorted((a, b) => a.mu - b.mu);
  return {
    status: 'fitted',
    dist: {
      type: 'mixture',
      components: components.map((c) => ({
        weight: roundParameter(c.weight),
        dist: { type: 'lognormal', median: roundParameter(Math.exp(c.mu)), sigma: roundParameter(c.sigma) },
      })),
    },
    parameters: 5,
  };
}

function start(logs: Float64Array, p: number, floor: number): [Component, Component] {
  const cut = Math.min(logs.length - 1, Math.max(1, Math.round(p * logs.length)));
  return [moments(logs.subarray(0, cut), logs.length, floor), moments(logs.subarray(cut), logs.length, floor)];
}

function moments(part: Float64Array, n: number, floor: number): Component {
  let sum = 0;
  for (const y of part) sum += y;
  const mu = sum / part.length;
  let squares = 0;
  for (const y of part) squares += (y - mu) ** 2;
  return { weight: part.length / n, mu, sigma: Math.max(floor, Math.sqrt(squares / part.length)) };
}

function runEm(logs: Float64Array, initial: [Component, Component], floor: number): { components: [Component, Component]; logLik: number } {
  const n = logs.length;
  const resp = new Float64Array(n);
  let [a, b] = initial;
  let previous = -Infinity;
  let logLik = -Infinity;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // E step: responsibility of component a for each point, and the log-likelihood.
    const ca = Math.log(a.weight) - Math.log(a.sigma) - LOG_SQRT_2PI;
    const cb = Math.log(b.weight) - Math.log(b.sigma) - LOG_SQRT_2PI;
    logLik = 0;
    for (let i = 0; i < n; i++) {
      const y = logs[i] as number;
      const za = (y - a.mu) / a.sigma;
      const zb = (y - b.mu) / b.sigma;
      const la = ca - 0.5 * za * za;
      const lb = cb - 0.5 * zb * zb;
      // log(e^la + e^lb) and e^la / (e^la + e^lb), with one exp, from the larger term.
      if (la >= lb) {
        const e = Math.exp(lb - la);
        resp[i] = 1 / (1 + e);
        logLik += la + Math.log1p(e);
      } else {
        const e = Math.exp(la - lb);
        resp[i] = e / (1 + e);
        logLik += lb + Math.log1p(e);
      }
    }
    if (logLik - previous < TOLERANCE * n) break;
    previous = logLik;
    // M step: weighted share, mean and sd of each component.
    const nextA = weighted(logs, resp, false, floor);
    const nextB = weighted(logs, resp, true, floor);
    // One component took every point: keep the last pair that still had two.
    if (!(nextA.weight > 0 && nextB.weight > 0 && Number.isFinite(nextA.mu) && Number.isFinite(nextB.mu))) break;
    a = nextA;
    b = nextB;
  }
  return { components: [a, b], logLik };
}

function weighted(logs: Float64Array, resp: Float64Array, complement: boolean, floor: number): Component {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < logs.length; i++) {
    const w = complement ? 1 - (resp[i] as number) : (resp[i] as number);
    total += w;
    sum += w * (logs[i] as number);
  }
  const mu = sum / total;
  let squares = 0;
  for (let i = 0; i < logs.length; i++) {
    const w = complement ? 1 - (resp[i] as number) : (resp[i] as number);
    squares += w * ((logs[i] as number) - mu) ** 2;
  }
  return { weight: total / logs.length, mu, sigma: Math.max(floor, Math.sqrt(squares / total)) };
}
