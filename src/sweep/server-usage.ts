/**
 * The mock's own cost over a run, read from its admin API
 * (`GET /__admin/process`, cumulative) before and after: what the model's
 * server roof and the cores roof need from a mock in another process.
 */
import type { ProcessUsage } from '../../mock-server/core/index.ts';
import { ServerUsageError } from '../../mock-server/errors/index.ts';
import { schedSince, type ThreadSched } from '../../mock-server/thread-sched/index.ts';
import { adminHeaders } from '../remote/index.ts';

/** Reads the mock's cumulative usage (`token`: the admin token of a mock that requires one). */
export async function readServerUsage(url: string, token?: string): Promise<ProcessUsage> {
  const base = url.replace(/\/$/, '');
  let res: Response;
  try {
    res = await fetch(`${base}/__admin/process`, { headers: adminHeaders(token), signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new ServerUsageError(base, (error as Error).message);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new ServerUsageError(base, `status ${res.status}`);
  }
  const usage = (await res.json()) as Partial<ProcessUsage>;
  if (typeof usage.cpuMs !== 'number' || typeof usage.loopActiveMs !== 'number') throw new ServerUsageError(base, 'the reply has no cpuMs or loopActiveMs');
  return usage as ProcessUsage;
}

/** Whether the mock at `url` reports its usage (a pokebench mock of this version). */
export async function reportsServerUsage(url: string, token?: string): Promise<boolean> {
  try {
    await readServerUsage(url, token);
    return true;
  } catch {
    return false;
  }
}

/** The cost between two readings of the same process, ms. */
export function usageSince(before: ProcessUsage, after: ProcessUsage): { cpuMs: number; loopActiveMs: number; loopThread?: ThreadSched } {
  const loopThread = schedSince(before.loopThread, after.loopThread);
  return {
    cpuMs: Math.max(0, after.cpuMs - before.cpuMs),
    loopActiveMs: Math.max(0, after.loopActiveMs - before.loopActiveMs),
    ...(loopThread ? { loopThread } : {}),
  };
}

/**
 * Injected faults by kind over all routes, cumulative, from a pokebench mock's
 * `GET /__admin/stats`, so a run against it knows which losses its profile
 * asked for; undefined for any other server (its runs are then judged by a
 * loss threshold).
 */
export async function readServerFaults(url: string, token?: string): Promise<Record<string, number> | undefined> {
  try {
    const res = await fetch(`${url.replace(/\/$/, '')}/__admin/stats`, { headers: adminHeaders(token), signal: AbortSignal.timeout(5_000) });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    const stats = (await res.json()) as { routes?: Record<string, { faults?: Record<string, number> }> };
    if (typeof stats.routes !== 'object' || stats.routes === null) return undefined;
    const counts: Record<string, number> = {};
    for (const route of Object.values(stats.routes)) {
      for (const [kind, n] of Object.entries(route.faults ?? {})) if (typeof n === 'number') counts[kind] = (counts[kind] ?? 0) + n;
    }
    return counts;
  } catch {
    return undefined;
  }
}
