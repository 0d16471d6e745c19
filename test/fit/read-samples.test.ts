import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SamplesUnreadableError } from '../../mock-server/errors.ts';
import { readSamples } from '../../src/fit/read-samples.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/fit/${name}`, import.meta.url));

describe('readSamples', () => {
  it('reads the CSV, JSON and HAR fixtures', async () => {
    expect(await readSamples(fixture('api-latency.csv'))).toMatchObject({ format: 'csv', what: 'column "latency_ms"', skipped: 0 });
    expect((await readSamples(fixture('api-latency.csv'))).values).toHaveLength(800);
    expect((await readSamples(fixture('latencies.json'))).values).toHaveLength(200);
    const har = await readSamples(fixture('session.har'));
    expect(har).toMatchObject({ format: 'har', what: 'timings.wait' });
    expect(har.values).toHaveLength(40);
    const total = await readSamples(fixture('session.har'), { harField: 'time' });
    total.values.forEach((time, i) => expect(time).toBeGreaterThan(har.values[i] ?? Infinity));
  });

  it('names the file as given in errors (source), not the resolved path', async () => {
    await expect(readSamples(fixture('bad-cell.csv'), {}, 'bad-cell.csv')).rejects.toThrow('Failed to read samples from bad-cell.csv: line 8, column "latency_ms": "n/a" is not a number');
    await expect(readSamples(fixture('too-few.csv'), {}, 'too-few.csv')).rejects.toThrow('too-few.csv: 12 valid latencies, need at least 20');
  });

  it('fails with SamplesUnreadableError naming a missing file or a directory', async () => {
    await expect(readSamples(fixture('no-such.csv'), {}, 'no-such.csv')).rejects.toThrow(SamplesUnreadableError);
    await expect(readSamples(fixture('no-such.csv'), {}, 'no-such.csv')).rejects.toThrow('Failed to read samples from no-such.csv: no such file.');
    await expect(readSamples(fixture(''), {}, 'fit/')).rejects.toThrow('fit/: it is a directory');
  });
});
