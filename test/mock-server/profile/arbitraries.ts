/**
 * fast-check arbitraries for valid distributions and profiles, shared by the
 * profile tests. Parameters stay in ranges a latency profile would use.
 */
import fc from 'fast-check';
import type { Distribution, Profile, RouteName } from '../../../mock-server/profile/index.ts';

// `+ 0` turns a generated -0 into 0: the schema and the sampler treat both alike, the assertions need not.
const ms = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);

/** Every leaf (non-mixture) distribution type with valid parameters. */
export const leafDistribution: fc.Arbitrary<Distribution> = fc.oneof(
  ms(0, 1000).map((value): Distribution => ({ type: 'fixed', ms: value })),
  fc
    .tuple(ms(0, 1000), ms(0, 1000))
    .map(([a, b]): Distribution => ({ type: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
  fc.record({ mean: ms(0, 500), sd: ms(0.1, 200) }).map((p): Distribution => ({ type: 'normal', ...p })),
  fc.record({ median: ms(0.5, 500), sigma: ms(0.05, 2) }).map((p): Distribution => ({ type: 'lognormal', ...p })),
  fc
    .record({ mean: ms(0.1, 500), shift: fc.option(ms(0, 100), { nil: undefined }) })
    .map((p): Distribution => ({ type: 'exponential', ...p })),
  fc
    .record({ scale: ms(0.1, 200), alpha: ms(0.3, 5), shift: fc.option(ms(0, 100), { nil: undefined }) })
    .map((p): Distribution => ({ type: 'pareto', ...p })),
  fc.array(ms(0, 1000), { minLength: 1, maxLength: 40 }).map((samples): Distribution => ({ type: 'empirical', samples })),
  percentilesDistribution(),
);

function percentilesDistribution(): fc.Arbitrary<Distribution> {
  const inner = ['1', '5', '10', '25', '50', '75', '90', '95', '99', '99.9'];
  return fc
    .subarray(inner)
    .chain((keys) =>
      fc
        .array(ms(0, 2000), { minLength: keys.length + 2, maxLength: keys.length + 2 })
        .map((values): Distribution => {
          const sorted = values.toSorted((a, b) => a - b);
          const allKeys = ['0', ...keys, '100'];
          return { type: 'empirical', percentiles: Object.fromEntries(allKeys.map((key, i) => [key, sorted[i] ?? 0])) };
        }),
    );
}

/** A mixture of 1-4 components, one of which may itself be a mixture. */
export const mixtureDistribution: fc.Arbitrary<Distribution> = fc
  .array(
    fc.record({ weight: ms(0.01, 10), dist: fc.oneof({ weight: 4, arbitrary: leafDistribution }, { weight: 1, arbitrary: shallowMixture() }) }),
    { minLength: 1, maxLength: 4 },
  )
  .map((components): Distribution => ({ type: 'mixture', components }));

function shallowMixture(): fc.Arbitrary<Distribution> {
  return fc
    .array(fc.record({ weight: ms(0.01, 10), dist: leafDistribution }), { minLength: 1, maxLength: 3 })
    .map((components): Distribution => ({ type: 'mixture', components }));
}

/** Any valid distribution. */
export const distribution: fc.Arbitrary<Distribution> = fc.oneof({ weight: 4, arbitrary: leafDistribution }, { weight: 1, arbitrary: mixtureDistribution });

/** Any valid clamp with both bounds, min ≤ max. */
export const clamp = fc.tuple(ms(0, 1000), ms(0, 1000)).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

/** A safe-integer seed. */
export const seed = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });

/** A route name. */
export const route: fc.Arbitrary<RouteName> = fc.constantFrom('pokemon', 'pokemon-list');

/** A valid profile, with optional clamps and a route override. */
export const profile: fc.Arbitrary<Profile> = fc.record({
  seed,
  delay: distribution,
  clamp: fc.option(clamp, { nil: undefined }),
  routes: fc.option(
    fc.record({ pokemon: fc.record({ delay: fc.option(distribution, { nil: undefined }), clamp: fc.option(clamp, { nil: undefined }) }) }),
    { nil: undefined },
  ),
});
