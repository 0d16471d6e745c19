/** The machine's limits on a fan-out: the public entry of `src/limits`. */
export { readMachineLimits, procLimitSource, parseOpenFiles, parsePortRange, LIMIT_FILES } from './machine-limits.ts';
export type { LimitSource, MachineLimits } from './machine-limits.ts';
export { checkFanOut, fanOutNeeds, largestFanOut, largestN, DESCRIPTOR_HEADROOM } from './fan-out.ts';
export type { FanOutNeeds, FanOutPlan, FanOutStrategy, LargestN } from './fan-out.ts';
export { renderLimits } from './render-limits.ts';
export { MachineLimitError } from '../../mock-server/errors/index.ts';
