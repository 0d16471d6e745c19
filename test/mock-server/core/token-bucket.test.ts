import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TokenBucket } from '../../../mock-server/core/token-bucket.ts';

describe('TokenBucket', () => {
  it('admits a burst of `capacity` back to back, then refuses with the wait for the next token', () => {
    const bucket = new TokenBucket(10, 3);
    expect([0, 0, 0].map((t) => bucket.take(t).admitted)).toEqual([true, true, true]);
    expect(bucket.take(0)).toEqual({ admitted: false, retryAfterMs: 100 });
    expect(bucket.take(40)).toMatchObject({ admitted: false });
    expect(bucket.take(100).admitted).toBe(true);
  });

  it('law: in any window of t ms it admits at most capacity + rate·t requests', () =>
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (rate, capacity, gaps) => {
          const bucket = new TokenBucket(rate, capacity);
          let t = 0;
          const admittedAt: number[] = [];
          for (const gap of gaps) {
            t += gap;
            if (bucket.take(t).admitted) admittedAt.push(t);
          }
          // Every window [admittedAt[i], admittedAt[j]] holds j - i + 1 admissions.
          for (let i = 0; i < admittedAt.length; i++) {
            for (let j = i; j < admittedAt.length; j++) {
              const window = (admittedAt[j] as number) - (admittedAt[i] as number);
              expect(j - i + 1).toBeLessThanOrEqual(capacity + (rate * window) / 1000 + 1e-6);
            }
          }
        },
      ),
    ));

  it('law: requests spaced at least 1/rate apart are all admitted', () =>
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1000, noNaN: true }), fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { maxLength: 200 }), (rate, extra) => {
        const bucket = new TokenBucket(rate, 1);
        let t = 0;
        for (const e of extra) {
          expect(bucket.take(t).admitted).toBe(true);
          t += 1000 / rate + e;
        }
      }),
    ));

  it('law: a refused request is told a wait after which it is admitted', () =>
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 200, noNaN: true }), fc.integer({ min: 1, max: 5 }), (rate, capacity) => {
        const bucket = new TokenBucket(rate, capacity);
        for (let i = 0; i < capacity; i++) bucket.take(0);
        const refused = bucket.take(0);
        expect(refused.admitted).toBe(false);
        if (!refused.admitted) expect(bucket.take(refused.retryAfterMs).admitted).toBe(true);
      }),
    ));
});
