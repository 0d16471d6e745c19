/**
 * Errors a strategy throws, each with a stable `code` to branch on. All are
 * raised at the entry (a factory, `parseStrategy`, or `run` checking its
 * options or setting up): a run itself never throws, it records.
 */

import { PokebenchError } from '../../mock-server/errors.ts';

/**
 * Base class: every strategy error carries a stable `code`. It extends the
 * kit's `PokebenchError`, not `RangeError`, because not all are argument
 * errors (a worker pool failing to start is not); branch on `code`.
 */
export class StrategyError extends PokebenchError {
  constructor(message: string, options?: ErrorOptions) {
    super('ERR_STRATEGY', message, options);
  }
}

/** `k` (slots of bounded, batched or workers) is not a positive integer: the argument is out of range. */
export class InvalidPoolSizeError extends StrategyError {
  override readonly code = 'ERR_INVALID_K';
  /** The option at fault: always `k`. */
  readonly option = 'k';

  constructor(strategy: string, k: unknown) {
    super(`Failed to create ${strategy}(k): k must be a positive integer, got ${String(k)}. Pass k ≥ 1, e.g. ${strategy}(4).`);
    this.name = 'InvalidPoolSizeError';
  }
}

/** A {@link StrategyOptions} field has an unusable value. */
export class InvalidStrategyOptionError extends StrategyError {
  override readonly code = 'ERR_INVALID_STRATEGY_OPTION';
  /** The option at fault, e.g. `timeoutMs`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = 'InvalidStrategyOptionError';
    this.option = option;
  }
}

/** `parseStrategy` could not read the text it was given. */
export class InvalidStrategySpecError extends StrategyError {
  override readonly code = 'ERR_INVALID_STRATEGY';
  /** The text that did not parse. */
  readonly text: string;

  constructor(text: string, reason: string, validForms: readonly string[]) {
    super(`Failed to parse strategy ${JSON.stringify(text)}: ${reason}. Use one of: ${validForms.join(', ')}.`);
    this.name = 'InvalidStrategySpecError';
    this.text = text;
  }
}
