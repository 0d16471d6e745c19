import { describe, expect, it } from 'vitest';
import { CALIBRATE_DEFAULTS, QUICK_DEFAULTS, resolveCalibrateOptions } from '../../src/calibrate/calibrate.ts';

describe('resolveCalibrateOptions', () => {
  it('asks for enough responses for the connections when the count is not given (--connections alone never fails)', () => {
    expect(resolveCalibrateOptions({ quick: true, fidelityConnections: 2000 }).fidelityResponses).toBe(4000);
    expect(resolveCalibrateOptions({ fidelityConnections: 4 }).fidelityResponses).toBe(CALIBRATE_DEFAULTS.fidelityResponses);
  });

  it('fills the full defaults', () => {
    expect(resolveCalibrateOptions()).toMatchObject({ ...CALIBRATE_DEFAULTS, quick: false });
  });

  it('uses the quick timings with quick, and keeps the rest', () => {
    const quick = resolveCalibrateOptions({ quick: true });
    expect(quick).toMatchObject({ ...QUICK_DEFAULTS, quick: true, ladder: CALIBRATE_DEFAULTS.ladder, fidelityConnections: CALIBRATE_DEFAULTS.fidelityConnections });
    expect(quick.stepMs).toBeLessThan(CALIBRATE_DEFAULTS.stepMs);
  });

  it('lets an explicit option win over quick', () => {
    expect(resolveCalibrateOptions({ quick: true, stepMs: 2000 }).stepMs).toBe(2000);
  });

  it('rejects out-of-range options, naming them', () => {
    const cases: [Parameters<typeof resolveCalibrateOptions>[0], string][] = [
      [{ capacityConnections: 0 }, 'options.capacityConnections'],
      [{ fidelityConnections: 1.5 }, 'options.fidelityConnections'],
      [{ stepMs: 10 }, 'options.stepMs'],
      [{ budgetMs: -1 }, 'options.budgetMs'],
      [{ budgetMs: Number.NaN }, 'options.budgetMs'],
      [{ ladder: [] }, 'options.ladder'],
      [{ ladder: [8, 8] }, 'options.ladder'],
      [{ ladder: [1, 0] }, 'options.ladder[1]'],
      [{ fidelityConnections: 50, fidelityResponses: 10 }, 'options.fidelityResponses'],
      [{ payload: 'huge' as 'slim' }, 'options.payload'],
      [{ profile: ' ' }, 'options.profile'],
    ];
    for (const [options, option] of cases) {
      expect(() => resolveCalibrateOptions(options), option).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option }));
    }
  });
});
