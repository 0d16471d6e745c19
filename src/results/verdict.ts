/**
 * A scaling verdict as data: its class, and for a pool the k it is
 * consistent with. Reports print it through {@link verdictLabel}; nothing
 * parses the label back.
 */
import { z } from 'zod';

/** The verdict classes, in the order of the rules that decide them. */
export const VERDICT_CLASSES = ['flat', 'linear', 'partial', 'inconclusive', 'invalid'] as const;

/** One of {@link VERDICT_CLASSES}. */
export type VerdictClass = (typeof VERDICT_CLASSES)[number];

/**
 * A verdict as stored in results: a tagged union on `class`. Add a class by
 * adding a member here (and to {@link VERDICT_CLASSES}); {@link verdictLabel}
 * then refuses to compile until it can print it.
 */
export const verdictSchema = z
  .discriminatedUnion('class', [
    z.object({ class: z.literal('flat') }),
    z.object({ class: z.literal('linear') }),
    z.object({
      class: z.literal('partial'),
      k: z.int().min(1).meta({ description: 'The pool size the slope interval is consistent with (total time grows like 1/k of sequential).' }),
    }),
    z.object({ class: z.literal('inconclusive') }),
    z.object({ class: z.literal('invalid') }),
  ])
  .meta({
    id: 'verdict',
    description: "How total time grows with N: flat, linear, partial (a pool of k) or inconclusive; invalid when a point's runs lost requests to the machine (the point's invalid says why).",
  });

/** A verdict as stored in results. */
export type Verdict = z.output<typeof verdictSchema>;

/**
 * The verdict as reports print it: `flat`, `linear`, `partial(1/4)`, `inconclusive`.
 *
 * @example verdictLabel({ class: 'partial', k: 4 }) // 'partial(1/4)'
 */
export function verdictLabel(verdict: Verdict): string {
  switch (verdict.class) {
    case 'partial':
      return `partial(1/${verdict.k})`;
    case 'flat':
    case 'linear':
    case 'inconclusive':
    case 'invalid':
      return verdict.class;
  }
}

/**
 * The slope a verdict stands for: flat 0, partial 1/k, linear 1; `undefined`
 * for a class that names no slope (inconclusive, invalid).
 */
export function nominalSlope(verdict: Verdict): number | undefined {
  switch (verdict.class) {
    case 'flat':
      return 0;
    case 'linear':
      return 1;
    case 'partial':
      return 1 / verdict.k;
    case 'inconclusive':
    case 'invalid':
      return undefined;
  }
}
