import { describe, expect, it } from 'vitest';
import { checkResults } from '../../src/report/check-results.ts';
import { INVALID_RESULTS, InvalidResultsError } from '../../src/report/report-errors.ts';
import type { Results } from '../../src/results/types.ts';
import { FIXTURE_NAMES, loadFixture } from './fixtures.ts';

function rejection(results: Results): InvalidResultsError {
  try {
    checkResults(results);
  } catch (err) {
    if (err instanceof InvalidResultsError) return err;
    throw err;
  }
  throw new Error('checkResults accepted the results');
}

describe('checkResults', () => {
  it.each(FIXTURE_NAMES)('accepts results-%s.json', (name) => {
    expect(() => checkResults(loadFixture(name))).not.toThrow();
  });

  it('refuses a version it does not know, with a stable code', () => {
    const results = loadFixture('small-ladder');
    (results as { version: number }).version = 2;
    const err = rejection(results);
    expect(err.code).toBe(INVALID_RESULTS);
    expect(err.message).toMatch(/version 2 is not 1/);
  });

  it('refuses another schema', () => {
    const results = loadFixture('small-ladder');
    (results as { schema: string }).schema = 'criterion';
    expect(rejection(results).message).toMatch(/schema is "criterion"/);
  });

  it('refuses two strategies with one name, and two points at one N', () => {
    const twice = loadFixture('small-ladder');
    twice.strategies.push(structuredClone(twice.strategies[0] as Results['strategies'][number]));
    expect(rejection(twice).message).toMatch(/strategy "sequential" appears twice/);
    const sameN = loadFixture('small-ladder');
    const points = (sameN.strategies[1] as Results['strategies'][number]).points;
    points.push(structuredClone(points[0] as (typeof points)[number]));
    expect(rejection(sameN).message).toMatch(/"bounded\(16\)" has two points at N = 1/);
  });
});
