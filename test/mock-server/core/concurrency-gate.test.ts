import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConcurrencyGate, type GateTicket } from '../../../mock-server/core/concurrency-gate.ts';

describe('ConcurrencyGate', () => {
  it('runs max at once, queues the rest, and starts them in arrival order as slots free', () => {
    const gate = new ConcurrencyGate(2);
    const started: number[] = [];
    const tickets = [0, 1, 2, 3].map((i) => {
      const ticket = gate.admit(0) as GateTicket;
      gate.whenRunning(ticket, () => started.push(i));
      return ticket;
    });
    expect(started).toEqual([0, 1]);
    expect([gate.running, gate.queued]).toEqual([2, 2]);
    gate.release(tickets[1] as GateTicket);
    expect(started).toEqual([0, 1, 2]);
    gate.release(tickets[0] as GateTicket);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('refuses a request when the queue is full, and a ticket that leaves the queue is never started', () => {
    const gate = new ConcurrencyGate(1, 1);
    const first = gate.admit(0) as GateTicket;
    const second = gate.admit(0) as GateTicket;
    expect(gate.admit(0)).toBeUndefined();
    let started = false;
    gate.whenRunning(second, () => {
      started = true;
    });
    gate.release(second); // the client gave up while queued
    gate.release(first);
    expect(started).toBe(false);
    expect([gate.running, gate.queued]).toEqual([0, 0]);
    expect(gate.admit(0)?.state).toBe('running');
  });

  it('law: for any arrivals and releases, running ≤ max, queued ≤ queueLimit, and starts keep arrival order', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        fc.array(fc.oneof(fc.constant('arrive' as const), fc.nat({ max: 30 })), { maxLength: 120 }),
        (max, queueLimit, ops) => {
          const gate = new ConcurrencyGate(max, queueLimit);
          const live: GateTicket[] = [];
          const startOrder: number[] = [];
          let arrivals = 0;
          for (const op of ops) {
            if (op === 'arrive') {
              const id = arrivals++;
              const ticket = gate.admit(0);
              if (ticket) {
                live.push(ticket);
                gate.whenRunning(ticket, () => startOrder.push(id));
              }
            } else if (live.length > 0) {
              const [ticket] = live.splice(op % live.length, 1);
              gate.release(ticket as GateTicket);
              gate.release(ticket as GateTicket); // idempotent
            }
            expect(gate.running).toBeLessThanOrEqual(max);
            expect(gate.queued).toBeLessThanOrEqual(queueLimit ?? Number.POSITIVE_INFINITY);
            expect(gate.running + gate.queued).toBe(live.length);
            // Work-conserving: nobody waits while a slot is free.
            if (gate.queued > 0) expect(gate.running).toBe(max);
          }
          expect(startOrder).toEqual(startOrder.toSorted((a, b) => a - b));
        },
      ),
    ));
});
