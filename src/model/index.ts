/** The scaling model (the oracle): the public entry of `src/model`. */
export {
  batchedMakespan,
  concurrentMakespan,
  effectivePoolSize,
  idealMakespan,
  listScheduleMakespan,
  sequentialMakespan,
} from './makespan.ts';
export type { StrategyKind } from './makespan.ts';
export { idealStarts } from './schedule.ts';
export { efficiency, overheadPerRequest, roofline } from './roofline.ts';
export type { Roof, Roofline, RooflineInput } from './roofline.ts';
export { simulateFanOut } from './simulate.ts';
export type { FanOutSimulation } from './simulate.ts';
export { modelTrial, roofFix } from './trial-model.ts';
export type { TrialModel, TrialModelInput } from './trial-model.ts';
