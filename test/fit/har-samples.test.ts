import { describe, expect, it } from 'vitest';
import { isHar, parseHarSamples } from '../../src/fit/har-samples.ts';

const waits = Array.from({ length: 22 }, (_, i) => 50 + i);
const har = (entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
const entry = (wait: unknown, time: unknown = 3 + Number(wait)) => ({ time, timings: { blocked: -1, dns: -1, connect: -1, send: 0.5, wait, receive: 2.5 } });

describe('parseHarSamples', () => {
  it('reads timings.wait of every entry by default (time to first byte, what the mock delays)', () => {
    expect(parseHarSamples(har(waits.map((w) => entry(w))), 's.har')).toEqual({ values: waits, format: 'har', what: 'timings.wait', skipped: 0 });
  });

  it("reads each entry's total time with harField 'time'", () => {
    expect(parseHarSamples(har(waits.map((w) => entry(w))), 's.har', { harField: 'time' })).toMatchObject({ values: waits.map((w) => w + 3), what: 'time' });
  });

  it("names the entry of a bad value; HAR's -1 is called out as 'not available'", () => {
    const entries: unknown[] = waits.map((w) => entry(w));
    entries[4] = entry(-1);
    expect(() => parseHarSamples(har(entries), 's.har')).toThrow(
      `Failed to read samples from s.har: log.entries[4].timings.wait: -1 is negative (HAR's "not available"); every latency must be a finite number >= 0 (ms).`,
    );
    entries[4] = { time: 5 };
    expect(() => parseHarSamples(har(entries), 's.har')).toThrow('log.entries[4].timings.wait: the value is missing');
  });

  it('skips and counts bad entries with skipInvalid', () => {
    const entries = [...waits.map((w) => entry(w)), entry(-1), 'not an entry'];
    expect(parseHarSamples(har(entries), 's.har', { skipInvalid: true })).toMatchObject({ values: waits, skipped: 2 });
  });

  it('rejects a HAR without log.entries, and --column', () => {
    expect(() => parseHarSamples({ log: {} }, 's.har')).toThrow('not a HAR file: log.entries must be an array');
    expect(() => parseHarSamples(har(waits.map((w) => entry(w))), 's.har', { column: 'wait' })).toThrow('--column applies to CSV and JSON arrays');
  });

  it('fails with fewer than 20 entries', () => {
    expect(() => parseHarSamples(har(waits.slice(0, 5).map((w) => entry(w))), 's.har')).toThrow('s.har: 5 valid latencies, need at least 20');
  });
});

describe('isHar', () => {
  it('is true for an object with a log object, false for arrays and other objects', () => {
    expect(isHar(har([]))).toBe(true);
    expect(isHar([1, 2])).toBe(false);
    expect(isHar({ log: 'x' })).toBe(false);
    expect(isHar(null)).toBe(false);
  });

  it('a null log is not a HAR file: a clear error, not a crash', () => {
    expect(isHar({ log: null })).toBe(false);
    expect(() => parseHarSamples({ log: null }, 'x.har')).toThrow(/x\.har: not a HAR file/);
  });
});
