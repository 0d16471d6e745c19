import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SamplesInvalidError, TooFewSamplesError } from '../../mock-server/errors.ts';
import { isNumeric, judgeCell, judgeValue, LatencyCollector } from '../../src/fit/latency-collector.ts';

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
