import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { efficiency, overheadPerRequest, roofline } from '../../src/model/roofline.ts';

const ms = fc.double({ min: 0, max: 1e6, noNaN: true });

describe('roofline', () => {
  it('is setup + max(wait, N·c) and names the larger roof', () =>
    fc.assert(
      fc.property(ms, fc.double({ min: 0, max: 100, noNaN: true }), fc.nat(10_000), ms, (wait, c, n, setup) => {
        const r = roofline({ waitRoof: wait, cpuPerRequestMs: c, n, setupMs: setup });
        expect(r.idealMs).toBe(setup + Math.max(wait, n * c));
        expect(r.binding).toBe(n * c > wait ? 'cpu' : 'wait');
        expect(r.cpuRoof).toBe(n * c);
      }),
    ));

  it("reproduces the design's asyncio row: CPU binds above the pool's wait roof", () => {
    // N = 1600, L = 100 ms, a pool of 100 → wait 1.6 s; ~2.2 ms CPU per request → 3.52 s.
    const r = roofline({ waitRoof: 16 * 100, cpuPerRequestMs: 2.2, n: 1600 });
    expect(r.binding).toBe('cpu');
    expect(r.idealMs).toBeCloseTo(3520, 6);
  });

  it('defaults setup to 0 and calls a tie wait-bound', () => {
    expect(roofline({ waitRoof: 100, cpuPerRequestMs: 1, n: 100 })).toMatchObject({ idealMs: 100, binding: 'wait', setupMs: 0 });
  });

  it('rejects negative or non-finite times and a fractional n, naming the argument', () => {
    expect(() => roofline({ waitRoof: -1, cpuPerRequestMs: 0, n: 1 })).toThrow(expect.objectContaining({ argument: 'waitRoof' }));
    expect(() => roofline({ waitRoof: 1, cpuPerRequestMs: Number.NaN, n: 1 })).toThrow(expect.objectContaining({ argument: 'cpuPerRequestMs' }));
    expect(() => roofline({ waitRoof: 1, cpuPerRequestMs: 0, n: 1.5 })).toThrow(expect.objectContaining({ argument: 'n' }));
  });
});

describe('efficiency', () => {
  it('is ideal / measured, 1 when they agree', () =>
    fc.assert(
      fc.property(ms, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (ideal, measured) => {
        expect(efficiency(ideal, measured)).toBe(ideal / measured);
        expect(efficiency(measured, measured)).toBe(1);
      }),
    ));

  it('is 1 for an empty run and rejects a zero measurement against a non-zero ideal', () => {
    expect(efficiency(0, 0)).toBe(1);
    expect(() => efficiency(5, 0)).toThrow(expect.objectContaining({ argument: 'measuredMs' }));
  });
});

describe('overheadPerRequest', () => {
  it('spreads measured − ideal over N', () =>
    fc.assert(
      fc.property(ms, ms, fc.integer({ min: 1, max: 10_000 }), (ideal, measured, n) => {
        expect(overheadPerRequest(ideal, measured, n) * n).toBeCloseTo(measured - ideal, 6);
      }),
    ));

  it('rejects n = 0', () => {
    expect(() => overheadPerRequest(1, 2, 0)).toThrow(expect.objectContaining({ argument: 'n' }));
  });
});
