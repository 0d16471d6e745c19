import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_NAMES } from '../../src/fit/candidate.ts';
import { pickCandidate, type ScoredCandidate } from '../../src/fit/pick-candidate.ts';
import { InvalidArgumentError } from '../../src/stats/index.ts';

const options = { tieMargin: 0.01, fallbackKs: 0.05 };
const scored = (name: ScoredCandidate['name'], ks: number, parameters: number): ScoredCandidate => ({ name, ks, parameters });

describe('pickCandidate', () => {
  it('picks the smallest KS distance when no other is within the tie margin', () => {
    const pick = pickCandidate([scored('lognormal', 0.03, 2), scored('mixture', 0.012, 5), scored('empirical', 0.005, 25)], options);
    expect(pick.name).toBe('mixture');
    expect(pick.reason).toBe('smallest D = 0.0120');
  });

  it('breaks a near tie toward fewer parameters, and says so', () => {
    const pick = pickCandidate([scored('lognormal', 0.02, 2), scored('mixture', 0.012, 5)], options);
    expect(pick.name).toBe('lognormal');
    expect(pick.reason).toContain('fewer parameters (2 vs 5)');
  });

  it('breaks a tie between equally many parameters by the smaller D', () => {
    expect(pickCandidate([scored('lognormal', 0.02, 2), scored('exponential', 0.015, 2)], options).name).toBe('exponential');
  });

  it('never lets empirical compete: it is the fallback, even with the smallest D', () => {
    expect(pickCandidate([scored('lognormal', 0.04, 2), scored('empirical', 0.001, 25)], options).name).toBe('lognormal');
  });

  it('falls back to empirical when the best parametric D is above fallbackKs, or nothing parametric was fitted', () => {
    const far = pickCandidate([scored('lognormal', 0.2, 2), scored('mixture', 0.08, 5), scored('empirical', 0.01, 25)], options);
    expect(far.name).toBe('empirical');
    expect(far.reason).toContain('best: mixture, D = 0.0800');
    expect(pickCandidate([scored('empirical', 0.01, 25)], options)).toEqual({ name: 'empirical', reason: 'no parametric candidate could be fitted' });
  });

  it('throws InvalidArgumentError on no candidates', () => {
    expect(() => pickCandidate([], options)).toThrow(InvalidArgumentError);
  });

  it('picks a parametric candidate within the tie margin of the smallest parametric D, with the fewest parameters among those (law)', () =>
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ name: fc.constantFrom(...CANDIDATE_NAMES.filter((n) => n !== 'empirical')), ks: fc.double({ min: 0, max: 0.04, noNaN: true }), parameters: fc.integer({ min: 1, max: 6 }) }),
          { minLength: 1, maxLength: 4, selector: (c) => c.name },
        ),
        fc.double({ min: 0, max: 0.02, noNaN: true }),
        (candidates, tieMargin) => {
          const pick = pickCandidate(candidates, { tieMargin, fallbackKs: 0.05 });
          const best = Math.min(...candidates.map((c) => c.ks));
          const picked = candidates.find((c) => c.name === pick.name);
          if (!picked) throw new Error('picked a candidate that was not offered');
          expect(picked.ks).toBeLessThanOrEqual(best + tieMargin);
          const tied = candidates.filter((c) => c.ks <= best + tieMargin);
          expect(picked.parameters).toBe(Math.min(...tied.map((c) => c.parameters)));
        },
      ),
    ));
});
