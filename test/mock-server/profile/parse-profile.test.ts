import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PokebenchError } from '../../../mock-server/errors/index.ts';
import { formatPath, parseProfile } from '../../../mock-server/profile/parse-profile.ts';
import { ProfileError } from '../../../mock-server/errors/index.ts';
import { DISTRIBUTION_TYPES, ROUTE_NAMES } from '../../../mock-server/profile/schema.ts';
import { profile } from './arbitraries.ts';

function failure(json: unknown, source?: string): ProfileError {
  try {
    parseProfile(json, source);
  } catch (error) {
    if (error instanceof ProfileError) return error;
    throw error;
  }
  throw new Error('expected parseProfile to throw a ProfileError');
}

const withDelay = (delay: unknown) => ({ delay });

// [rule, profile JSON, path named, rule named]
const RULES: [string, unknown, string, string][] = [
  ['fixed ms is non-negative', withDelay({ type: 'fixed', ms: -1 }), 'delay.ms', 'must be >= 0'],
  ['uniform min is non-negative', withDelay({ type: 'uniform', min: -1, max: 5 }), 'delay.min', 'must be >= 0'],
  ['uniform min ≤ max', withDelay({ type: 'uniform', min: 9, max: 5 }), 'delay.min', 'must be <= max (5)'],
  ['normal mean is non-negative', withDelay({ type: 'normal', mean: -5, sd: 1 }), 'delay.mean', 'must be >= 0'],
  ['normal sd > 0', withDelay({ type: 'normal', mean: 5, sd: 0 }), 'delay.sd', 'must be > 0'],
  ['lognormal median > 0', withDelay({ type: 'lognormal', median: 0, sigma: 1 }), 'delay.median', 'must be > 0'],
  ['lognormal sigma > 0', withDelay({ type: 'lognormal', median: 90, sigma: 0 }), 'delay.sigma', 'must be > 0'],
  ['exponential mean > 0', withDelay({ type: 'exponential', mean: 0 }), 'delay.mean', 'must be > 0'],
  ['exponential shift is non-negative', withDelay({ type: 'exponential', mean: 5, shift: -1 }), 'delay.shift', 'must be >= 0'],
  ['pareto scale > 0', withDelay({ type: 'pareto', scale: 0, alpha: 2 }), 'delay.scale', 'must be > 0'],
  ['pareto alpha > 0', withDelay({ type: 'pareto', scale: 5, alpha: -1 }), 'delay.alpha', 'must be > 0'],
  ['pareto shift is non-negative', withDelay({ type: 'pareto', scale: 5, alpha: 2, shift: -2 }), 'delay.shift', 'must be >= 0'],
  ['a mixture has at least one component', withDelay({ type: 'mixture', components: [] }), 'delay.components', 'must have at least 1 component'],
  [
    'mixture weights > 0',
    withDelay({ type: 'mixture', components: [{ weight: 0, dist: { type: 'fixed', ms: 1 } }] }),
    'delay.components[0].weight',
    'must be > 0',
  ],
  [
    'a mixture component follows its own rules',
    withDelay({ type: 'mixture', components: [{ weight: 1, dist: { type: 'lognormal', median: 1, sigma: -1 } }] }),
    'delay.components[0].dist.sigma',
    'must be > 0',
  ],
  ['empirical samples: at least one', withDelay({ type: 'empirical', samples: [] }), 'delay.samples', 'must have at least 1 sample'],
  ['empirical samples are non-negative', withDelay({ type: 'empirical', samples: [1, -2] }), 'delay.samples[1]', 'must be >= 0'],
  ['empirical needs samples or percentiles', withDelay({ type: 'empirical' }), 'delay', 'must have exactly one of "samples" or "percentiles"'],
  [
    'empirical takes samples or percentiles, not both',
    withDelay({ type: 'empirical', samples: [1], percentiles: { '0': 1, '100': 2 } }),
    'delay',
    'must have exactly one of "samples" or "percentiles"',
  ],
  [
    'percentile keys are percentiles',
    withDelay({ type: 'empirical', percentiles: { '0': 1, p50: 5, '100': 9 } }),
    'delay.percentiles.p50',
    'must be a percentile from "0" to "100"',
  ],
  [
    'percentile keys are at most 100',
    withDelay({ type: 'empirical', percentiles: { '0': 1, '150': 5, '100': 9 } }),
    'delay.percentiles["150"]',
    'must be a percentile from "0" to "100"',
  ],
  [
    'percentiles include 0 and 100',
    withDelay({ type: 'empirical', percentiles: { '50': 90, '99': 800 } }),
    'delay.percentiles',
    'must include "0" and "100"',
  ],
  [
    'percentiles are increasing',
    withDelay({ type: 'empirical', percentiles: { '0': 10, '50': 90, '90': 80, '100': 200 } }),
    'delay.percentiles["90"]',
    'must be >= the value at percentile "50" (90)',
  ],
  [
    'percentile values are non-negative',
    withDelay({ type: 'empirical', percentiles: { '0': -1, '100': 200 } }),
    'delay.percentiles["0"]',
    'must be >= 0',
  ],
  [
    'a percentile appears once',
    withDelay({ type: 'empirical', percentiles: { '0': 1, '50': 5, '50.0': 6, '100': 9 } }),
    'delay.percentiles["50.0"]',
    'duplicates percentile "50"',
  ],
  ['clamp bounds are non-negative', { ...withDelay({ type: 'fixed', ms: 1 }), clamp: { max: -1 } }, 'clamp.max', 'must be >= 0'],
  ['clamp min ≤ max', { ...withDelay({ type: 'fixed', ms: 1 }), clamp: { min: 50, max: 10 } }, 'clamp.min', 'must be <= max (10)'],
  [
    'a route clamp follows the clamp rules',
    { ...withDelay({ type: 'fixed', ms: 1 }), routes: { 'pokemon-list': { clamp: { min: 50, max: 10 } } } },
    'routes.pokemon-list.clamp.min',
    'must be <= max (10)',
  ],
  [
    'a route delay follows the distribution rules',
    { ...withDelay({ type: 'fixed', ms: 1 }), routes: { pokemon: { delay: { type: 'lognormal', median: 90, sigma: 0 } } } },
    'routes.pokemon.delay.sigma',
    'must be > 0',
  ],
  ['the seed is an integer', { seed: 1.5, ...withDelay({ type: 'fixed', ms: 1 }) }, 'seed', 'must be an integer, got 1.5'],
  ['numbers are numbers', withDelay({ type: 'fixed', ms: '100' }), 'delay.ms', 'must be a number, got a string ("100")'],
  ['the name is a string', { name: 7, ...withDelay({ type: 'fixed', ms: 1 }) }, 'name', 'must be a string, got 7'],
  ['a delay is required', { seed: 1 }, 'delay', 'is required (an object)'],
  ['a distribution has a type', withDelay({ ms: 1 }), 'delay.type', `is required (one of: ${DISTRIBUTION_TYPES.join(', ')})`],
  ['the type is a known one', withDelay({ type: 'gamma', shape: 2 }), 'delay.type', `must be one of: ${DISTRIBUTION_TYPES.join(', ')}; got "gamma"`],
  ['a profile is an object', [], '(root)', 'must be an object, got an array'],
  ['unknown profile keys are errors', { dealy: {}, ...withDelay({ type: 'fixed', ms: 1 }) }, 'dealy', 'unknown field; known fields: name, description, seed, delay, clamp, routes'],
  ['unknown distribution keys are errors', withDelay({ type: 'lognormal', median: 90, sigma: 0.5, sigmaa: 1 }), 'delay.sigmaa', 'unknown field; known fields: type, median, sigma'],
  ['unknown clamp keys are errors', { ...withDelay({ type: 'fixed', ms: 1 }), clamp: { maximum: 5 } }, 'clamp.maximum', 'unknown field; known fields: min, max'],
  ['unknown route-override keys are errors', { ...withDelay({ type: 'fixed', ms: 1 }), routes: { pokemon: { dealy: {} } } }, 'routes.pokemon.dealy', 'unknown field; known fields: delay, clamp'],
  ['unknown routes are errors that list the known ones', { ...withDelay({ type: 'fixed', ms: 1 }), routes: { berry: {} } }, 'routes.berry', `unknown route; known routes: ${ROUTE_NAMES.join(', ')}`],
];

describe('parseProfile', () => {
  it.each(RULES)('rule: %s', (_rule, json, path, rule) => {
    const error = failure(json);
    expect(error.issues).toContainEqual({ path, rule: expect.stringContaining(rule) });
    expect(error.message).toContain(`\n  ${path}: ${rule}`);
  });

  it('reports every issue, one line each, with a stable code', () => {
    const error = failure(
      { seed: 'x', delay: { type: 'lognormal', median: 0, sigma: 0 }, routes: { berry: {} } },
      'fixtures/profiles/broken.json',
    );
    expect(error).toBeInstanceOf(PokebenchError);
    expect(error.code).toBe('ERR_POKEBENCH_PROFILE_INVALID');
    expect(error.name).toBe('ProfileError');
    expect(error.source).toBe('fixtures/profiles/broken.json');
    expect(error.issues.map((issue) => issue.path)).toEqual(['seed', 'delay.median', 'delay.sigma', 'routes.berry']);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Failed to load the latency profile from fixtures/profiles/broken.json: 4 problems.');
    for (const issue of error.issues) expect(lines).toContain(`  ${issue.path}: ${issue.rule}`);
  });

  it('fills the default seed and keeps what it was given', () => {
    const parsed = parseProfile({ name: 'x', delay: { type: 'fixed', ms: 5 } });
    expect(parsed).toEqual({ name: 'x', seed: 1, delay: { type: 'fixed', ms: 5 } });
  });

  it('accepts every profile the arbitraries generate, and returns it unchanged', () =>
    fc.assert(
      fc.property(profile, (p) => {
        const json: unknown = JSON.parse(JSON.stringify(p));
        expect(parseProfile(json)).toEqual(json);
      }),
    ));

  it('accepts equal percentile values (an atom) and all-integer or decimal keys', () => {
    const parsed = parseProfile({ delay: { type: 'empirical', percentiles: { '0': 1, '50': 1, '99.9': 500, '100': 900 } } });
    expect(parsed.delay).toMatchObject({ type: 'empirical' });
  });
});

describe('formatPath', () => {
  it('writes paths the way a reader would', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['routes', 'pokemon-list', 'delay', 'components', 0, 'weight'])).toBe(
      'routes.pokemon-list.delay.components[0].weight',
    );
    expect(formatPath(['delay', 'percentiles', '99.9'])).toBe('delay.percentiles["99.9"]');
  });
});
