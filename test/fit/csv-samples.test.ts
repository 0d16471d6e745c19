import { describe, expect, it } from 'vitest';
import { parseCsvSamples } from '../../src/fit/csv-samples.ts';
import { SamplesInvalidError, TooFewSamplesError } from '../../mock-server/errors.ts';

const numbers = Array.from({ length: 25 }, (_, i) => 10 + i);
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('parseCsvSamples', () => {
  it('reads a single numeric column without a header', () => {
    const samples = parseCsvSamples(lines(...numbers.map(String)), 'plain.csv');
    expect(samples).toEqual({ values: numbers, format: 'csv', what: undefined, skipped: 0 });
  });

  it('reads a single column under a header, and names it', () => {
    const samples = parseCsvSamples(lines('latency_ms', ...numbers.map(String)), 'one.csv');
    expect(samples.values).toEqual(numbers);
    expect(samples.what).toBe('column "latency_ms"');
  });

  it('picks the only numeric column under a header', () => {
    const text = lines('request,route,ms', ...numbers.map((n, i) => `req-${i},pokemon,${n}`));
    expect(parseCsvSamples(text, 'api.csv')).toMatchObject({ values: numbers, what: 'column "ms"' });
  });

  it('picks the column named by --column, exactly or ignoring case', () => {
    const text = lines('status,ms', ...numbers.map((n) => `200,${n}`));
    expect(parseCsvSamples(text, 'api.csv', { column: 'ms' }).values).toEqual(numbers);
    expect(parseCsvSamples(text, 'api.csv', { column: 'MS' }).values).toEqual(numbers);
  });

  it('names columns by number when there is no header (--column 2)', () => {
    const text = lines(...numbers.map((n) => `200,${n}`));
    expect(parseCsvSamples(text, 'api.csv', { column: '2' })).toMatchObject({ values: numbers, what: 'column 2' });
  });

  it('lists the columns when several are numeric and no --column is given', () => {
    const text = lines('status,ms', ...numbers.map((n) => `200,${n}`));
    expect(() => parseCsvSamples(text, 'api.csv')).toThrow(SamplesInvalidError);
    expect(() => parseCsvSamples(text, 'api.csv')).toThrow('Failed to read samples from api.csv: several columns hold numbers ("status", "ms"); pick the latency column with --column NAME.');
  });

  it('lists the columns when --column names none of them', () => {
    const text = lines('status,ms', ...numbers.map((n) => `200,${n}`));
    expect(() => parseCsvSamples(text, 'api.csv', { column: 'latency' })).toThrow('--column "latency" names no column; the columns are "status", "ms".');
  });

  it('names the file, line and column of a bad cell, and the rule', () => {
    const rows = numbers.map(String);
    rows[4] = 'n/a';
    const text = lines('ms', ...rows);
    expect(() => parseCsvSamples(text, 'api.csv')).toThrow(
      'Failed to read samples from api.csv: line 6, column "ms": "n/a" is not a number; every latency must be a finite number >= 0 (ms).',
    );
  });

  it('rejects negative, empty and NaN cells by line', () => {
    const at = (cell: string) => {
      const rows = numbers.map(String);
      rows[2] = cell;
      return () => parseCsvSamples(lines('ms', ...rows), 'x.csv');
    };
    expect(at('-3')).toThrow('line 4, column "ms": -3 is negative');
    expect(at('NaN')).toThrow('line 4, column "ms": "NaN" is not a number');
    const withEmpty = lines('id,ms', ...numbers.map((n, i) => (i === 2 ? 'r,' : `r,${n}`)));
    expect(() => parseCsvSamples(withEmpty, 'x.csv')).toThrow('line 4, column "ms": the cell is empty');
  });

  it('skips and counts bad cells with skipInvalid', () => {
    const rows = numbers.map(String);
    rows[0] = 'oops';
    rows[3] = '-1';
    const samples = parseCsvSamples(lines('ms', ...rows), 'x.csv', { skipInvalid: true });
    expect(samples.skipped).toBe(2);
    expect(samples.values).toHaveLength(numbers.length - 2);
  });

  it('ignores blank lines, # comments and a BOM, accepts CRLF, tabs, semicolons and quoted cells', () => {
    const text = `\uFEFF# from prod\r\n"route"\t"ms"\r\n\r\n${numbers.map((n) => `"pokemon"\t"${n}"`).join('\r\n')}\r\n`;
    expect(parseCsvSamples(text, 'x.tsv').values).toEqual(numbers);
    expect(parseCsvSamples(lines('a;ms', ...numbers.map((n) => `x;${n}`)), 'x.csv').values).toEqual(numbers);
  });

  it('reports the line number of the file, counting skipped blank lines', () => {
    const text = `ms\n\n${numbers.slice(0, 3).join('\n')}\nbad\n${numbers.slice(3).join('\n')}\n`;
    expect(() => parseCsvSamples(text, 'x.csv')).toThrow('line 6, column "ms"');
  });

  it('fails with fewer than 20 valid values, saying how many were skipped', () => {
    expect(() => parseCsvSamples(lines('ms', '1', '2', '3'), 'few.csv')).toThrow(TooFewSamplesError);
    expect(() => parseCsvSamples(lines('ms', '1', 'x', '3'), 'few.csv', { skipInvalid: true })).toThrow('few.csv: 2 valid latencies (1 invalid skipped), need at least 20');
  });

  it('rejects --har-field on a CSV file', () => {
    expect(() => parseCsvSamples(lines(...numbers.map(String)), 'x.csv', { harField: 'time' })).toThrow('--har-field applies to HAR files');
  });

  it('reads a large export (200 000 rows) without running out of stack', () => {
    const text = `latency_ms\n${Array.from({ length: 200_000 }, (_, i) => String(10 + (i % 97))).join('\n')}\n`;
    expect(parseCsvSamples(text, 'big.csv').values).toHaveLength(200_000);
  });
});
