/**
 * Stats of many processes or replicas as one: counts summed, histograms
 * merged bucket by bucket (exact, see `./histogram.ts`), percentiles read
 * from the merged histogram. The cluster's primary uses it for its workers;
 * a client uses it for the pods of a Deployment.
 */
import type { LiveCounters, MockStats, RouteStats } from '../core/index.ts';
import { Histogram } from './histogram.ts';

/**
 * Merges the stats of several servers. `since` is the earliest start; `live`
 * counters are summed when any part has them.
 *
 * @example
 * const merged = mergeStats([await statsOf(podA), await statsOf(podB)]);
 * merged.requests === podA.requests + podB.requests; // true
 */
export function mergeStats(parts: readonly MockStats[]): MockStats {
  const routes = new Map<string, { requests: number; statuses: Record<string, number>; faults: Record<string, number>; histogram: Histogram }>();
  let requests = 0;
  let live: LiveCounters | undefined;
  for (const part of parts) {
    requests += part.requests;
    for (const [name, r] of Object.entries(part.routes)) {
      let into = routes.get(name);
      if (!into) {
        into = { requests: 0, statuses: {}, faults: {}, histogram: new Histogram() };
        routes.set(name, into);
      }
      into.requests += r.requests;
      addCounts(into.statuses, r.statuses);
      addCounts(into.faults, r.faults);
      into.histogram.merge(r.histogram);
    }
    if (part.live) {
      live ??= { inFlight: 0, running: 0, queued: 0 };
      live.inFlight += part.live.inFlight;
      live.running += part.live.running;
      live.queued += part.live.queued;
    }
  }
  const merged: Record<string, RouteStats> = {};
  for (const [name, r] of routes) {
    merged[name] = { requests: r.requests, statuses: r.statuses, faults: r.faults, delay: r.histogram.summary(), histogram: r.histogram.snapshot() };
  }
  const since = parts.map((p) => p.since).toSorted()[0] ?? new Date(0).toISOString();
  return { since, requests, routes: merged, ...(live ? { live } : {}) };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}
