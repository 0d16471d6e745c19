/**
 * Scaling verdicts compared strategy by strategy. A change of scaling class
 * between two conclusive verdicts always fails the gate (docs/design.md: "a change
 * of scaling class always fails"), whichever way it goes: a sequential
 * strategy turning flat is as much a sign that the code no longer does what it
 * claims as a pool turning linear, and the baseline should be renewed on purpose.
 * An `inconclusive` verdict on either side is reported but never fails by itself.
 */
import { nominalSlope, verdictLabel, type Verdict } from '../results/index.ts';

/** How a strategy's verdict moved between the baseline and the current run, as a tagged union on `kind`; verdicts as printed labels. */
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
 * @example compareVerdicts('bounded(4)', { class: 'partial', k: 4 }, { class: 'linear' })
 * // { kind: 'class-changed', strategy: 'bounded(4)', baseline: 'partial(1/4)', current: 'linear', direction: 'worse' }
 */
export function compareVerdicts(strategy: string, baselineVerdict: Verdict, currentVerdict: Verdict): VerdictChange | null {
  const baseline = verdictLabel(baselineVerdict);
  const current = verdictLabel(currentVerdict);
  const baselineOpen = baselineVerdict.class === 'inconclusive';
  const currentOpen = currentVerdict.class === 'inconclusive';
  if (baselineOpen || currentOpen) {
    const side = baselineOpen && currentOpen ? 'both' : baselineOpen ? 'baseline' : 'current';
    return { kind: 'inconclusive', strategy, baseline, current, side };
  }
  if (baseline === current) return null;
  const from = nominalSlope(baselineVerdict);
  const to = nominalSlope(currentVerdict);
  const direction = from === undefined || to === undefined || from === to ? 'unordered' : to > from ? 'worse' : 'better';
  return { kind: 'class-changed', strategy, baseline, current, direction };
}
