/**
 * Good, warning or bad: the one judgement the reports colour by (ANSI in the
 * terminal, a CSS class in HTML). The thresholds live here so every report
 * paints the same cell the same way.
 */

import type { Verdict } from '../results/index.ts';

/** How a value reads at a glance; `unknown` is "the data cannot say". */
export type Tone = 'good' | 'warn' | 'bad' | 'unknown';

/** Efficiency at or above this is good (within 20% of what the delays allow). */
export const EFFICIENCY_GOOD = 0.8;
/** Efficiency at or above this (and below {@link EFFICIENCY_GOOD}) is a warning. */
export const EFFICIENCY_WARN = 0.5;
/**
 * Efficiency above this means the run beat the model: the server did not
 * apply its delay, a bug (docs/design.md). The 2% slack absorbs clock granularity.
 */
export const EFFICIENCY_IMPOSSIBLE = 1.02;

/**
 * The tone of a verdict: `flat` good, `partial` a warning (it grows, by
 * 1/k), `linear` bad, `inconclusive` unknown (rerun with more repetitions).
 */
export function verdictTone(verdict: Verdict): Tone {
  switch (verdict.class) {
    case 'flat':
      return 'good';
    case 'linear':
    case 'invalid':
      return 'bad';
    case 'partial':
      return 'warn';
    case 'inconclusive':
      return 'unknown';
  }
}

/** The tone of an efficiency (ideal / measured); see the thresholds above. */
export function efficiencyTone(efficiency: number): Tone {
  if (!Number.isFinite(efficiency)) return 'unknown';
  if (efficiency > EFFICIENCY_IMPOSSIBLE) return 'bad';
  if (efficiency >= EFFICIENCY_GOOD) return 'good';
  if (efficiency >= EFFICIENCY_WARN) return 'warn';
  return 'bad';
}
