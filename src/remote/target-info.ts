/**
 * What served a `run --url` target: a pokebench mock's admin API says how
 * many workers answer (its health) and what they saw (its stats, every
 * worker's merged). Anything else, or an admin API that refuses, gives nulls:
 * the delays the responses carried are what the model uses either way.
 */
import type { TargetInfo } from '../results/index.ts';

/** Headers of an admin request: the bearer token when one is given. */
export function adminHeaders(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}

async function getJson(url: string, token: string | undefined): Promise<unknown> {
  try {
    const res = await fetch(url, { headers: adminHeaders(token), signal: AbortSignal.timeout(5_000) });
    if (res.ok) return await res.json();
    await res.body?.cancel();
  } catch {
    // Not a pokebench mock, or not reachable: unknown.
  }
  return undefined;
}

/**
 * Reads the target's worker count and merged stats.
 *
 * @example
 * await readTargetInfo('http://127.0.0.1:8080', process.env.POKEBENCH_ADMIN_TOKEN)
 * // { workers: 2, stats: { requests: 4800, routes: {...}, cluster: {...} } }
 */
export async function readTargetInfo(url: string, token: string | undefined): Promise<TargetInfo> {
  const base = url.replace(/\/$/, '');
  const [health, stats] = await Promise.all([getJson(`${base}/__admin/health`, undefined), getJson(`${base}/__admin/stats`, token)]);
  const h = health as { status?: unknown; workers?: unknown } | undefined;
  // A single-process mock's health says only "ok": one worker.
  const workers = typeof h?.workers === 'number' ? h.workers : h?.status === 'ok' ? 1 : null;
  return { workers, stats: stats ?? null };
}
