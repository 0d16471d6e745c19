/**
 * The mock's own cost, cumulative since its process started: CPU (user +
 * system), the time its event loop was busy and, on Linux, its loop thread's
 * CPU and run-queue wait. A client reads it before and after a run (`GET
 * /__admin/process`) and bills the difference to the server, so a point the
 * mock bounds is reported as the server's, not the client's.
 */
import type { ProcessUsage } from '../core/index.ts';
import { threadSched } from '../thread-sched/index.ts';

/** This process's usage now. */
export function processUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  // Called on the main thread (the admin route), so this is the event loop's thread.
  const sched = threadSched();
  return {
    pid: process.pid,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopActiveMs: loop.active,
    loopIdleMs: loop.idle,
    ...(sched ? { loopThread: sched } : {}),
  };
}
