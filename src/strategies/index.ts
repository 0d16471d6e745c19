/** Fan-out strategies: the public entry of `src/strategies`. */
export { sequential } from './sequential.ts';
export { concurrent } from './concurrent.ts';
export { bounded } from './bounded.ts';
export { batched } from './batched.ts';
export { workers } from './workers.ts';
export { parseStrategy, STRATEGY_FORMS } from './parse-strategy.ts';
export { defaultPoolSize, MAX_DEFAULT_POOL_SIZE, resolvePoolSize } from './pool-size.ts';
export { ABORTED, INVALID_RESULT, runOne } from './run-one.ts';
export { beginTrial, startTrial } from './trial-context.ts';
export type { AbortInFlight, TrialContext } from './trial-context.ts';
export { InvalidPoolSizeError, InvalidStrategyOptionError, InvalidStrategySpecError } from '../../mock-server/errors/index.ts';
