import { describe, expect, it } from 'vitest';
import { schedSince, threadSched } from '../../mock-server/thread-sched/index.ts';

/** Keeps this thread on a CPU for `ms` of wall time. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

// The kernel brings a running thread's counters up to date at its scheduler ticks and switches, so a
// reading may lag the clock by up to a tick (4 ms at HZ = 250), and on a virtual machine a tick comes
// late when the host takes the CPU: under a full `npm test` here a sum once read past elapsed by more
// than 5 ms. Each bound allows two ticks, still far below the 60 ms a double count would add.
const TICK_MS = 10;

describe.runIf(process.platform === 'linux')("a thread's scheduler times (Linux)", () => {
  it('cannot add up to more than the time that passed: on a CPU plus waiting for one ≤ elapsed', () => {
    const t0 = performance.now();
    const before = threadSched();
    spin(60);
    const after = threadSched();
    const elapsed = performance.now() - t0;
    const span = schedSince(before, after)!;
    expect(span.cpuMs + span.runQueueMs).toBeLessThanOrEqual(elapsed + TICK_MS);
    // A spinning thread is on a CPU or waiting for one, never asleep: the two cover most of the spin.
    expect(span.cpuMs + span.runQueueMs).toBeGreaterThanOrEqual(60 - TICK_MS);
  });

  it('counts no CPU while the thread sleeps on a timer', async () => {
    const before = threadSched();
    await new Promise((resolve) => setTimeout(resolve, 80));
    const span = schedSince(before, threadSched())!;
    expect(span.cpuMs + span.runQueueMs).toBeLessThan(40);
  });
});

describe('schedSince', () => {
  it('is undefined when either reading is missing, and never negative', () => {
    expect(schedSince(undefined, { cpuMs: 1, runQueueMs: 1 })).toBeUndefined();
    expect(schedSince({ cpuMs: 1, runQueueMs: 1 }, undefined)).toBeUndefined();
    expect(schedSince({ cpuMs: 5, runQueueMs: 2 }, { cpuMs: 8, runQueueMs: 1 })).toEqual({ cpuMs: 3, runQueueMs: 0 });
  });
});
