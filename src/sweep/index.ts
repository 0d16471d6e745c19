/**
 * The sweep: strategies measured over a ladder of fan-out sizes, summarized into results.
 */
export { RUN_DEFAULTS, resolveMaxRepeats, resolveStrategies, runBenchmarkWith, strategyLadder, runBenchmark } from './run-benchmark.ts';
export type { RunSeam, RunHooks } from './run-benchmark.ts';
export { runSweep } from './run-sweep.ts';
export type { SweepProgress, SweepOptions, SweepCell } from './run-sweep.ts';
export { measureScaling } from './measure-scaling.ts';
export type { MeasureScalingOptions, ScalingMeasurement, ScalingPoint } from './measure-scaling.ts';
export { buildResults } from './build-results.ts';
export { peerStrategy, isExternal, toTrialResult } from './external-strategy.ts';
export type { ExternalStrategy, PeerStrategyOptions } from './external-strategy.ts';
export { decideRepetition } from './adaptive-repeats.ts';
export type { RepetitionSample } from './adaptive-repeats.ts';
export { modelOfTrial, clientParallelism, loopWork } from './summarize-trials.ts';
export type { SummarizedStrategy } from './summarize-trials.ts';
export { readServerUsage, usageSince } from './server-usage.ts';
