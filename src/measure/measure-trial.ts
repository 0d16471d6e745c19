/**
 * One measured fan-out: run a strategy over N ids and return its records with
 * everything needed to explain its time (wall, CPU, event-loop delay, sockets
 * opened, the delays the server applied).
 */
import type { FetchOne, Outcome, RequestRecord, Strategy } from '../types/index.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { type EventLoopDelay, startLoopMonitor } from './event-loop-delay.ts';
import { appliedDelays, countOutcomes } from './outcome-counts.ts';
import { schedSince, threadSched, type ThreadSched } from '../../mock-server/thread-sched/index.ts';

/** Pokemon ids the mock serves (1..1025); `n` larger than that wraps around. */
export const POKEMON_COUNT = 1025;

/** Options of {@link measureTrial}. Give `ids` or `n`, not both. */
export interface MeasureTrialOptions {
  /** The strategy to measure. */
  strategy: Strategy;
  /** The client. */
  fetchOne: FetchOne;
  /** Ids to fetch, in order. */
  ids?: readonly number[] | undefined;
  /** Fetch ids 1, 2, …, n (wrapping after {@link POKEMON_COUNT}). */
  n?: number | undefined;
  /** Per-request timeout, ms. @defaultValue none */
  timeoutMs?: number | undefined;
  /** Aborts the run (requests end as `network-error`, code `ABORTED`). */
  signal?: AbortSignal | undefined;
  /** Monotonic clock, ms, shared with the strategy. @defaultValue `performance.now` */
  now?: (() => number) | undefined;
  /** Event-loop sampling interval, an integer in [1, 10] ms. @defaultValue 10 */
  loopResolutionMs?: number | undefined;
  /** Call `fetchOne.close()` when done (see {@link FetchOne}). Pass false to reuse the client. @defaultValue true */
  closeClient?: boolean | undefined;
}

/** One measured fan-out. */
export interface TrialResult {
  /** Strategy name, e.g. `bounded(4)`. */
  strategy: string;
  /** Strategy family, and k when it has one. */
  kind: Strategy['kind'];
  k: number | undefined;
  /** Requests sent. */
  n: number;
  /**
   * Makespan, ms: from the fan-out's start to the last outcome (the latest
   * record `end`; records count from the strategy's start, taken after any
   * setup such as starting worker threads). What the model predicts. 0 for N = 0.
   */
  wallMs: number;
  /** The whole `strategy.run` call, ms: setup and teardown included. */
  totalMs: number;
  /** One record per request, in input order. */
  records: RequestRecord[];
  /** Records per outcome; they sum to `n` (checked). */
  counts: Record<Outcome, number>;
  /** Delays the server applied, in input order, for the requests that carry one. */
  appliedDelaysMs: number[];
  /** Indices (input order) of the requests with no applied delay, so `appliedDelaysMs` holds no NaN. */
  missingDelayIndices: number[];
  /** Event-loop delay of this thread from the fan-out's start to the end of `run`. */
  eventLoopDelay: EventLoopDelay;
  /**
   * Sockets the client opened during the run, from `fetchOne.stats()`;
   * undefined without it, and for `workers` (each thread has its own client).
   */
  connectionsOpened: number | undefined;
  /** Process CPU time (all threads) from the fan-out's start to the end of `run`, ms. */
  cpuMs: { user: number; system: number };
  /**
   * Time this thread's event loop was busy over the same span, ms
   * (`performance.eventLoopUtilization().active`): the serial work of one
   * event loop, the CPU roof of a main-thread strategy. Process CPU also
   * counts GC and worker threads that run beside it. NaN for an external client.
   */
  loopActiveMs: number;
  /**
   * This thread (the event loop's) over the same span, on Linux: its time on
   * a CPU and its run-queue wait (ready to run, no CPU free), ms. The wait is
   * what other processes took from the loop; undefined where the kernel does
   * not tell ({@link threadSched}).
   */
  loopThread?: ThreadSched | undefined;
  /**
   * Faults the server injected during the run, by kind (`http-error`,
   * `reset`, `queue-full`...), when the sweep can ask the server (the
   * embedded mock); undefined otherwise.
   */
  injectedFaults?: Record<string, number> | undefined;
  /**
   * How fast the machine ran JavaScript around the run: the fastest of the
   * speed probes timed just before and just after it, ms (`speed-probe.ts`),
   * set by the sweep. The gate compares CPU-bound time at one machine speed.
   */
  probeMs?: number | undefined;
  /**
   * The mock's own cost over the run, from its admin API (`GET
   * /__admin/process`, read before and after), when it runs in a process of
   * its own: CPU (user + system) and its event loop's busy time, ms.
   */
  server?: { cpuMs: number; loopActiveMs: number; loopThread?: ThreadSched | undefined } | undefined;
  /**
   * Set when the run was an external client's (a peer process): it reports
   * its own wall, CPU, counts and delays, and no per-request records (so
   * `records` is empty and the event-loop figures are NaN).
   */
  external?:
    | {
        peer: string;
        processWallMs: number;
        /** CPU this process (the embedded mock) spent during the peer's run, ms, when measured. */
        serverCpuMs?: number | undefined;
        /** The peer's threads' run-queue wait over its window, summed, ms, when it reports one (Linux). */
        runQueueMs?: number | undefined;
        /** When each request left the peer, ms from its window's start, in input order (null where unknown), when it reports them. */
        sentMs?: readonly (number | null)[] | undefined;
      }
    | undefined;
}

interface ResolvedRunOptions {
  ids: readonly number[];
  now: () => number;
  loopResolutionMs: number;
  closeClient: boolean;
}

/**
 * Measure one fan-out. CPU time, event-loop delay and the socket count start
 * when the strategy calls `onStart` (after its setup), or when `run` is
 * called if it never does. Starting the event-loop monitor costs one
 * resolution (≤ 11 ms) before the run, outside every timed span.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming a bad option.
 * @throws MeasurementInvariantError (code `INTERNAL`) if the strategy lost, added or reordered a record.
 * @example
 * const result = await measureTrial({ strategy: bounded(8), fetchOne: createUndiciClient({ baseUrl: url }), n: 400 });
 * result.wallMs; result.counts.ok; result.cpuMs.user;
 */
export async function measureTrial(options: MeasureTrialOptions): Promise<TrialResult> {
  const { strategy, fetchOne } = options;
  const { ids, now, loopResolutionMs, closeClient } = resolveRunOptions(options);
  try {
    const countsSockets = strategy.kind !== 'workers' && fetchOne.stats !== undefined;
    const sockets = (): number | undefined => (countsSockets ? fetchOne.stats?.().connectionsOpened : undefined);
    let loop = await startLoopMonitor(loopResolutionMs);
    let cpu0 = process.cpuUsage();
    let elu0 = performance.eventLoopUtilization();
    let sched0 = threadSched();
    let sockets0 = sockets();
    let started = false;
    // Counters restart once the strategy's setup is done (see StrategyOptions.onStart).
    const onStart = async (): Promise<void> => {
      if (started) return;
      started = true;
      loop.stop();
      loop = await startLoopMonitor(loopResolutionMs);
      cpu0 = process.cpuUsage();
      elu0 = performance.eventLoopUtilization();
      sched0 = threadSched();
      sockets0 = sockets();
    };

    let cpuAtEnd: NodeJS.CpuUsage | undefined;
    let loopAtEnd: number | undefined;
    let schedAtEnd: ThreadSched | undefined;
    const onEnd = (): void => {
      if (cpuAtEnd !== undefined) return;
      cpuAtEnd = process.cpuUsage(cpu0);
      loopAtEnd = performance.eventLoopUtilization(elu0).active;
      schedAtEnd = threadSched();
    };

    const t0 = now();
    let records: RequestRecord[];
    let eventLoopDelay: EventLoopDelay;
    try {
      records = await strategy.run(ids, fetchOne, { timeoutMs: options.timeoutMs, signal: options.signal, now, onStart, onEnd });
    } finally {
      eventLoopDelay = loop.stop();
    }
    const totalMs = now() - t0;
    const cpu = cpuAtEnd ?? process.cpuUsage(cpu0);
    const loopActiveMs = loopAtEnd ?? performance.eventLoopUtilization(elu0).active;
    const loopThread = schedSince(sched0, cpuAtEnd !== undefined ? schedAtEnd : threadSched());
    const sockets1 = sockets();

    const counts = countOutcomes(ids, records);
    const { delaysMs, missingIndices } = appliedDelays(records);
    return {
      strategy: strategy.name,
      kind: strategy.kind,
      k: strategy.k,
      n: ids.length,
      wallMs: records.reduce((latest, r) => Math.max(latest, r.end), 0),
      totalMs,
      records,
      counts,
      appliedDelaysMs: delaysMs,
      missingDelayIndices: missingIndices,
      eventLoopDelay,
      connectionsOpened: sockets0 !== undefined && sockets1 !== undefined ? sockets1 - sockets0 : undefined,
      cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
      loopActiveMs,
      ...(loopThread ? { loopThread } : {}),
    };
  } finally {
    if (closeClient) await fetchOne.close?.();
  }
}

/** The ids fetched for `n` requests: 1, 2, …, wrapping after {@link POKEMON_COUNT}. */
export function defaultIds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 + (i % POKEMON_COUNT));
}

/**
 * Validate {@link MeasureTrialOptions} and fill the defaults.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming the first bad option.
 */
export function resolveRunOptions(options: MeasureTrialOptions): ResolvedRunOptions {
  const { strategy, fetchOne, ids, n } = options;
  if (typeof strategy?.run !== 'function') fail('strategy', 'a Strategy (with a run method)', strategy);
  if (typeof fetchOne !== 'function') fail('fetchOne', 'a function (id, signal) => Promise<FetchResult>', fetchOne);
  if ((ids === undefined) === (n === undefined)) {
    throw new InvalidOptionError('ids', `Give exactly one of options.ids and options.n, got ${ids === undefined ? 'neither' : 'both'}.`);
  }
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => Number.isSafeInteger(id)))) fail('ids', 'an array of integers', ids);
  if (n !== undefined && !(Number.isSafeInteger(n) && n >= 0)) fail('n', 'an integer ≥ 0', n);
  const loopResolutionMs = options.loopResolutionMs ?? 10;
  if (!(Number.isInteger(loopResolutionMs) && loopResolutionMs >= 1 && loopResolutionMs <= 10)) {
    fail('loopResolutionMs', 'an integer in [1, 10] (ms)', loopResolutionMs);
  }
  const closeClient = options.closeClient ?? true;
  if (typeof closeClient !== 'boolean') fail('closeClient', 'a boolean', closeClient);
  if (options.now !== undefined && typeof options.now !== 'function') fail('now', 'a function returning ms', options.now);
  return {
    ids: ids ?? defaultIds(n as number),
    now: options.now ?? (() => performance.now()),
    loopResolutionMs,
    closeClient,
  };
}

function fail(option: string, expected: string, value: unknown): never {
  const shown = Array.isArray(value) ? `an array of ${value.length}` : typeof value === 'function' ? 'a function' : String(value);
  throw new InvalidOptionError(option, `options.${option} must be ${expected}, got ${shown}.`);
}
