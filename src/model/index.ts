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
