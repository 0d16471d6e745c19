/** Pure, I/O-free statistics: the public entry of `src/stats`. */
export { mean, median, quantileSorted, sd, sortedCopy } from './descriptive.ts';
export { summarize } from './summarize.ts';
export type { Summary } from './summarize.ts';
export { leastSquares, rSquared } from './least-squares.ts';
export type { LineFit } from './least-squares.ts';
export { theilSen } from './theil-sen.ts';
export { mulberry32, randomIndex } from './prng.ts';
export type { Rng } from './prng.ts';
export { bootstrapDistribution, percentileInterval, resample } from './bootstrap.ts';
export type { Interval } from './bootstrap.ts';
export { InvalidArgumentError } from '../../mock-server/errors/index.ts';
