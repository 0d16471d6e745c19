/**
 * The model's ideal, exact at the ridge (docs/design.md "The model"):
 * a discrete-event simulation of one fan-out. Each request is sent when the
 * strategy's schedule lets it (a free slot, the end of the previous batch),
 * the server spends its CPU on it, its response arrives after the delay the
 * server applied, and a client with p CPUs handles each response for c ms in
 * arrival order. A response that arrives while the client is busy waits for
 * a CPU: the cost the roofline max(wait, N·c) leaves out near the ridge.
 *
 * Open-loop schedules (sequential, batched, an uncapped concurrent fan-out)
 * never finish sooner when a delay or a cost grows. A pool (k slots, or a
 * server cap) can: a CPU shared by sends and responses reorders which request
 * takes a freed slot, Graham's list-scheduling anomaly; the model keeps it,
 * because the client it models does the same.
 *
 * Pure and clock-free: every input is measured apart from the run's wall
 * time (applied delays, CPU counters), so the makespan is a prediction, not
 * a fit.
 */
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';
import type { StrategyKind } from './makespan.ts';

/** Inputs of {@link simulateFanOut}; times in ms. */
export interface FanOutSimulation {
  /** The strategy family. */
  kind: StrategyKind;
  /** Slots of `bounded`, `workers` and `batched`; ignored otherwise. */
  k?: number | undefined;
  /** The server's concurrency cap (FIFO in input order); none when undefined. */
  serverCap?: number | undefined;
  /** Delay the server applied to each request, in input order. */
  delaysMs: readonly number[];
  /** Client CPUs that can handle responses at once (1 for an event loop or a GIL). @defaultValue 1 */
  clientCpus?: number | undefined;
  /** Client CPU to send one request, ms, spent before it leaves. @defaultValue 0 */
  sendCostMs?: number | undefined;
  /** Client CPU to handle one response, ms, spent in arrival order. @defaultValue 0 */
  receiveCostMs?: number | undefined;
  /** Server CPU per request, ms, on one server event loop, before the delay starts. @defaultValue 0 */
  serverCostMs?: number | undefined;
  /**
   * When each request was measured to leave the client, ms from the fan-out's
   * start, in input order (null where unknown). Such a request leaves then,
   * its send cost already paid and its slot already found: the CPU the client
   * spent before it left, and the wait for a free connection, are in the
   * measurement (a server cap is not applied to it). A client that
   * spends its first hundreds of ms opening connections sends late, and only
   * the measurement says how late. @defaultValue none (sent when the schedule lets it)
   */
  sentAtMs?: readonly (number | null)[] | undefined;
}

/** One CPU pool served first come, first served (ties in the order the jobs became ready). */
class Cpus {
  readonly #free: number[];
  constructor(count: number) {
    this.#free = Array.from({ length: count }, () => 0);
  }
  /** Runs a job ready at `ready` for `cost` on the CPU that frees first; returns its end. */
  run(ready: number, cost: number): number {
    let cpu = 0;
    for (let i = 1; i < this.#free.length; i++) if ((this.#free[i] as number) < (this.#free[cpu] as number)) cpu = i;
    const end = Math.max(ready, this.#free[cpu] as number) + cost;
    this.#free[cpu] = end;
    return end;
  }
}

/** A min-heap of events by (time, sequence): equal times keep the order they were scheduled in. */
class EventQueue<T> {
  readonly #items: { time: number; seq: number; value: T }[] = [];
  #seq = 0;
  get size(): number {
    return this.#items.length;
  }
  push(time: number, value: T): void {
    const items = this.#items;
    items.push({ time, seq: this.#seq++, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): { time: number; value: T } {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.#less(l, m)) m = l;
        if (r < items.length && this.#less(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
  #less(a: number, b: number): boolean {
    const x = this.#items[a]!;
    const y = this.#items[b]!;
    return x.time < y.time || (x.time === y.time && x.seq < y.seq);
  }
}

type SimEvent = { type: 'release'; index: number } | { type: 'arrive'; index: number } | { type: 'respond'; index: number } | { type: 'done'; index: number };

/**
 * The makespan of one fan-out under the model: when the last response has
 * been handled. With no CPU cost it is the wait makespan of
 * {@link idealMakespan}; with all delays 0 on one CPU it is N·c (+ send costs).
 *
 * @throws InvalidArgumentError for a negative or non-finite time, a missing
 *   `k` where one is needed, or a CPU count or cap that is not a positive integer.
 * @example simulateFanOut({ kind: 'concurrent', delaysMs: [30, 30], receiveCostMs: 5 }) // 40
 */
export function simulateFanOut(input: FanOutSimulation): number {
  const { kind, delaysMs } = input;
  const sendCost = checkCost('sendCostMs', input.sendCostMs ?? 0);
  const receiveCost = checkCost('receiveCostMs', input.receiveCostMs ?? 0);
  const serverCost = checkCost('serverCostMs', input.serverCostMs ?? 0);
  const clientCpus = checkCount('clientCpus', input.clientCpus ?? 1);
  const bad = delaysMs.findIndex((d) => !(Number.isFinite(d) && d >= 0));
  if (bad !== -1) throw new InvalidArgumentError('delaysMs', `simulateFanOut: delaysMs[${bad}] must be a finite number ≥ 0, got ${delaysMs[bad]}.`);
  const n = delaysMs.length;
  const sentAt = input.sentAtMs;
  if (sentAt !== undefined) {
    if (sentAt.length !== n) throw new InvalidArgumentError('sentAtMs', `simulateFanOut: sentAtMs has ${sentAt.length} entries, expected one per delay (${n}).`);
    const badSent = sentAt.findIndex((t) => t !== null && !(Number.isFinite(t) && t >= 0));
    if (badSent !== -1) throw new InvalidArgumentError('sentAtMs', `simulateFanOut: sentAtMs[${badSent}] must be a finite number ≥ 0 or null, got ${sentAt[badSent]}.`);
  }
  if (n === 0) return 0;
  const cap = input.serverCap === undefined ? n : checkCount('serverCap', input.serverCap);
  const slots = kind === 'sequential' ? 1 : kind === 'concurrent' ? Math.min(n, cap) : Math.min(checkCount('k', input.k), cap);
  const batch = kind === 'batched' ? checkCount('k', input.k) : n;

  const client = new Cpus(clientCpus);
  const server = new Cpus(1);
  const events = new EventQueue<SimEvent>();
  let next = 0; // next request to release, in input order
  let batchEnd = Math.min(batch, n); // requests of the current batch: [.., batchEnd)
  let inBatchLeft = batchEnd;
  let inFlight = 0;
  let makespan = 0;
  // When request i was measured to leave (see `sentAtMs`), or undefined.
  const sentTime = (i: number): number | undefined => sentAt?.[i] ?? undefined;
  const release = (time: number) => {
    while (next < batchEnd) {
      const index = next;
      // A request with a measured send time leaves then: the client's own slots are in that
      // measurement, so it takes none here (holding one while it waits would count them twice).
      const measured = sentTime(index);
      if (measured === undefined && inFlight >= slots) break;
      next += 1;
      if (measured === undefined) inFlight += 1;
      events.push(measured === undefined ? time : Math.max(time, measured), { type: 'release', index });
    }
  };
  release(0);
  while (events.size > 0) {
    const { time, value } = events.pop();
    const i = value.index;
    switch (value.type) {
      case 'release':
        // A request measured to leave at this time has paid its send cost already: it leaves now.
        events.push(sentTime(i) === undefined ? client.run(time, sendCost) : time, { type: 'arrive', index: i });
        break;
      case 'arrive':
        events.push(server.run(time, serverCost) + (delaysMs[i] as number), { type: 'respond', index: i });
        break;
      case 'respond':
        events.push(client.run(time, receiveCost), { type: 'done', index: i });
        break;
      case 'done':
        makespan = Math.max(makespan, time);
        if (sentTime(i) === undefined) inFlight -= 1;
        inBatchLeft -= 1;
        if (inBatchLeft === 0 && batchEnd < n) {
          batchEnd = Math.min(batchEnd + batch, n);
          inBatchLeft = batchEnd - next;
        }
        release(time);
        break;
    }
  }
  return makespan;
}

function checkCost(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new InvalidArgumentError(name, `simulateFanOut: ${name} must be a finite number ≥ 0, got ${value}.`);
  return value;
}

function checkCount(name: string, value: number | undefined): number {
  if (value === undefined || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(name, `simulateFanOut: ${name} must be a positive integer, got ${value}.`);
  }
  return value;
}
