/**
 * `pokebench profile show`: a profile's shape as plain text, so a user sees
 * the tail before running anything. Returns a string; only the CLI prints.
 */
import { upperBound } from './upper-bound.ts';
import { InvalidOptionError } from '../errors/index.ts';
import { quantile } from './distribution.ts';
import { finishDelay, resolveRoute, sampleDelay, type RouteDelay } from './sampler.ts';
import { ROUTE_NAMES, type Clamp, type Distribution, type Profile, type RouteName } from './schema.ts';
import { nearestRank, niceStep } from '../stats/index.ts';

/** Options of {@link renderProfile}. */
export interface RenderProfileOptions {
  /** Delays drawn per route for the sampled column and the histogram. @defaultValue `10_000` */
  samples?: number | undefined;
  /** Length in characters of the longest histogram bar. @defaultValue `60` */
  width?: number | undefined;
  /** Target number of histogram bins (bin edges are rounded to 1, 2, 2.5 or 5 × 10^k). @defaultValue `20` */
  bins?: number | undefined;
}

type ResolvedRenderOptions = Required<{ [K in keyof RenderProfileOptions]: number }>;

const PERCENTILES: readonly [label: string, p: number][] = [
  ['p50', 0.5],
  ['p90', 0.9],
  ['p99', 0.99],
  ['p99.9', 0.999],
];
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;
// The key the sampled column draws under; any fixed key gives i.i.d. draws over n.
const SHOW_KEY = 'profile-show';

/** Fills the defaults of {@link RenderProfileOptions} and checks them. */
export function resolveRenderOptions(options: RenderProfileOptions = {}): ResolvedRenderOptions {
  const resolved = { samples: options.samples ?? 10_000, width: options.width ?? 60, bins: options.bins ?? 20 };
  checkInt('options.samples', resolved.samples, 1, 10_000_000);
  checkInt('options.width', resolved.width, 1, 1000);
  checkInt('options.bins', resolved.bins, 1, 1000);
  return resolved;
}

function checkInt(option: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(option, `renderProfile: ${option} must be an integer from ${min} to ${max}, got ${String(value)}.`);
  }
}

/**
 * Renders a profile: name, description and seed; then for each distinct
 * route setup its distribution, clamp, theoretical p50/p90/p99/p99.9 beside
 * the percentiles of `samples` draws (nearest rank), mean, min/max, and a
 * histogram of the draws in unicode block bars. Bins stop at the sampled
 * p99.9 and the rest is counted on one `>` row, so a long tail does not
 * squash the body. Deterministic: the draws are keyed like requests.
 *
 * @throws {InvalidOptionError} when an option is out of range.
 * @example
 * process.stdout.write(renderProfile(await loadProfile('bimodal'), { samples: 5000 }));
 */
export function renderProfile(profile: Profile, options?: RenderProfileOptions): string {
  const resolved = resolveRenderOptions(options);
  const lines = [`${profile.name ?? '(unnamed profile)'}${profile.description ? ` — ${profile.description}` : ''}`];
  lines.push(`seed ${profile.seed}`);
  if (profile.faults?.length) {
    lines.push('', 'faults (after the delay):');
    for (const f of profile.faults) {
      const detail = f.kind === 'http-error' ? ` ${f.status ?? 503}` : f.kind === 'rate-limited' ? ` 429, Retry-After ${f.retryAfterSeconds ?? 1} s` : '';
      lines.push(`  ${(f.probability * 100).toFixed(2).padStart(6)}%  ${f.kind}${detail}${f.routes ? ` (routes: ${f.routes.join(', ')})` : ''}`);
    }
  }
  const limits = describeLimits(profile);
  if (limits.length) lines.push('', 'limits (API routes):', ...limits.map((l) => `  ${l}`));
  for (const { routes, setup } of groupRoutes(profile)) {
    lines.push('', `routes: ${routes.join(', ')}`);
    lines.push(...renderSetup(profile, routes[0] ?? 'pokemon', setup, resolved).map((line) => (line ? `  ${line}` : '')));
  }
  return `${lines.join('\n')}\n`;
}

/** The profile's rate limit, concurrency cap and bandwidth, one line each. */
function describeLimits(profile: Profile): string[] {
  const lines: string[] = [];
  const { rateLimit, concurrency, bandwidth } = profile;
  if (rateLimit) {
    const burst = rateLimit.burst ?? Math.max(1, Math.ceil(rateLimit.requestsPerSecond));
    lines.push(`rate limit    ${rateLimit.requestsPerSecond} req/s, burst ${burst}: 429 with Retry-After past it`);
  }
  if (concurrency) {
    const queue = concurrency.queueLimit === undefined ? 'an unbounded queue' : `a queue of ${concurrency.queueLimit} (503 past it)`;
    lines.push(`concurrency   ${concurrency.max} served at once, ${queue}: any strategy is at most partial(1/${concurrency.max})`);
  }
  if (bandwidth) lines.push(`bandwidth     ${formatRate(bandwidth.bytesPerSecond)} per response, after the delay`);
  return lines;
}

function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond >= 1e6) return `${+(bytesPerSecond / 1e6).toFixed(2)} MB/s`;
  if (bytesPerSecond >= 1e3) return `${+(bytesPerSecond / 1e3).toFixed(2)} kB/s`;
  return `${bytesPerSecond} B/s`;
}

/** One line describing a distribution, e.g. `lognormal(median 90 ms, sigma 0.7)`. */
export function describeDistribution(dist: Distribution): string {
  switch (dist.type) {
    case 'fixed':
      return `fixed ${dist.ms} ms`;
    case 'uniform':
      return `uniform ${dist.min}..${dist.max} ms`;
    case 'normal':
      return `normal(mean ${dist.mean} ms, sd ${dist.sd} ms), truncated at 0`;
    case 'lognormal':
      return `lognormal(median ${dist.median} ms, sigma ${dist.sigma})`;
    case 'exponential':
      return `exponential(mean ${dist.mean} ms)${shifted(dist.shift)}`;
    case 'pareto':
      return `pareto(scale ${dist.scale} ms, alpha ${dist.alpha})${shifted(dist.shift)}`;
    case 'mixture': {
      const total = dist.components.reduce((sum, component) => sum + component.weight, 0);
      const parts = dist.components.map((c) => `${formatShare(c.weight / total)} ${describeDistribution(c.dist)}`);
      return `mixture of ${parts.join(' + ')}`;
    }
    case 'empirical': {
      if (dist.samples) return `empirical, ${dist.samples.length} samples (each draw is one of them)`;
      const points = Object.entries(dist.percentiles ?? {}).toSorted(([a], [b]) => Number(a) - Number(b));
      return `empirical percentiles ${points.map(([key, value]) => `p${key} ${value}`).join(', ')} ms (interpolated)`;
    }
  }
}

function shifted(shift: number | undefined): string {
  return shift ? `, shifted by ${shift} ms` : '';
}

function describeClamp(clamp: Clamp | undefined): string {
  if (!clamp || (clamp.min === undefined && clamp.max === undefined)) return 'none';
  return `${clamp.min ?? 0}..${clamp.max ?? '∞'} ms`;
}

// Routes whose resolved delay and clamp are the same objects render once.
function groupRoutes(profile: Profile): { routes: RouteName[]; setup: RouteDelay }[] {
  const groups: { routes: RouteName[]; setup: RouteDelay }[] = [];
  for (const route of ROUTE_NAMES) {
    const setup = resolveRoute(profile, route);
    const same = groups.find((group) => group.setup.delay === setup.delay && group.setup.clamp === setup.clamp);
    if (same) same.routes.push(route);
    else groups.push({ routes: [route], setup });
  }
  return groups;
}

function renderSetup(profile: Profile, route: RouteName, setup: RouteDelay, options: ResolvedRenderOptions): string[] {
  const { delay, clamp } = setup;
  const draws = new Float64Array(options.samples);
  let sum = 0;
  for (let n = 0; n < draws.length; n++) {
    draws[n] = sampleDelay(profile, route, SHOW_KEY, n);
    sum += draws[n] ?? 0;
  }
  draws.sort();
  const theory = (p: number) => {
    const value = quantile(delay, p);
    return Number.isFinite(value) ? finishDelay(value, clamp) : (clamp?.max ?? Infinity);
  };

  const lines = [`delay  ${describeDistribution(delay)}`, `clamp  ${describeClamp(clamp)}`];
  if (clamp?.max === undefined && !Number.isFinite(quantile(delay, 1))) {
    lines.push('note   unbounded tail and no clamp.max: a rare delay can be very long; consider a clamp');
  }
  lines.push('', `${''.padEnd(7)}${'theory'.padStart(12)}${'sampled'.padStart(12)}`);
  for (const [label, p] of PERCENTILES) {
    lines.push(`${label.padEnd(7)}${fmt(theory(p)).padStart(12)}${fmt(nearestRank(draws, p)).padStart(12)}`);
  }
  lines.push(`${'mean'.padEnd(7)}${'—'.padStart(12)}${fmt(sum / draws.length).padStart(12)}`);
  lines.push(`${'min'.padEnd(7)}${fmt(theory(0)).padStart(12)}${fmt(draws[0] ?? Number.NaN).padStart(12)}`);
  lines.push(`${'max'.padEnd(7)}${fmt(theory(1)).padStart(12)}${fmt(draws[draws.length - 1] ?? Number.NaN).padStart(12)}`);
  lines.push(`(ms; sampled = ${draws.length} draws, rounded to 0.01 ms and clamped, like the server's)`);
  lines.push('', ...renderHistogram(draws, options));
  return lines;
}

/**
 * Histogram lines for sorted draws, from the smallest draw up to the sampled
 * p99.9, then one `>` row for the rest. Bins are logarithmic (Renard-series
 * edges: 10, 12.5, 16, 20, 25...) when the draws span 10x or more above a
 * positive minimum, so a lognormal body and a far mode both keep their shape;
 * linear with round edges (1, 2, 2.5 or 5 × 10^k) otherwise.
 */
export function renderHistogram(sorted: Float64Array, options: { width: number; bins: number }): string[] {
  const lo = sorted[0];
  if (lo === undefined) return [];
  const top = nearestRank(sorted, 0.999);
  const rows: { label: string; count: number }[] = [];
  let last = lo;
  if (top <= lo) {
    rows.push({ label: `${fmt(lo)} ms`, count: countAtMost(sorted, lo) });
  } else if (top - lo < RESOLUTION_MS) {
    // Narrower than the delays' own rounding: one bin says all there is (and avoids subnormal steps).
    last = top;
    rows.push({ label: `${fmt(lo)}–${fmt(top)} ms`, count: countAtMost(sorted, top) });
  } else {
    const { edges, label } = lo >= LOG_FLOOR_MS && top / lo >= 10 ? logEdges(lo, top, options.bins) : linearEdges(lo, top, options.bins);
    let below = 0;
    for (let i = 1; i < edges.length; i++) {
      const from = edges[i - 1] ?? lo;
      last = edges[i] ?? top;
      const upTo = countAtMost(sorted, last);
      rows.push({ label: `${label(from)}–${label(last)} ms`, count: upTo - below });
      below = upTo;
    }
  }
  const over = sorted.length - countAtMost(sorted, last);
  if (over > 0) rows.push({ label: `> ${fmt(last)} ms`, count: over });

  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const most = Math.max(...rows.map((row) => row.count));
  return rows.map(({ label, count }) => {
    const share = ((100 * count) / sorted.length).toFixed(1);
    return `${label.padStart(labelWidth)} │${bar(count, most, options.width)} ${String(count).padStart(7)} ${share.padStart(5)}%`;
  });
}

// Delays are rounded to 0.01 ms: no bin is narrower than that.
const RESOLUTION_MS = 0.01;
// Below 1 ms (the timer resolution that applies the delay) log bins would only magnify noise.
const LOG_FLOOR_MS = 1;

interface Edges {
  edges: number[];
  label: (edge: number) => string;
}

function linearEdges(lo: number, top: number, bins: number): Edges {
  const step = niceStep(top - lo, bins);
  const decimals = decimalsOf(step);
  const start = Math.floor(lo / step) * step;
  const count = Math.max(1, Math.ceil((top - start) / step - 1e-9));
  const edges = Array.from({ length: count + 1 }, (_, i) => start + i * step);
  return { edges, label: (edge) => edge.toFixed(decimals) };
}

const RENARD = [
  [1, 1.6, 2.5, 4, 6.3],
  [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8],
  [1, 1.12, 1.25, 1.4, 1.6, 1.8, 2, 2.24, 2.5, 2.8, 3.15, 3.55, 4, 4.5, 5, 5.6, 6.3, 7.1, 8, 9],
] as const;

function logEdges(lo: number, top: number, bins: number): Edges {
  const decades = Math.log10(top / lo);
  const series = RENARD.reduce((best, r) => (Math.abs(r.length * decades - bins) < Math.abs(best.length * decades - bins) ? r : best));
  // Series values from the decade below `lo` until one reaches `top`; keep the stretch that covers [lo, top].
  const candidates: number[] = [];
  for (let power = Math.floor(Math.log10(lo)) - 1; (candidates.at(-1) ?? 0) < top; power++) {
    for (const mantissa of series) candidates.push(Number((mantissa * 10 ** power).toPrecision(12)));
  }
  const first = candidates.findLastIndex((edge) => edge <= lo);
  const end = candidates.findIndex((edge) => edge >= top);
  return { edges: candidates.slice(Math.max(0, first), end + 1), label: (edge) => String(Number(edge.toPrecision(3))) };
}

function bar(count: number, most: number, width: number): string {
  const eighths = Math.round((count / most) * width * 8);
  let text = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
  if (text === '' && count > 0) text = '▏';
  return text.padEnd(width);
}

// Draws ≤ x in sorted order.
function countAtMost(sorted: Float64Array, x: number): number {
  return upperBound(sorted, x);
}

function decimalsOf(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 6;
}

function fmt(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(2) : ms > 0 ? '∞' : String(ms);
}

function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}
