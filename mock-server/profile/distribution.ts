/**
 * The theory of each distribution: its quantile function (the inverse CDF),
 * its CDF, and a draw from uniforms by inverse CDF. Pure; derived tables
 * (sorted samples, normalised weights) are cached per distribution object,
 * so treat distributions as immutable.
 */
import { upperBound } from './upper-bound.ts';
import type { UniformSource } from './counter-rng.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import type { Distribution, EmpiricalDistribution, MixtureDistribution, NormalDistribution } from './schema.ts';

interface Point {
  p: number;
  value: number;
}

type Prepared =
  | { kind: 'samples'; sorted: Float64Array }
  | { kind: 'points'; points: Point[] }
  | { kind: 'mixture'; cumulative: number[]; weights: number[] }
  | { kind: 'normal'; below0: number };

const cache = new WeakMap<Distribution, Prepared>();

/**
 * The p-quantile of `dist`: the smallest x with P(X ≤ x) ≥ p. `quantile(d, 0)`
 * is the lower end of the support and `quantile(d, 1)` the upper end (which
 * may be `Infinity`). Closed form for every type except `mixture`, which
 * bisects its CDF between the components' own p-quantiles.
 *
 * @throws {RangeError} when p is not in [0, 1].
 * @example
 * quantile({ type: 'lognormal', median: 90, sigma: 0.7 }, 0.5) // 90
 */
export function quantile(dist: Distribution, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}.`);
  return quantileOf(dist, p, 1 - p);
}

// `q` is 1 - p, passed along so the upper tail keeps the precision a draw gave it.
function quantileOf(dist: Distribution, p: number, q: number): number {
  switch (dist.type) {
    case 'fixed':
      return dist.ms;
    case 'uniform':
      return dist.min + p * (dist.max - dist.min);
    case 'normal': {
      const { below0 } = prepareNormal(dist);
      // Truncated at 0 by inverse CDF: map p into (Φ(-mean/sd), 1) and invert there.
      const lower = below0 + p * (1 - below0);
      const z = lower < 0.5 ? normalQuantile(lower) : -normalQuantile(q * (1 - below0));
      return Math.max(0, dist.mean + dist.sd * z);
    }
    case 'lognormal':
      return dist.median * Math.exp(dist.sigma * (p < 0.5 ? normalQuantile(p) : -normalQuantile(q)));
    case 'exponential':
      return (dist.shift ?? 0) - dist.mean * Math.log(q);
    case 'pareto':
      return (dist.shift ?? 0) + dist.scale * q ** (-1 / dist.alpha);
    case 'mixture':
      return mixtureQuantile(dist, p);
    case 'empirical':
      return empiricalQuantile(dist, p);
  }
}

/**
 * P(X ≤ x) under `dist`: right-continuous, 0 below the support, 1 above.
 *
 * @example
 * cdf({ type: 'uniform', min: 80, max: 120 }, 90) // 0.25
 */
export function cdf(dist: Distribution, x: number): number {
  switch (dist.type) {
    case 'fixed':
      return x >= dist.ms ? 1 : 0;
    case 'uniform':
      if (x >= dist.max) return 1;
      return x < dist.min ? 0 : (x - dist.min) / (dist.max - dist.min);
    case 'normal': {
      if (x < 0) return 0;
      const { below0 } = prepareNormal(dist);
      return Math.max(0, (normalCdf((x - dist.mean) / dist.sd) - below0) / (1 - below0));
    }
    case 'lognormal':
      return x <= 0 ? 0 : normalCdf(Math.log(x / dist.median) / dist.sigma);
    case 'exponential': {
      const over = x - (dist.shift ?? 0);
      return over <= 0 ? 0 : -Math.expm1(-over / dist.mean);
    }
    case 'pareto': {
      const over = x - (dist.shift ?? 0);
      return over < dist.scale ? 0 : 1 - (dist.scale / over) ** dist.alpha;
    }
    case 'mixture': {
      const { weights } = prepareMixture(dist);
      let sum = 0;
      dist.components.forEach((component, i) => (sum += (weights[i] ?? 0) * cdf(component.dist, x)));
      return Math.min(1, sum);
    }
    case 'empirical':
      return empiricalCdf(dist, x);
  }
}

/**
 * One draw from `dist`, by inverse CDF of the uniforms `source(offset)`,
 * `source(offset + 1)`, ... A leaf uses one uniform. A mixture uses
 * `source(offset)` to pick a component and draws the component from
 * `offset + 1` on, so the pick and the draw are independent and a nested
 * mixture of depth d uses d + 1 uniforms.
 */
export function drawFrom(dist: Distribution, source: UniformSource, offset = 0): number {
  const u = source(offset);
  if (dist.type !== 'mixture') return quantileOf(dist, u, 1 - u);
  const { cumulative } = prepareMixture(dist);
  let index = cumulative.findIndex((edge) => u < edge);
  if (index === -1) index = cumulative.length - 1;
  const component = dist.components[index] ?? dist.components[dist.components.length - 1];
  if (!component) throw new RangeError('drawFrom: a mixture needs at least one component.');
  return drawFrom(component.dist, source, offset + 1);
}

function mixtureQuantile(dist: MixtureDistribution, p: number): number {
  const ends = dist.components.map((component) => quantileOf(component.dist, p, 1 - p));
  let lo = Math.min(...ends);
  let hi = Math.max(...ends);
  if (p === 0) return lo;
  if (p === 1 || lo === hi) return hi;
  // Below every component's p-quantile each CDF is < p, so the mixture's is too;
  // at the largest, each is ≥ p: the answer lies in [lo, hi]. Keep `hi` as "F(hi) ≥ p".
  if (cdf(dist, lo) >= p) return lo;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
    const mid = lo + (hi - lo) / 2;
    if (cdf(dist, mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}

function empiricalQuantile(dist: EmpiricalDistribution, p: number): number {
  const prepared = prepareEmpirical(dist);
  if (prepared.kind === 'samples') {
    // Inverse of the empirical CDF: the ⌈p·n⌉-th smallest sample.
    const { sorted } = prepared;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
    return sorted[rank] ?? Number.NaN;
  }
  const { points } = prepared;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && p <= b.p) return b.p === a.p ? a.value : a.value + ((p - a.p) / (b.p - a.p)) * (b.value - a.value);
  }
  return points[points.length - 1]?.value ?? Number.NaN;
}

function empiricalCdf(dist: EmpiricalDistribution, x: number): number {
  const prepared = prepareEmpirical(dist);
  if (prepared.kind === 'samples') {
    const { sorted } = prepared;
    return upperBound(sorted, x) / sorted.length;
  }
  const { points } = prepared;
  // The last point at or below x; interpolate towards the next (flat stretches are atoms).
  let last = -1;
  for (let i = 0; i < points.length && (points[i]?.value ?? Infinity) <= x; i++) last = i;
  const a = points[last];
  const b = points[last + 1];
  if (!a) return 0;
  if (!b) return 1;
  return a.p + ((x - a.value) / (b.value - a.value)) * (b.p - a.p);
}

function prepareNormal(dist: NormalDistribution): { below0: number } {
  let prepared = cache.get(dist);
  if (prepared?.kind !== 'normal') {
    prepared = { kind: 'normal', below0: normalCdf(-dist.mean / dist.sd) };
    cache.set(dist, prepared);
  }
  return prepared;
}

function prepareMixture(dist: MixtureDistribution): { cumulative: number[]; weights: number[] } {
  let prepared = cache.get(dist);
  if (prepared?.kind !== 'mixture') {
    const total = dist.components.reduce((sum, component) => sum + component.weight, 0);
    const weights = dist.components.map((component) => component.weight / total);
    let running = 0;
    const cumulative = weights.map((weight) => (running += weight));
    prepared = { kind: 'mixture', cumulative, weights };
    cache.set(dist, prepared);
  }
  return prepared;
}

function prepareEmpirical(dist: EmpiricalDistribution): Extract<Prepared, { kind: 'samples' | 'points' }> {
  let prepared = cache.get(dist);
  if (prepared?.kind !== 'samples' && prepared?.kind !== 'points') {
    if (dist.samples) {
      prepared = { kind: 'samples', sorted: Float64Array.from(dist.samples).toSorted() };
    } else {
      const points = Object.entries(dist.percentiles ?? {}).map(([key, value]) => ({ p: Number(key) / 100, value }));
      prepared = { kind: 'points', points: points.toSorted((a, b) => a.p - b.p) };
    }
    cache.set(dist, prepared);
  }
  return prepared;
}
