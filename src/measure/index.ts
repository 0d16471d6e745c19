/** The measurement: the public entry of `src/measure`. */
export { measureTrial, defaultIds, resolveRunOptions, POKEMON_COUNT } from './measure-trial.ts';
export type { MeasureTrialOptions, TrialResult } from './measure-trial.ts';
export { fastestProbe, speedProbe, warmSpeedProbe } from './speed-probe.ts';
export { measureRepeated } from './measure-repeated.ts';
export type { MeasureRepeatedOptions, RepeatedResult } from './measure-repeated.ts';
export { summarizeRepeats } from './repeat-summary.ts';
export type { RepeatSummary } from './repeat-summary.ts';
export { countOutcomes, appliedDelays, alignedDelays, trialDelays } from './outcome-counts.ts';
export { startLoopMonitor, summarizeLoopHistogram } from './event-loop-delay.ts';
export type { EventLoopDelay, LoopDelayMonitor, LoopHistogram } from './event-loop-delay.ts';
export { MeasurementInvariantError } from '../../mock-server/errors/index.ts';
export { classifyFailure, describeFailures, lostByCode, TIMEOUT_CODE, UNKNOWN_CODE } from './failure-cause.ts';
export type { FailureCause } from './failure-cause.ts';
export { pointValidity, LOSING_FAULTS, UNKNOWN_FAULTS_LOSS_THRESHOLD } from './validity.ts';
export type { PointValidity, TrialLosses } from './validity.ts';
