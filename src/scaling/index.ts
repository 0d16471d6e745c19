/** Scaling analysis: the public entry of `src/scaling`. */
export { analyzeScaling } from './analyze-scaling.ts';
export type { ScalingAnalysis, ScalingInput, SweepPoint } from './analyze-scaling.ts';
export { decideVerdict, invalidVerdict } from './verdict.ts';
export type { PointCause, ScalingVerdict, VerdictInput } from './verdict.ts';
export { classifyComplexity, COMPLEXITY_CLASSES } from './complexity.ts';
export type { ComplexityClass, ComplexityFit, ComplexityResult } from './complexity.ts';
export {
  BOOTSTRAP_RESAMPLES,
  COMPLEXITY_RMS_FLOOR,
  CONFIDENCE,
  DEFAULT_SEED,
  COMPLEXITY_MIN_R2,
  FLAT_MAX_SLOPE,
  FLAT_MIN_SLOPE,
  LINEAR_MIN_SLOPE,
  MIN_COMPLEXITY_POINTS,
  MIN_DISTINCT_N,
  MIN_REPETITIONS,
  NO_GROWTH_SLOPE,
  PARTIAL_MARGIN,
  SERIAL_SLOPE,
} from './thresholds.ts';
export { analyzeStrategyScaling } from './strategy-scaling.ts';
export type { StrategyScalingPoint } from './strategy-scaling.ts';
