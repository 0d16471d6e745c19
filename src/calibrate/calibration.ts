/**
 * What `pokebench calibrate` finds out about the mock on this machine, as
 * saved in `<out>/calibration.json`: how fast it answers at zero delay next
 * to a bare node:http server, how faithfully it reproduces a profile's
 * percentiles at a moderate load, and up to how many connections it holds a
 * fixed delay. Plain data: every field is JSON, every time is in ms.
 */
import type { MachineInfo as RunMachineInfo } from '../results/index.ts';

/** The file name `pokebench calibrate` writes in its output folder. */
export const CALIBRATION_FILE = 'calibration.json';

/** Version tag of the file format; a reader refuses any other. */
export const CALIBRATION_SCHEMA = 'pokebench-calibration/2';

/** The machine the calibration ran on (a calibration only speaks for it): a run's machine facts plus the load before and after. */
export interface MachineInfo extends RunMachineInfo {
  /** `os.loadavg()` at the start: 1, 5 and 15 minutes. */
  loadAverage: [number, number, number];
  /** `os.loadavg()` at the end, so a load that came and went shows. */
  loadAverageAfter: [number, number, number];
}

/** Throughput and latency of one server over one round of load. */
export interface LoadFigures {
  /** Completed responses per second over the round. */
  rps: number;
  /** Client latency, ms (autocannon's histogram: whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers; a capacity round should have none. */
  errors: number;
}

/** One capacity round: the mock and the bare server loaded back to back. */
export interface CapacityRound {
  round: number;
  /** Which server went first this round (they alternate). */
  first: 'mock' | 'bare';
  mock: LoadFigures;
  bare: LoadFigures;
  /** mock rps / bare rps of this round. */
  ratio: number;
}

/** (a) Capacity at zero delay: the mock on `instant` against a bare node:http server answering the same bytes. */
export interface CapacityResult {
  connections: number;
  roundMs: number;
  /** Body bytes of the response both servers send. */
  bytes: number;
  rounds: CapacityRound[];
  /** Medians over the rounds. */
  mock: LoadFigures;
  bare: LoadFigures;
  /** Median of the per-round ratios mock/bare (each round's pair shares the machine's drift). */
  ratio: number;
}

/** The percentiles fidelity compares, in report order. */
export type PercentileLabel = 'p50' | 'p90' | 'p99' | 'p99.9';

/** One percentile: theory, what the client saw, what the server applied. */
export interface FidelityRow {
  label: PercentileLabel;
  /** As a probability: 0.5, 0.9, 0.99, 0.999. */
  p: number;
  /** The profile's quantile after rounding and clamping, ms. */
  theoryMs: number;
  /** Theory's 95% sampling band for the responses measured: the quantiles at p ± 1.96·sqrt(p(1 - p)/n), ms. */
  bandLowMs: number;
  bandHighMs: number;
  /** Client latency at this percentile (nearest rank of 2xx responses), ms. */
  observedMs: number;
  /** The applied delay at this percentile, from the server's own histogram (1% buckets), ms. */
  serverMs: number;
  /** observed − theory, ms. */
  errorMs: number;
  /** errorMs / theoryMs (`null` when theory is 0 or nothing was observed). */
  relativeError: number | null;
  /** max(1 ms, 5% of theory): how far outside the sampling band the observed value may lie. */
  boundMs: number;
  /** Whether the verdict counts this row (p50, p90, p99) or only reports it (p99.9). */
  judged: boolean;
  /** bandLow − bound ≤ observed ≤ bandHigh + bound. */
  within: boolean;
}

/** Responses that were not a clean 2xx, counted apart from the latencies. */
export interface FidelityCounts {
  /** 2xx responses whose latency is in the percentiles. */
  measured: number;
  /** First response on each connection, left out: it carries the TCP connect. */
  dropped: number;
  non2xx: number;
  /** Connection errors (resets, closed sockets) autocannon counted, timeouts included. */
  errors: number;
  timeouts: number;
}

/** (b) How faithfully the mock reproduces a profile at a moderate load. */
export interface FidelityResult {
  /** Profile name (or the path it was loaded from). */
  profile: string;
  /** The route measured (`/api/v2/pokemon/25`). */
  route: 'pokemon';
  connections: number;
  durationMs: number;
  rows: FidelityRow[];
  counts: FidelityCounts;
  /** Sum of the probabilities of the profile's faults on this route (0 without faults). */
  faultProbability: number;
  /** Profile features that put latency the theory does not model in the client's figures. */
  caveats: string[];
  /** `faithful` when every judged row is within its bound and there were responses to judge. */
  verdict: 'faithful' | 'unfaithful';
  /** Runs it took: 2 when a first unfaithful run was rerun to confirm (the figures are the last run's). */
  attempts: number;
}

/** One rung of the concurrency ladder. */
export interface ConcurrencyStep {
  connections: number;
  /** 2xx responses measured (the first on each connection left out). */
  responses: number;
  p50Ms: number;
  p99Ms: number;
  /** p99 of a bare node:http server holding the same fixed delay, on the same rung, ms: the physical limit. */
  bareP99Ms: number;
  /** p99 − the bare server's p99: what the mock added at p99 over the physical limit. */
  addedP99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  pass: boolean;
  /** Runs it took: 2 when a first failure was rerun to confirm (the figures are the last run's). */
  attempts: number;
}

/** (c) The highest concurrency at which the mock holds a fixed delay. */
export interface ConcurrencyResult {
  /** The fixed delay of the ladder's profile, ms. */
  delayMs: number;
  stepMs: number;
  /** A step passes when the mock's p99 − the bare server's p99 < budgetMs + timerSlackMs and nothing failed. */
  budgetMs: number;
  /** What a Node timer may be late by design (1 ms clock), allowed on top of the budget. */
  timerSlackMs: number;
  /** The ladder as run: it stops at the first failing step. */
  steps: ConcurrencyStep[];
  /** Connections of the last passing step before the first failure; 0 when the first step failed. */
  safeConcurrency: number;
  /** Whether a failing step was reached (false: every rung passed, the limit lies above the ladder). */
  limitFound: boolean;
}

/** The content of `calibration.json`. */
export interface Calibration {
  schema: typeof CALIBRATION_SCHEMA;
  /** ISO date of the start. */
  date: string;
  durationMs: number;
  /** Whether `--quick` (shorter rounds) was used. */
  quick: boolean;
  /** The profile judged for fidelity. */
  profile: string;
  payload: 'slim' | 'realistic';
  machine: MachineInfo;
  capacity: CapacityResult;
  fidelity: FidelityResult;
  concurrency: ConcurrencyResult;
}
