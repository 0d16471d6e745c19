/**
 * The server's statistics: latency histograms, nearest-rank percentiles, nice axis steps, merging stats of cluster workers.
 */
export { nearestRank } from './nearest-rank.ts';
export { Histogram } from './histogram.ts';
export type { HistogramSnapshot, HistogramSummary } from './histogram.ts';
export { niceStep } from './nice-step.ts';
export { mergeStats } from './merge-stats.ts';
