/**
 * The results of one `pokebench run`: everything a report, a chart or the
 * regression gate needs, and nothing tied to a process (no functions, no
 * handles). Written as `results.json`; its JSON Schema is
 * `schema/results.schema.json`, and `version` changes when a field's meaning does.
 */
import type { Outcome } from '../types.ts';

/** Bumped when a field changes meaning; readers refuse versions they do not know. */
export const RESULTS_VERSION = 1;

/** The machine a run was measured on (core count matters: pool defaults follow it). */
export interface MachineInfo {
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  totalMemoryMb: number;
  node: string;
  /** Load average (1 min) when the run started: a busy machine explains noise. */
  loadAverage1m: number;
  /** Host name, to tell the machines of a sharded sweep apart; absent in older files. */
  hostname?: string | undefined;
}

/** Which part of a sharded sweep a results file holds (`run --shard index/count`). */
export interface ShardInfo {
  /** 1-based. */
  index: number;
  count: number;
}

/** What served an external `--url` target, read from its admin API when reachable. */
export interface TargetInfo {
  /** Worker processes or replicas behind the URL, as its health reports; null when it could not be asked. */
  workers: number | null;
  /** The server's stats after the sweep (every worker's merged), or null when it could not be asked. */
  stats: unknown;
}

/** How the run was set up. */
export interface RunSettings {
  /** Profile name (or path) and the seed actually used. */
  profile: { name: string; seed: number; description?: string | undefined; definition: unknown };
  payload: 'slim' | 'realistic';
  client: { kind: 'undici' | 'fetch'; connections: number | null; pipelining: number; timeoutMs: number | null };
  repeats: number;
  warmup: number;
  /** The N ladder of each strategy (sequential gets a shorter one). */
  ladders: Record<string, number[]>;
  /** An external server's URL, or null when the kit started the mock itself. */
  url: string | null;
  /** Where the mock ran: `child` (its own process), `in-process` (the client's event loop) or `external` (`url`). Absent in older files. */
  mock?: MockPlacement | undefined;
  /** For an external `url`: how many workers served it, and its merged stats. */
  target?: TargetInfo | undefined;
}

/** One repetition of one strategy at one N. */
export interface RunSummary {
  /** Wall time of the fan-out, ms. */
  wallMs: number;
  /** Ideal makespan from the model and the delays the server applied, ms. */
  idealMs: number;
  /** Mean applied delay of this run's requests, ms. */
  meanDelayMs: number;
  counts: Record<Outcome, number>;
  /** Client CPU (user + system) during the run, ms: for a Node strategy the whole process (the embedded mock included). */
  cpuMs: number;
  /**
   * Busy time of the strategy's event loop, ms: its serial work, the CPU roof
   * of a main-thread strategy. NaN (null in JSON) for an external client; absent in older files.
   */
  loopActiveMs?: number | undefined;
  /**
   * CPU the mock spent during the run, ms (it shares the cores): read from its
   * admin API when it runs in its own process; for an external client against
   * an in-process mock, this process's CPU meanwhile. Absent when unknown.
   */
  serverCpuMs?: number | undefined;
  /** Busy time of the mock's event loop during the run, ms (its admin API); absent when unknown. */
  serverLoopActiveMs?: number | undefined;
  /** The model of this run (its roofs and ideal); absent in older files. */
  model?: RunModelSummary | undefined;
  /** Event-loop delay p99 during the run, ms; NaN (null in JSON) for an external client. */
  eventLoopP99Ms: number;
  /** Sockets the client opened. */
  connectionsOpened: number | null;
  /** Faults the mock injected during this run, by kind; absent when the server could not be asked (not a pokebench mock). */
  faults?: Record<string, number> | undefined;
  /** Requests lost (network errors and timeouts) by error code (`TIMEOUT` for a timeout); absent when none, or for an external client. */
  lostCodes?: Record<string, number> | undefined;
}

/**
 * Per-request latency percentiles (end − start), ms, over all repetitions of
 * a point; NaN (null in JSON) for an external client, which reports no
 * per-request times.
 */
export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** One strategy at one N. */
export interface PointResult {
  n: number;
  runs: RunSummary[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** (max − min) / median. */
  spread: number;
  /**
   * Median over repetitions of the model's ideal, ms: the discrete-event
   * model when `model` is present, else (older files) the wait makespan.
   */
  idealMs: number;
  /** idealMs / medianMs (1 = as fast as the model allows). */
  efficiency: number;
  /** (median − ideal) / N, ms. */
  overheadPerRequestMs: number;
  /** Outcome counts summed over repetitions (sum = n × repetitions). */
  counts: Record<Outcome, number>;
  /** Injected faults by kind, summed over repetitions; absent when the server could not be asked. */
  faults?: Record<string, number> | undefined;
  latency: LatencySummary;
  /** The model at this point: roofs, the binding one, the wait-only efficiency; absent in older files. */
  model?: PointModelSummary | undefined;
  /**
   * Set when the point's runs lost requests the profile did not ask to lose
   * (the machine's limits, not the client): the cause in plain words with the
   * fix. Its strategy's verdict is then `invalid`.
   */
  invalid?: string | undefined;
}

// ---- The model (src/model): where the mock ran, and per run and point the roofs and the ideal. ----

/** Where the mock ran during a run. */
export type MockPlacement = 'child' | 'in-process' | 'external';

/** Which roof binds: the delays, the client's CPU, or the server's event loop. */
export type RoofName = 'wait' | 'cpu' | 'server';

/** The model of one run, ms. */
export interface RunModelSummary {
  /** The wait roof: the strategy's makespan over the applied delays. */
  waitMs: number;
  /** The client's CPU roof (its serial work over the CPUs that can spend it, or all CPU over the cores). */
  cpuRoofMs: number;
  /** The server's roof: its event loop's busy time; 0 when not measured. */
  serverRoofMs: number;
  binding: RoofName;
}

/** The model at one point: medians over repetitions, ms. */
export interface PointModelSummary extends RunModelSummary {
  /** The wait roof over the measured median: the efficiency of older files. */
  waitEfficiency: number;
}

// ---- end of the model block ----

/** The scaling verdict of one strategy over its ladder. */
export interface ScalingSummary {
  /**
   * Normalised slope s = b / L̄ (1 sequential, 1/k pool, 0 concurrent). The
   * numbers of this summary are NaN in memory (null in JSON) when they cannot
   * be computed: fewer than 2 N values, or a profile that applies no delay.
   */
  slope: number;
  interval: { low: number; high: number };
  /** `flat`, `linear`, `partial(1/k)`, `inconclusive`, or `invalid` (a point lost requests to the machine: see its `invalid`). */
  verdict: string;
  reason: string;
  interceptMs: number;
  slopeMs: number;
  r2: number;
  meanLatencyMs: number;
  /** Best-fitting complexity class, Google Benchmark style; `n/a` below 3 N values. */
  complexity: string;
}

/** One strategy over its ladder. */
export interface StrategyResult {
  name: string;
  kind: 'sequential' | 'concurrent' | 'bounded' | 'batched' | 'workers';
  k: number | null;
  points: PointResult[];
  scaling: ScalingSummary;
  /** Set for an external client (a peer process, peers/README.md): how it was run. */
  external?: { command: string } | undefined;
  /** Runs that produced no result (an external client that crashed, hung or printed garbage). */
  failures?: { n: number; repetition: number; reason: string; message: string }[] | undefined;
  /** The machine this strategy was measured on, in merged results (`pokebench merge`). */
  machine?: MachineInfo | undefined;
}

/** The whole run. */
export interface Results {
  schema: 'pokebench-results';
  version: typeof RESULTS_VERSION;
  createdAt: string;
  tool: { name: 'pokebench'; version: string };
  machine: MachineInfo;
  settings: RunSettings;
  /** Wall time of the whole sweep, ms. */
  durationMs: number;
  strategies: StrategyResult[];
  /** Set by `run --shard`: this file holds one shard of a sweep, to be merged. */
  shard?: ShardInfo | undefined;
  /** Set by `pokebench merge`: how many shards these results were merged from. */
  merged?: { shards: number } | undefined;
}
