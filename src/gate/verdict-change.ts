/**
 * Scaling verdicts compared strategy by strategy. A change of scaling class
 * between two conclusive verdicts always fails the gate (docs/design.md: "a change
 * of scaling class always fails"), whichever way it goes: a sequential
 * strategy turning flat is as much a sign that the code no longer does what it
 * claims as a pool turning linear, and the baseline should be renewed on purpose.
 * An `inconclusive` verdict on either side is reported but never fails by itself.
 */

/** The scaling verdict label written for a strategy that could not be decided. */
export const INCONCLUSIVE_VERDICT = 'inconclusive';

/** How a strategy's verdict moved between the baseline and the current run, as a tagged union on `kind`. */
export type VerdictChange =
  | {
      /** Both verdicts conclusive and different: fails the gate. */
      kind: 'class-changed';
      strategy: string;
      baseline: string;
      current: string;
      /** `worse` when the nominal slope grew (flat → partial → linear), `better` when it shrank, `unordered` for labels without one. */
      direction: 'worse' | 'better' | 'unordered';
    }
  | {
      /** One side or both could not decide: reported, never fails by itself. */
      kind: 'inconclusive';
      strategy: string;
      baseline: string;
      current: string;
      side: 'baseline' | 'current' | 'both';
    };

/**
 * Compare one strategy's verdicts; `null` when they agree.
 *
 * @example compareVerdicts('bounded(4)', 'partial(1/4)', 'linear')
 * // { kind: 'class-changed', strategy: 'bounded(4)', baseline: 'partial(1/4)', current: 'linear', direction: 'worse' }
 */
export function compareVerdicts(strategy: string, baseline: string, current: string): VerdictChange | null {
  const baselineOpen = baseline === INCONCLUSIVE_VERDICT;
  const currentOpen = current === INCONCLUSIVE_VERDICT;
  if (baselineOpen || currentOpen) {
    const side = baselineOpen && currentOpen ? 'both' : baselineOpen ? 'baseline' : 'current';
    return { kind: 'inconclusive', strategy, baseline, current, side };
  }
  if (baseline === current) return null;
  const from = nominalSlope(baseline);
  const to = nominalSlope(current);
  const direction = from === undefined || to === undefined || from === to ? 'unordered' : to > from ? 'worse' : 'better';
  return { kind: 'class-changed', strategy, baseline, current, direction };
}

/** The slope a verdict label stands for: flat 0, partial(1/k) 1/k, linear 1; `undefined` for any other label. */
export function nominalSlope(label: string): number | undefined {
  if (label === 'flat') return 0;
  if (label === 'linear') return 1;
  const match = /^partial\(1\/(\d+)\)$/.exec(label);
  const k = match ? Number(match[1]) : Number.NaN;
  return k >= 1 ? 1 / k : undefined;
}
