import { describe, expect, it } from 'vitest';
import { GATE_DEFAULTS, resolveGateOptions } from '../../src/gate/gate-options.ts';

describe('resolveGateOptions', () => {
  it('fills every default, and treats undefined as the default', () => {
    expect(resolveGateOptions()).toEqual({ threshold: 0.1, significanceLevel: 0.05, resamples: 2000, seed: GATE_DEFAULTS.seed, allowInconclusive: false });
    expect(resolveGateOptions({ threshold: undefined, resamples: 500 })).toEqual({ ...GATE_DEFAULTS, resamples: 500 });
  });

  it.each([
    ['threshold', 0],
    ['threshold', 1],
    ['threshold', Number.NaN],
    ['significanceLevel', 0],
    ['significanceLevel', 0.6],
    ['resamples', 99],
    ['resamples', 1000.5],
    ['seed', -1],
    ['seed', 2 ** 32],
    ['seed', 1.5],
  ] as const)('rejects %s = %s, naming the option', (option, value) => {
    expect(() => resolveGateOptions({ [option]: value })).toThrow(
      expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option, message: expect.stringContaining(`options.${option} must be`) }),
    );
  });

  it('rejects a value of the wrong type, naming the option', () => {
    expect(() => resolveGateOptions({ threshold: '0.1' as unknown as number })).toThrow(/options\.threshold must be a number in \(0, 1\).*got "0\.1"/);
  });
});
