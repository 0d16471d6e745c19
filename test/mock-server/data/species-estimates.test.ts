import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateBaseExperience,
  estimateEffort,
  estimateHeight,
  evolutionPlaces,
  familyOrder,
} from '../../../mock-server/data/species-estimates.ts';

const ROOT = { depth: 0, below: 2, special: false };
const MIDDLE = { depth: 1, below: 1, special: false };
const FINAL = { depth: 2, below: 0, special: false };
const SINGLE = { depth: 0, below: 0, special: false };

/** A random forest over ids 1..n: each id's parent, if any, is another id (no cycles: parents come earlier in a shuffled order). */
const forest = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i + 1),
        { minLength: n, maxLength: n },
      ),
      fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([order, picks]) => {
    const parentOf = new Map<number, number>();
    order.forEach((id, i) => {
      const pick = picks[i];
      if (i > 0 && pick !== undefined) parentOf.set(id, order[pick % i] ?? id);
    });
    return { ids: order.toSorted((a, b) => a - b), parentOf };
  });

describe('estimateBaseExperience', () => {
  it("reproduces PokeAPI's values for the species the factors were set from", () => {
    expect(estimateBaseExperience([45, 49, 49, 65, 65, 45], ROOT)).toBe(64); // bulbasaur
    expect(estimateBaseExperience([60, 62, 63, 80, 80, 60], MIDDLE)).toBe(142); // ivysaur
    expect(estimateBaseExperience([80, 82, 83, 100, 100, 80], FINAL)).toBe(236); // venusaur
    expect(estimateBaseExperience([75, 100, 95, 40, 70, 110], SINGLE)).toBe(172); // tauros
    expect(estimateBaseExperience([106, 110, 90, 154, 90, 130], { ...SINGLE, special: true })).toBe(340); // mewtwo
  });
});

describe('estimateEffort', () => {
  it('puts all points on the first highest stat', () => {
    expect(estimateEffort([45, 49, 49, 65, 65, 45], ROOT)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(estimateEffort([80, 82, 83, 100, 100, 80], FINAL)).toEqual([0, 0, 0, 3, 0, 0]);
  });

  it('yields 1 to 3 points in total', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 6, maxLength: 6 }),
        fc.record({ depth: fc.nat(3), below: fc.nat(3), special: fc.boolean() }),
        (stats, place) => {
          const total = estimateEffort(stats as unknown as [number, number, number, number, number, number], place).reduce((a, b) => a + b, 0);
          expect(total).toBeGreaterThanOrEqual(1);
          expect(total).toBeLessThanOrEqual(3);
        },
      ),
    ));
});

describe('estimateHeight', () => {
  it('grows with weight and is at least 1 dm', () =>
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [light, heavy] = a <= b ? [a, b] : [b, a];
        expect(estimateHeight(light)).toBeGreaterThanOrEqual(1);
        expect(estimateHeight(light)).toBeLessThanOrEqual(estimateHeight(heavy));
      }),
    ));
});

describe('familyOrder', () => {
  it('places a family where its lowest dex number falls, root first', () => {
    const order = familyOrder([1, 25, 26, 172], new Map([[25, 172], [26, 25]]));
    expect([...order.entries()]).toEqual([[1, 1], [172, 2], [25, 3], [26, 4]]);
  });

  it('numbers every id exactly once, from 1 to n', () =>
    fc.assert(
      fc.property(forest, ({ ids, parentOf }) => {
        const order = familyOrder(ids, parentOf);
        expect([...order.values()].toSorted((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
      }),
    ));

  it('puts every species after its parent', () =>
    fc.assert(
      fc.property(forest, ({ ids, parentOf }) => {
        const order = familyOrder(ids, parentOf);
        for (const [child, parent] of parentOf) expect(order.get(child)).toBeGreaterThan(order.get(parent) ?? Infinity);
      }),
    ));
});

describe('evolutionPlaces', () => {
  it('counts stages before and after each species', () => {
    const places = evolutionPlaces([1, 2, 3, 4], new Map([[2, 1], [3, 2]]));
    expect(places.get(1)).toEqual({ depth: 0, below: 2 });
    expect(places.get(2)).toEqual({ depth: 1, below: 1 });
    expect(places.get(3)).toEqual({ depth: 2, below: 0 });
    expect(places.get(4)).toEqual({ depth: 0, below: 0 });
  });
});
