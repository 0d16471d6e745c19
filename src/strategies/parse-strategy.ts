/** Read a strategy from text (`bounded(4)`, `bounded:4`, `sequential`…), for the CLI and configs. */
import type { Strategy } from '../types/index.ts';
import { batched } from './batched.ts';
import { bounded } from './bounded.ts';
import { concurrent } from './concurrent.ts';
import { InvalidStrategySpecError } from '../../mock-server/errors/index.ts';
import { sequential } from './sequential.ts';
import { workers } from './workers.ts';

/** Every form {@link parseStrategy} accepts; a pool without k gets {@link defaultPoolSize}. */
export const STRATEGY_FORMS: readonly string[] = [
  'sequential',
  'concurrent',
  'bounded(k)',
  'bounded:k',
  'bounded',
  'batched(k)',
  'batched:k',
  'batched',
  'workers(k)',
  'workers:k',
  'workers',
];

const POOLS: Record<string, (k?: number) => Strategy> = { bounded, batched, workers };
const PLAIN: Record<string, () => Strategy> = { sequential, concurrent };

// name, then optionally "(k)", "()" or ":k"; k is digits only, so "-1" or
// "2.5" fail here with the list of forms rather than deeper down.
const SPEC = /^([a-z]+)(?:\((\d*)\)|:(\d+))?$/;

/**
 * The strategy a piece of text names. Case and surrounding spaces are ignored.
 *
 * @throws InvalidStrategySpecError (code `ERR_INVALID_STRATEGY`) naming the
 *   text and listing {@link STRATEGY_FORMS} when it does not parse;
 *   InvalidPoolSizeError (code `ERR_INVALID_K`) for k = 0.
 * @example parseStrategy('bounded:4').name // 'bounded(4)'
 */
export function parseStrategy(text: string): Strategy {
  const match = SPEC.exec(String(text).trim().toLowerCase().replace(/\s+/g, ''));
  if (match === null) throw new InvalidStrategySpecError(String(text), 'not of the form name, name(k) or name:k', STRATEGY_FORMS);
  const [, name = '', digits] = match;
  const kText = digits || match[3];
  const plain = PLAIN[name];
  if (plain !== undefined) {
    if (kText !== undefined) throw new InvalidStrategySpecError(text, `${name} takes no k`, STRATEGY_FORMS);
    return plain();
  }
  const pool = POOLS[name];
  if (pool === undefined) throw new InvalidStrategySpecError(text, `unknown strategy "${name}"`, STRATEGY_FORMS);
  return kText === undefined ? pool() : pool(Number(kText));
}
