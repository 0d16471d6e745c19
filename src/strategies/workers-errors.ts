/** Errors `workers(k)` throws at the entry of `run`, before any request (a run itself records, never throws). */
import { StrategyError } from './errors.ts';

/** The `fetchOne` given to `workers(k)` has no `workerSpec`, so no thread can rebuild it. */
export class WorkerSpecMissingError extends StrategyError {
  override readonly code = 'ERR_CLIENT_NOT_WORKER_SAFE';

  constructor(strategy: string) {
    super(
      `Failed to run ${strategy}: this fetchOne has no workerSpec, so it cannot be rebuilt inside a worker thread ` +
        '(functions do not cross threads). Use createUndiciClient() from src/clients, or set fetchOne.workerSpec = ' +
        '{ module, options } naming a plain .mjs module whose default export builds the client from options.',
    );
    this.name = 'WorkerSpecMissingError';
  }
}

/** The worker threads could not start, or could not build the client from its `workerSpec`. */
export class WorkerStartError extends StrategyError {
  override readonly code = 'ERR_WORKER_START';

  constructor(strategy: string, reason: string, options?: ErrorOptions) {
    super(`Failed to start the threads of ${strategy}: ${reason}. Check that workerSpec.module loads in plain Node and its options are structured-cloneable.`, options);
    this.name = 'WorkerStartError';
  }
}
