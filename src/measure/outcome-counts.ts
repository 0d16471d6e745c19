/** One record per request, in input order, counted by outcome: the "nothing lost" check. */
import { type Outcome, OUTCOMES, type RequestRecord } from '../types/index.ts';
import { MeasurementInvariantError } from '../../mock-server/errors/index.ts';

/**
 * Count `records` by outcome after checking the strategy's contract: exactly
 * one record per id, record i for `ids[i]` at index i, and counts summing to N.
 *
 * @throws MeasurementInvariantError (code `INTERNAL`) when any of that fails.
 * @example countOutcomes([1, 2], records) // { ok: 1, 'http-error': 1, 'network-error': 0, timeout: 0 }
 */
export function countOutcomes(ids: readonly number[], records: readonly RequestRecord[]): Record<Outcome, number> {
  if (records.length !== ids.length) {
    throw new MeasurementInvariantError(`the strategy returned ${records.length} records for ${ids.length} requests`);
  }
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  // A plain loop, not forEach: forEach would skip the holes of a sparse array.
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record === undefined || record.index !== i || record.id !== ids[i]) {
      throw new MeasurementInvariantError(`record ${i} is not the record of request ${i} (id ${ids[i]}): got ${JSON.stringify(record)}`);
    }
    if (!Object.hasOwn(counts, record.outcome)) {
      throw new MeasurementInvariantError(`record ${i} has unknown outcome ${JSON.stringify(record.outcome)}`);
    }
    counts[record.outcome] += 1;
  }
  const sum = OUTCOMES.reduce((s, o) => s + counts[o], 0);
  if (sum !== ids.length) throw new MeasurementInvariantError(`outcome counts sum to ${sum}, not N = ${ids.length}`);
  return counts;
}

/**
 * The delays the server applied, in input order, and the indices of requests
 * that carry none (failed before a response, or a server that does not stamp
 * it), so the list never holds NaN.
 */
export function appliedDelays(records: readonly RequestRecord[]): { delaysMs: number[]; missingIndices: number[] } {
  const delaysMs: number[] = [];
  const missingIndices: number[] = [];
  for (const record of records) {
    if (typeof record.delayMs === 'number' && Number.isFinite(record.delayMs)) delaysMs.push(record.delayMs);
    else missingIndices.push(record.index);
  }
  return { delaysMs, missingIndices };
}

/**
 * The delay each request was applied, in input order, with 0 where a request
 * carries none (it failed before the server answered): the list the model
 * needs, aligned with the requests (dropping entries would regroup batches).
 */
export function alignedDelays(records: readonly RequestRecord[]): number[] {
  return records.map((r) => (r.delayMs !== undefined && Number.isFinite(r.delayMs) ? r.delayMs : 0));
}

/**
 * {@link alignedDelays} of a run that may carry no records (an external
 * peer reports its delays, not records): rebuilt from the applied delays and
 * the indices that had none, 0 there.
 */
export function trialDelays(run: { n: number; records: readonly RequestRecord[]; appliedDelaysMs: readonly number[]; missingDelayIndices: readonly number[] }): number[] {
  if (run.records.length === run.n) return alignedDelays(run.records);
  const missing = new Set(run.missingDelayIndices);
  const delays: number[] = [];
  let next = 0;
  for (let i = 0; i < run.n; i++) delays.push(missing.has(i) ? 0 : (run.appliedDelaysMs[next++] ?? 0));
  return delays;
}
