/** Shared entry check of the line fits: paired, finite, long enough. */
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';

/**
 * Throw unless `xs` and `ys` are equally long, finite, and `xs` holds at
 * least two distinct values (a line through one x is not determined).
 */
export function checkXY(fn: string, xs: readonly number[], ys: readonly number[]): void {
  if (xs.length !== ys.length) {
    throw new InvalidArgumentError('ys', `${fn}: xs and ys must have the same length, got ${xs.length} and ${ys.length}.`);
  }
  for (const [name, values] of [['xs', xs], ['ys', ys]] as const) {
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad !== -1) {
      throw new InvalidArgumentError(name, `${fn}: ${name}[${bad}] must be a finite number, got ${values[bad]}.`);
    }
  }
  if (new Set(xs).size < 2) {
    throw new InvalidArgumentError('xs', `${fn}: xs must hold at least two distinct values to fit a line.`);
  }
}
