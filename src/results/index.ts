/** The results contract: its schemas, types, reader and verdict label. */
export {
  COMPLEXITY_LABELS,
  RESULTS_SCHEMA,
  RESULTS_VERSION,
  latencySummarySchema,
  machineInfoSchema,
  nanNumber,
  outcomeCountsSchema,
  pointResultSchema,
  resultsSchema,
  runSettingsSchema,
  trialSummarySchema,
  scalingSummarySchema,
  strategyResultSchema,
} from './schema.ts';
export { resultsJsonSchema } from './json-schema.ts';
export { loadAverage, machineInfo } from './machine-info.ts';
export { validateResults } from './validate-results.ts';
export { VERDICT_CLASSES, nominalSlope, verdictLabel, verdictSchema } from './verdict.ts';
export type { Verdict, VerdictClass } from './verdict.ts';
export type {
  LatencySummary,
  MachineInfo,
  PointResult,
  Results,
  ResultsJson,
  RunSettings,
  TrialSummary,
  ScalingSummary,
  StrategyResult,
} from './types.ts';
export type { TargetInfo, ShardInfo, PointModelSummary, MockPlacement } from './types.ts';
