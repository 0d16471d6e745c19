import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { THROTTLE_TICK_MS, ThrottleSchedule } from '../../../mock-server/core/throttle-schedule.ts';

describe('ThrottleSchedule', () => {
  it('is due 0 bytes at the start, rate·t after t ms, and the whole body at bytes / rate', () => {
    const schedule = new ThrottleSchedule(50_000, 100_000);
    expect(schedule.totalMs).toBe(500);
    expect([schedule.due(0), schedule.due(100), schedule.due(499.99), schedule.due(500)]).toEqual([0, 10_000, 49_999, 50_000]);
  });

  it('law: bytes due never decrease, never exceed rate·t or the body, and the body is whole at totalMs', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 30 }),
        (length, rate, times) => {
          const schedule = new ThrottleSchedule(length, rate);
          let previous = 0;
          for (const t of times.toSorted((a, b) => a - b)) {
            const due = schedule.due(t);
            expect(due).toBeGreaterThanOrEqual(previous);
            expect(due).toBeLessThanOrEqual(length);
            if (t < schedule.totalMs) expect(due).toBeLessThanOrEqual((rate * t) / 1000);
            previous = due;
          }
          expect(schedule.due(schedule.totalMs)).toBe(length);
        },
      ),
    ));

  it('law: the wait is at least a tick and never overshoots the last byte by more than a tick', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 1, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), (length, rate, elapsed) => {
        const schedule = new ThrottleSchedule(length, rate);
        const wait = schedule.waitMs(schedule.due(elapsed), elapsed);
        expect(wait).toBeGreaterThanOrEqual(THROTTLE_TICK_MS);
        expect(elapsed + wait).toBeLessThanOrEqual(Math.max(schedule.totalMs, elapsed) + THROTTLE_TICK_MS);
      }),
    ));
});
