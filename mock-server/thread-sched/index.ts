/**
 * The calling thread's scheduler accounting, from Linux's
 * `/proc/thread-self/schedstat`: the time it ran on a CPU and the time it
 * was ready to run but waited for one (its run-queue wait). On a shared
 * machine the second is what the other processes took from this event loop:
 * work it had to do and could not start. The model counts both as the loop's
 * serial time (docs/design.md "The model"). A folder of its own, so the
 * client side (`measureTrial`) reads it without loading the mock's server.
 */
import { readFileSync } from 'node:fs';

/** One thread's cumulative scheduler times, ms. */
export interface ThreadSched {
  /** Time on a CPU. */
  cpuMs: number;
  /** Time runnable but waiting for a CPU. */
  runQueueMs: number;
}

const SCHEDSTAT = '/proc/thread-self/schedstat';
let available = process.platform === 'linux';

/**
 * This thread's times now; undefined where the kernel does not give them
 * (not Linux, or schedstat not built in), once and for all after the first miss.
 */
export function threadSched(): ThreadSched | undefined {
  if (!available) return undefined;
  try {
    // "<ns on cpu> <ns waiting on a run queue> <timeslices>"
    const [run, wait] = readFileSync(SCHEDSTAT, 'latin1').split(' ', 2).map(Number);
    if (Number.isFinite(run) && Number.isFinite(wait)) return { cpuMs: run! / 1e6, runQueueMs: wait! / 1e6 };
  } catch {
    // Fall through: no schedstat here.
  }
  available = false;
  return undefined;
}

/** The times between two readings of the same thread, ms; undefined when either is missing. */
export function schedSince(before: ThreadSched | undefined, after: ThreadSched | undefined): ThreadSched | undefined {
  if (before === undefined || after === undefined) return undefined;
  return { cpuMs: Math.max(0, after.cpuMs - before.cpuMs), runQueueMs: Math.max(0, after.runQueueMs - before.runQueueMs) };
}
