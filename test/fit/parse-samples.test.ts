import { describe, expect, it } from 'vitest';
import { parseSamples } from '../../src/fit/parse-samples.ts';

const numbers = Array.from({ length: 20 }, (_, i) => i + 1);

describe('parseSamples', () => {
  it('reads JSON when the text starts with [ or {, HAR when it has a log object, CSV otherwise', () => {
    expect(parseSamples(JSON.stringify(numbers), 'a').format).toBe('json');
    expect(parseSamples(`  \n${JSON.stringify(numbers.map((ms) => ({ ms })))}`, 'b').format).toBe('json');
    const har = { log: { entries: numbers.map((wait) => ({ time: wait + 1, timings: { wait } })) } };
    expect(parseSamples(JSON.stringify(har), 'c')).toMatchObject({ format: 'har', values: numbers });
    expect(parseSamples(numbers.join('\n'), 'd')).toMatchObject({ format: 'csv', values: numbers });
  });

  it('names the file when text that starts like JSON does not parse', () => {
    expect(() => parseSamples('[1, 2,', 'broken.json')).toThrow('Failed to read samples from broken.json: it starts like JSON but is not valid JSON');
  });
});
