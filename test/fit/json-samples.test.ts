import { describe, expect, it } from 'vitest';
import { SamplesInvalidError } from '../../mock-server/errors.ts';
import { parseJsonSamples } from '../../src/fit/json-samples.ts';

const numbers = Array.from({ length: 25 }, (_, i) => 10 + i / 4);

describe('parseJsonSamples', () => {
  it('reads an array of numbers', () => {
    expect(parseJsonSamples(numbers, 'x.json')).toEqual({ values: numbers, format: 'json', what: undefined, skipped: 0 });
  });

  it('reads the only numeric field of an array of objects, or the one named by --column', () => {
    const objects = numbers.map((ms, i) => ({ url: `/pokemon/${i}`, ms }));
    expect(parseJsonSamples(objects, 'x.json')).toMatchObject({ values: numbers, what: 'field "ms"' });
    const two = numbers.map((ms) => ({ status: 200, ms }));
    expect(parseJsonSamples(two, 'x.json', { column: 'ms' }).values).toEqual(numbers);
    expect(() => parseJsonSamples(two, 'x.json')).toThrow('several fields hold numbers ("status", "ms")');
  });

  it('names the index (and field) of a bad value, and the rule', () => {
    const bad: unknown[] = [...numbers];
    bad[3] = -2;
    expect(() => parseJsonSamples(bad, 'x.json')).toThrow('Failed to read samples from x.json: [3]: -2 is negative; every latency must be a finite number >= 0 (ms).');
    bad[3] = '12';
    expect(() => parseJsonSamples(bad, 'x.json')).toThrow('[3]: the string "12" is not a number');
    bad[3] = null;
    expect(() => parseJsonSamples(bad, 'x.json')).toThrow('[3]: the value is null');
    const objects: Record<string, unknown>[] = numbers.map((ms) => ({ ms }));
    objects[5] = { elapsed: 3 };
    expect(() => parseJsonSamples(objects, 'x.json', { column: 'ms' })).toThrow('[5].ms: the value is missing');
  });

  it('skips and counts bad values with skipInvalid', () => {
    expect(parseJsonSamples([...numbers, -1, null, 'x'], 'x.json', { skipInvalid: true })).toMatchObject({ values: numbers, skipped: 3 });
  });

  it('rejects a non-array, --column on an array of numbers, and --har-field', () => {
    expect(() => parseJsonSamples({ samples: numbers }, 'x.json')).toThrow(SamplesInvalidError);
    expect(() => parseJsonSamples({ samples: numbers }, 'x.json')).toThrow('expected an array of numbers, an array of objects, or a HAR file');
    expect(() => parseJsonSamples(numbers, 'x.json', { column: 'ms' })).toThrow('--column "ms" names a field of objects, but this is an array of numbers');
    expect(() => parseJsonSamples(numbers, 'x.json', { harField: 'wait' })).toThrow('--har-field applies to HAR files');
  });

  it('fails with fewer than 20 values', () => {
    expect(() => parseJsonSamples([1, 2, 3], 'few.json')).toThrow('few.json: 3 valid latencies, need at least 20');
    expect(() => parseJsonSamples([], 'none.json')).toThrow('none.json: 0 valid latencies');
  });
});
