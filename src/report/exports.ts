/**
 * The run in the formats of two continuous-benchmarking services, one entry
 * per strategy × N with the median wall time, named `<strategy> N=<n>`.
 *
 * github-action-benchmark, tool `customSmallerIsBetter`: a JSON array of
 * `{ name, unit, value, range?, extra? }`, `range` and `extra` free strings
 * (its `src/extract.ts` `BenchmarkResult`).
 *
 * Bencher Metric Format (https://bencher.dev/docs/reference/bencher-metric-format):
 * `{ "<benchmark name>": { "<measure slug>": { value, lower_value?, upper_value? } } }`.
 * The built-in `latency` measure is in nanoseconds ("Each Project by default
 * has a Latency (ie latency) and Throughput (ie throughput) Measure, which are
 * measured in nanosecond (ns) and operations / second (ops/s) respectively",
 * https://bencher.dev/docs/how-to/track-custom-benchmarks), so ms are × 10⁶.
 */
import type { PointResult, Results } from '../results/index.ts';
import { formatCounts, formatMs, formatRatio } from './format.ts';

/** One entry of github-action-benchmark's `customSmallerIsBetter` input. */
export interface GithubActionBenchmarkEntry {
  /** `<strategy> N=<n>`, e.g. `concurrent N=400`. */
  name: string;
  unit: 'ms';
  /** Median wall time over the repetitions, ms. */
  value: number;
  /** Half the min–max range, `± 1.23` (shown next to the value). */
  range: string;
  /** Ideal, efficiency, repetitions and outcomes, one per line (shown in the tooltip). */
  extra: string;
}

/** A Bencher metric: value with optional bounds, in the measure's unit. */
export interface BencherMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

/** Bencher Metric Format: benchmark name → measure slug → metric. */
export type BencherMetricFormat = Record<string, Record<string, BencherMetric>>;

/** Nanoseconds per millisecond (Bencher's `latency` is in ns). */
const NS_PER_MS = 1e6;

/** The benchmark name of one strategy at one N: `concurrent N=400`. */
export function benchmarkName(strategy: string, n: number): string {
  return `${strategy} N=${n}`;
}

/**
 * github-action-benchmark `customSmallerIsBetter` entries: one per strategy ×
 * N, value the median in ms. Write it as JSON and point the action's
 * `output-file-path` at it with `tool: 'customSmallerIsBetter'`.
 *
 * @example JSON.stringify(toGithubActionBenchmark(results)) // [{"name":"sequential N=1","unit":"ms","value":34.362,…}, …]
 */
export function toGithubActionBenchmark(results: Results): GithubActionBenchmarkEntry[] {
  return results.strategies.flatMap((strategy) =>
    strategy.points.map((point) => ({
      name: benchmarkName(strategy.name, point.n),
      unit: 'ms' as const,
      value: point.medianMs,
      range: `± ${formatMs((point.maxMs - point.minMs) / 2)}`,
      extra: describePoint(point),
    })),
  );
}

/**
 * Bencher Metric Format: for each strategy × N, the `latency` measure with the
 * median as value and the fastest and slowest repetition as bounds, in ns
 * (rounded to whole ns). Feed it to `bencher run --adapter json --file …`.
 *
 * @example toBencherMetricFormat(results)['concurrent N=400'] // { latency: { value: 47128000, lower_value: …, upper_value: … } }
 */
export function toBencherMetricFormat(results: Results): BencherMetricFormat {
  const bmf: BencherMetricFormat = {};
  for (const strategy of results.strategies) {
    for (const point of strategy.points) {
      bmf[benchmarkName(strategy.name, point.n)] = {
        latency: { value: toNs(point.medianMs), lower_value: toNs(point.minMs), upper_value: toNs(point.maxMs) },
      };
    }
  }
  return bmf;
}

function toNs(ms: number): number {
  return Math.round(ms * NS_PER_MS);
}

function describePoint(point: PointResult): string {
  return [
    `ideal ${formatMs(point.idealMs)} ms`,
    `efficiency ${formatRatio(point.efficiency)}`,
    `${point.runs.length} repetitions, min ${formatMs(point.minMs)} ms, max ${formatMs(point.maxMs)} ms`,
    `outcomes ${formatCounts(point.counts)}`,
  ].join('\n');
}
