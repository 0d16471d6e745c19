/** Tests of src/fit/samples.ts. */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SamplesInvalidError, TooFewSamplesError, SamplesUnreadableError } from '../../mock-server/errors/index.ts';
import { chooseColumn, isNumeric, judgeCell, judgeValue, LatencyCollector, parseCsvSamples, parseJsonSamples, isHar, parseHarSamples, parseSamples, readSamples } from '../../src/fit/samples.ts';

// ── column-choice ───────────────────────────────────────

describe('chooseColumn', () => {
  const names = ['id', 'status', 'ms'];
  it('takes the requested column, exactly first, then ignoring case', () => {
    expect(chooseColumn(names, [false, true, true], 'ms', 'f', 'column')).toBe(2);
    expect(chooseColumn(['ms', 'MS'], [true, true], 'MS', 'f', 'column')).toBe(1);
    expect(chooseColumn(names, [false, true, true], 'STATUS', 'f', 'column')).toBe(1);
  });

  it('refuses a case-insensitive match that is ambiguous', () => {
    expect(() => chooseColumn(['ms', 'MS'], [true, true], 'Ms', 'f', 'column')).toThrow('--column "Ms" names no column');
  });

  it('takes the only numeric column when none is requested', () => {
    expect(chooseColumn(names, [false, false, true], undefined, 'f', 'column')).toBe(2);
  });

  it('says when no column or several hold numbers, listing them all', () => {
    expect(() => chooseColumn(names, [false, false, false], undefined, 'f.csv', 'column')).toThrow(
      'Failed to read samples from f.csv: no column holds numbers; the columns are "id", "status", "ms".',
    );
    expect(() => chooseColumn(names, [false, true, true], undefined, 'f.json', 'field')).toThrow('several fields hold numbers ("status", "ms")');
  });
});

// ── latency-collector ───────────────────────────────────

describe('judgeValue', () => {
  it('accepts finite numbers >= 0 and says what is wrong with anything else', () => {
    expect(judgeValue(0)).toEqual({ ok: true, value: 0 });
    expect(judgeValue(12.5)).toEqual({ ok: true, value: 12.5 });
    expect(judgeValue(-0.5)).toEqual({ ok: false, problem: '-0.5 is negative' });
    expect(judgeValue(Number.NaN)).toEqual({ ok: false, problem: 'the value is NaN' });
    expect(judgeValue(Infinity)).toEqual({ ok: false, problem: 'Infinity is not finite' });
    expect(judgeValue(undefined)).toEqual({ ok: false, problem: 'the value is missing' });
    expect(judgeValue(true)).toEqual({ ok: false, problem: 'a boolean is not a number' });
    expect(judgeValue({})).toEqual({ ok: false, problem: 'an object is not a number' });
  });
});

describe('judgeCell and isNumeric', () => {
  it('reads back every finite double JavaScript prints (law: isNumeric(String(x)) and judgeCell gives x for x >= 0)', () =>
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(isNumeric(String(x))).toBe(true);
        const verdict = judgeCell(` ${String(x)} `);
        if (x >= 0) expect(verdict).toEqual({ ok: true, value: x + 0 });
        else expect(verdict.ok).toBe(false);
      }),
    ));

  it('does not take NaN, Infinity, hex, thousands separators or units for numbers', () => {
    for (const text of ['NaN', 'Infinity', '0x10', '1,000', '12ms', '1.2.3', '', '-']) expect(isNumeric(text)).toBe(false);
    expect(judgeCell('  ')).toEqual({ ok: false, problem: 'the cell is empty' });
  });
});

describe('LatencyCollector', () => {
  it('throws on the first invalid value, naming the file, the place and the rule', () => {
    const collector = new LatencyCollector('x.csv', false);
    collector.add({ ok: true, value: 1 }, 'line 2');
    expect(() => collector.add({ ok: false, problem: '-1 is negative' }, 'line 3')).toThrow(SamplesInvalidError);
    expect(() => collector.add({ ok: false, problem: '-1 is negative' }, 'line 3')).toThrow(
      'Failed to read samples from x.csv: line 3: -1 is negative; every latency must be a finite number >= 0 (ms). Fix the value, or pass --skip-invalid to skip and count such values.',
    );
  });

  it('counts skipped values, and needs 20 valid ones to finish', () => {
    const collector = new LatencyCollector('x.csv', true);
    for (let i = 0; i < 20; i++) collector.add({ ok: true, value: i }, `line ${i}`);
    collector.add({ ok: false, problem: 'bad' }, 'line 99');
    expect(collector.finish('csv', undefined)).toMatchObject({ skipped: 1, format: 'csv' });
    expect(() => new LatencyCollector('y.csv', true).finish('csv', undefined)).toThrow(TooFewSamplesError);
  });
});

// ── csv-samples ─────────────────────────────────────────

const csvValues = Array.from({ length: 25 }, (_, i) => 10 + i);
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('parseCsvSamples', () => {
  it('reads a single numeric column without a header', () => {
    const samples = parseCsvSamples(lines(...csvValues.map(String)), 'plain.csv');
    expect(samples).toEqual({ values: csvValues, format: 'csv', what: undefined, skipped: 0 });
  });

  it('reads a single column under a header, and names it', () => {
    const samples = parseCsvSamples(lines('latency_ms', ...csvValues.map(String)), 'one.csv');
    expect(samples.values).toEqual(csvValues);
    expect(samples.what).toBe('column "latency_ms"');
  });

  it('picks the only numeric column under a header', () => {
    const text = lines('request,route,ms', ...csvValues.map((n, i) => `req-${i},pokemon,${n}`));
    expect(parseCsvSamples(text, 'api.csv')).toMatchObject({ values: csvValues, what: 'column "ms"' });
  });

  it('picks the column named by --column, exactly or ignoring case', () => {
    const text = lines('status,ms', ...csvValues.map((n) => `200,${n}`));
    expect(parseCsvSamples(text, 'api.csv', { column: 'ms' }).values).toEqual(csvValues);
    expect(parseCsvSamples(text, 'api.csv', { column: 'MS' }).values).toEqual(csvValues);
  });

  it('names columns by number when there is no header (--column 2)', () => {
    const text = lines(...csvValues.map((n) => `200,${n}`));
    expect(parseCsvSamples(text, 'api.csv', { column: '2' })).toMatchObject({ values: csvValues, what: 'column 2' });
  });

  it('lists the columns when several are numeric and no --column is given', () => {
    const text = lines('status,ms', ...csvValues.map((n) => `200,${n}`));
    expect(() => parseCsvSamples(text, 'api.csv')).toThrow(SamplesInvalidError);
    expect(() => parseCsvSamples(text, 'api.csv')).toThrow('Failed to read samples from api.csv: several columns hold numbers ("status", "ms"); pick the latency column with --column NAME.');
  });

  it('lists the columns when --column names none of them', () => {
    const text = lines('status,ms', ...csvValues.map((n) => `200,${n}`));
    expect(() => parseCsvSamples(text, 'api.csv', { column: 'latency' })).toThrow('--column "latency" names no column; the columns are "status", "ms".');
  });

  it('names the file, line and column of a bad cell, and the rule', () => {
    const rows = csvValues.map(String);
    rows[4] = 'n/a';
    const text = lines('ms', ...rows);
    expect(() => parseCsvSamples(text, 'api.csv')).toThrow(
      'Failed to read samples from api.csv: line 6, column "ms": "n/a" is not a number; every latency must be a finite number >= 0 (ms).',
    );
  });

  it('rejects negative, empty and NaN cells by line', () => {
    const at = (cell: string) => {
      const rows = csvValues.map(String);
      rows[2] = cell;
      return () => parseCsvSamples(lines('ms', ...rows), 'x.csv');
    };
    expect(at('-3')).toThrow('line 4, column "ms": -3 is negative');
    expect(at('NaN')).toThrow('line 4, column "ms": "NaN" is not a number');
    const withEmpty = lines('id,ms', ...csvValues.map((n, i) => (i === 2 ? 'r,' : `r,${n}`)));
    expect(() => parseCsvSamples(withEmpty, 'x.csv')).toThrow('line 4, column "ms": the cell is empty');
  });

  it('skips and counts bad cells with skipInvalid', () => {
    const rows = csvValues.map(String);
    rows[0] = 'oops';
    rows[3] = '-1';
    const samples = parseCsvSamples(lines('ms', ...rows), 'x.csv', { skipInvalid: true });
    expect(samples.skipped).toBe(2);
    expect(samples.values).toHaveLength(csvValues.length - 2);
  });

  it('ignores blank lines, # comments and a BOM, accepts CRLF, tabs, semicolons and quoted cells', () => {
    const text = `\uFEFF# from prod\r\n"route"\t"ms"\r\n\r\n${csvValues.map((n) => `"pokemon"\t"${n}"`).join('\r\n')}\r\n`;
    expect(parseCsvSamples(text, 'x.tsv').values).toEqual(csvValues);
    expect(parseCsvSamples(lines('a;ms', ...csvValues.map((n) => `x;${n}`)), 'x.csv').values).toEqual(csvValues);
  });

  it('reports the line number of the file, counting skipped blank lines', () => {
    const text = `ms\n\n${csvValues.slice(0, 3).join('\n')}\nbad\n${csvValues.slice(3).join('\n')}\n`;
    expect(() => parseCsvSamples(text, 'x.csv')).toThrow('line 6, column "ms"');
  });

  it('fails with fewer than 20 valid values, saying how many were skipped', () => {
    expect(() => parseCsvSamples(lines('ms', '1', '2', '3'), 'few.csv')).toThrow(TooFewSamplesError);
    expect(() => parseCsvSamples(lines('ms', '1', 'x', '3'), 'few.csv', { skipInvalid: true })).toThrow('few.csv: 2 valid latencies (1 invalid skipped), need at least 20');
  });

  it('rejects --har-field on a CSV file', () => {
    expect(() => parseCsvSamples(lines(...csvValues.map(String)), 'x.csv', { harField: 'time' })).toThrow('--har-field applies to HAR files');
  });

  it('reads a large export (200 000 rows) without running out of stack', () => {
    const text = `latency_ms\n${Array.from({ length: 200_000 }, (_, i) => String(10 + (i % 97))).join('\n')}\n`;
    expect(parseCsvSamples(text, 'big.csv').values).toHaveLength(200_000);
  });
});

// ── json-samples ────────────────────────────────────────

const jsonValues = Array.from({ length: 25 }, (_, i) => 10 + i / 4);

describe('parseJsonSamples', () => {
  it('reads an array of numbers', () => {
    expect(parseJsonSamples(jsonValues, 'x.json')).toEqual({ values: jsonValues, format: 'json', what: undefined, skipped: 0 });
  });

  it('reads the only numeric field of an array of objects, or the one named by --column', () => {
    const objects = jsonValues.map((ms, i) => ({ url: `/pokemon/${i}`, ms }));
    expect(parseJsonSamples(objects, 'x.json')).toMatchObject({ values: jsonValues, what: 'field "ms"' });
    const two = jsonValues.map((ms) => ({ status: 200, ms }));
    expect(parseJsonSamples(two, 'x.json', { column: 'ms' }).values).toEqual(jsonValues);
    expect(() => parseJsonSamples(two, 'x.json')).toThrow('several fields hold numbers ("status", "ms")');
  });

  it('names the index (and field) of a bad value, and the rule', () => {
    const bad: unknown[] = [...jsonValues];
    bad[3] = -2;
    expect(() => parseJsonSamples(bad, 'x.json')).toThrow('Failed to read samples from x.json: [3]: -2 is negative; every latency must be a finite number >= 0 (ms).');
    bad[3] = '12';
    expect(() => parseJsonSamples(bad, 'x.json')).toThrow('[3]: the string "12" is not a number');
    bad[3] = null;
    expect(() => parseJsonSamples(bad, 'x.json')).toThrow('[3]: the value is null');
    const objects: Record<string, unknown>[] = jsonValues.map((ms) => ({ ms }));
    objects[5] = { elapsed: 3 };
    expect(() => parseJsonSamples(objects, 'x.json', { column: 'ms' })).toThrow('[5].ms: the value is missing');
  });

  it('skips and counts bad values with skipInvalid', () => {
    expect(parseJsonSamples([...jsonValues, -1, null, 'x'], 'x.json', { skipInvalid: true })).toMatchObject({ values: jsonValues, skipped: 3 });
  });

  it('rejects a non-array, --column on an array of numbers, and --har-field', () => {
    expect(() => parseJsonSamples({ samples: jsonValues }, 'x.json')).toThrow(SamplesInvalidError);
    expect(() => parseJsonSamples({ samples: jsonValues }, 'x.json')).toThrow('expected an array of numbers, an array of objects, or a HAR file');
    expect(() => parseJsonSamples(jsonValues, 'x.json', { column: 'ms' })).toThrow('--column "ms" names a field of objects, but this is an array of numbers');
    expect(() => parseJsonSamples(jsonValues, 'x.json', { harField: 'wait' })).toThrow('--har-field applies to HAR files');
  });

  it('fails with fewer than 20 values', () => {
    expect(() => parseJsonSamples([1, 2, 3], 'few.json')).toThrow('few.json: 3 valid latencies, need at least 20');
    expect(() => parseJsonSamples([], 'none.json')).toThrow('none.json: 0 valid latencies');
  });
});

// ── har-samples ─────────────────────────────────────────

const waits = Array.from({ length: 22 }, (_, i) => 50 + i);
const harOf = (entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });
const entry = (wait: unknown, time: unknown = 3 + Number(wait)) => ({ time, timings: { blocked: -1, dns: -1, connect: -1, send: 0.5, wait, receive: 2.5 } });

describe('parseHarSamples', () => {
  it('reads timings.wait of every entry by default (time to first byte, what the mock delays)', () => {
    expect(parseHarSamples(harOf(waits.map((w) => entry(w))), 's.har')).toEqual({ values: waits, format: 'har', what: 'timings.wait', skipped: 0 });
  });

  it("reads each entry's total time with harField 'time'", () => {
    expect(parseHarSamples(harOf(waits.map((w) => entry(w))), 's.har', { harField: 'time' })).toMatchObject({ values: waits.map((w) => w + 3), what: 'time' });
  });

  it("names the entry of a bad value; HAR's -1 is called out as 'not available'", () => {
    const entries: unknown[] = waits.map((w) => entry(w));
    entries[4] = entry(-1);
    expect(() => parseHarSamples(harOf(entries), 's.har')).toThrow(
      `Failed to read samples from s.har: log.entries[4].timings.wait: -1 is negative (HAR's "not available"); every latency must be a finite number >= 0 (ms).`,
    );
    entries[4] = { time: 5 };
    expect(() => parseHarSamples(harOf(entries), 's.har')).toThrow('log.entries[4].timings.wait: the value is missing');
  });

  it('skips and counts bad entries with skipInvalid', () => {
    const entries = [...waits.map((w) => entry(w)), entry(-1), 'not an entry'];
    expect(parseHarSamples(harOf(entries), 's.har', { skipInvalid: true })).toMatchObject({ values: waits, skipped: 2 });
  });

  it('rejects a HAR without log.entries, and --column', () => {
    expect(() => parseHarSamples({ log: {} }, 's.har')).toThrow('not a HAR file: log.entries must be an array');
    expect(() => parseHarSamples(harOf(waits.map((w) => entry(w))), 's.har', { column: 'wait' })).toThrow('--column applies to CSV and JSON arrays');
  });

  it('fails with fewer than 20 entries', () => {
    expect(() => parseHarSamples(harOf(waits.slice(0, 5).map((w) => entry(w))), 's.har')).toThrow('s.har: 5 valid latencies, need at least 20');
  });
});

describe('isHar', () => {
  it('is true for an object with a log object, false for arrays and other objects', () => {
    expect(isHar(harOf([]))).toBe(true);
    expect(isHar([1, 2])).toBe(false);
    expect(isHar({ log: 'x' })).toBe(false);
    expect(isHar(null)).toBe(false);
  });

  it('a null log is not a HAR file: a clear error, not a crash', () => {
    expect(isHar({ log: null })).toBe(false);
    expect(() => parseHarSamples({ log: null }, 'x.har')).toThrow(/x\.har: not a HAR file/);
  });
});

// ── parse-samples ───────────────────────────────────────

const parsedValues = Array.from({ length: 20 }, (_, i) => i + 1);

describe('parseSamples', () => {
  it('reads JSON when the text starts with [ or {, HAR when it has a log object, CSV otherwise', () => {
    expect(parseSamples(JSON.stringify(parsedValues), 'a').format).toBe('json');
    expect(parseSamples(`  \n${JSON.stringify(parsedValues.map((ms) => ({ ms })))}`, 'b').format).toBe('json');
    const har = { log: { entries: parsedValues.map((wait) => ({ time: wait + 1, timings: { wait } })) } };
    expect(parseSamples(JSON.stringify(har), 'c')).toMatchObject({ format: 'har', values: parsedValues });
    expect(parseSamples(parsedValues.join('\n'), 'd')).toMatchObject({ format: 'csv', values: parsedValues });
  });

  it('names the file when text that starts like JSON does not parse', () => {
    expect(() => parseSamples('[1, 2,', 'broken.json')).toThrow('Failed to read samples from broken.json: it starts like JSON but is not valid JSON');
  });
});

// ── read-samples ────────────────────────────────────────

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
