import { describe, expect, it } from 'vitest';
import { chooseColumn } from '../../src/fit/column-choice.ts';

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
