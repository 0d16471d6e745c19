import { describe, expect, it } from 'vitest';
import { PokebenchError, ResultsInvalidError } from '../../mock-server/errors/index.ts';
import { validateResults } from '../../src/results/index.ts';
import { buildResults } from '../gate/build-results.ts';
import { FIXTURE_NAMES, loadFixtureJson } from '../report/fixtures.ts';

/** A JSON copy of a built results object, to break. */
function json(): Record<string, any> {
  return JSON.parse(JSON.stringify(buildResults())) as Record<string, any>;
}

function failure(value: unknown): ResultsInvalidError {
  try {
    validateResults(value, 'baseline.json');
  } catch (error) {
    if (error instanceof ResultsInvalidError) return error;
    throw error;
  }
  throw new Error('validateResults accepted it');
}

describe('validateResults', () => {
  it('returns a valid results object with the same content', () => {
    const results = buildResults();
    expect(validateResults(json(), 'baseline.json')).toEqual(results);
  });

  it.each(FIXTURE_NAMES)('accepts the fixture results-%s.json', (name) => {
    expect(() => validateResults(loadFixtureJson(name), name)).not.toThrow();
  });

  it('reads a number written as null (NaN after JSON) back as NaN, and drops fields it does not know', () => {
    const file = json();
    file['strategies'][0].scaling.slope = null;
    file['strategies'][0].points[0].latency.p99 = null;
    file['extra'] = { from: 'a newer minor' };
    const results = validateResults(file, 'baseline.json');
    expect(results.strategies[0]?.scaling.slope).toBeNaN();
    expect(results.strategies[0]?.points[0]?.latency.p99).toBeNaN();
    expect(results).not.toHaveProperty('extra');
  });

  it('throws ERR_POKEBENCH_RESULTS_INVALID, a PokebenchError naming the file and the field', () => {
    const file = json();
    delete file['strategies'][1].points[2].runs[3].wallMs;
    const error = failure(file);
    expect(error).toBeInstanceOf(PokebenchError);
    expect(error).toMatchObject({ code: 'ERR_POKEBENCH_RESULTS_INVALID', source: 'baseline.json', field: 'strategies[1].points[2].runs[3].wallMs' });
    expect(error.message).toMatch(/^Failed to read pokebench results from baseline\.json: strategies\[1\]\.points\[2\]\.runs\[3\]\.wallMs is required \(a number\)\./);
  });

  it.each([
    ['a non-object', () => [1, 2], '(root)', /must be a JSON object, got an array/],
    ['another kind of file', () => ({ ...json(), schema: 'autocannon' }), 'schema', /must be "pokebench-results", got a string \("autocannon"\)/],
    ['an unknown version', () => ({ ...json(), version: 1 }), 'version', /1 is not a version this pokebench reads \(it reads 2\)/],
    ['a negative wall time', () => edit((f) => (f['strategies'][0].points[0].runs[0].wallMs = -3)), 'strategies[0].points[0].runs[0].wallMs', /must be > 0/],
    ['a point without runs', () => edit((f) => (f['strategies'][2].points[1].runs = [])), 'strategies[2].points[1].runs', /at least 1 item/],
    ['a fractional N', () => edit((f) => (f['strategies'][0].points[0].n = 2.5)), 'strategies[0].points[0].n', /must be an integer/],
    ['a missing verdict', () => edit((f) => delete f['strategies'][0].scaling.verdict), 'strategies[0].scaling.verdict', /is required|must be/],
    ['a verdict written as a label', () => edit((f) => (f['strategies'][0].scaling.verdict = 'partial(1/4)')), 'strategies[0].scaling.verdict', /must be an object/],
    ['an unknown payload', () => edit((f) => (f['settings'].payload = 'huge')), 'settings.payload', /must be "slim" or "realistic", got a string \("huge"\)/],
    ['a missing profile name', () => edit((f) => delete f['settings'].profile.name), 'settings.profile.name', /is required/],
    ['a string cpu count', () => edit((f) => (f['machine'].cpus = '2')), 'machine.cpus', /must be a number, got a string \("2"\)|must be an integer, got a string \("2"\)/],
    ['a repeated strategy', () => edit((f) => f['strategies'].push(f['strategies'][0])), 'strategies[3].name', /repeats "sequential" of strategies\[0\]/],
    ['a repeated N', () => edit((f) => f['strategies'][1].points.push(f['strategies'][1].points[0])), 'strategies[1].points[3].n', /repeats N = 10 of points\[0\]/],
  ])('rejects %s, naming the field', (_name, make, field, message) => {
    const error = failure(make());
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

function edit(change: (file: Record<string, any>) => unknown): Record<string, any> {
  const file = json();
  change(file);
  return file;
}
