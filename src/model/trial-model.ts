/**
 * The model of one measured run: its roofs (wait, client CPU, server) and
 * its ideal, the makespan of {@link simulateFanOut} fed with what the run
 * measured apart from its wall time. Every report, the gate and the matchers
 * read efficiency = this ideal / measured (docs/design.md "The model").
 */
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';
import { idealMakespan, type StrategyKind } from './makespan.ts';
import { simulateFanOut } from './simulate.ts';

/** Which roof binds: waiting on the delays, the client's CPU, or the server's. */
export type Roof = 'wait' | 'cpu' | 'server';

/** What one run measured, apart from its wall time; CPU times in ms over the run. */
export interface TrialModelInput {
  kind: StrategyKind;
  k?: number | undefined;
  serverCap?: number | undefined;
  /** Applied delays in input order (0 where a request carries none). */
  delaysMs: readonly number[];
  /**
   * The client's serial work, ms: an event loop's work (its busy time, capped
   * by its process CPU), or its CPU when that is all it reports. Spread over
   * `clientCpus` CPUs.
   */
  clientWorkMs: number;
  /** CPUs the client's work can use at once (1 for an event loop or a GIL). @defaultValue 1 */
  clientCpus?: number | undefined;
  /** The server's serial work over the run (its event loop's, capped by its process CPU), when measured. */
  serverWorkMs?: number | undefined;
  /** When each request left the client, ms from the start (null where unknown), when the client measured it (a peer's `sentMs`). */
  sentAtMs?: readonly (number | null)[] | undefined;
  /**
   * All CPU the run cost the machine (client and server processes) over its
   * cores, ms: a bound when both share the cores. 0 or undefined when unknown.
   */
  coresRoofMs?: number | undefined;
}

/** The model of one run. */
export interface TrialModel {
  /** The wait roof: the strategy's makespan over the applied delays, no CPU cost. */
  waitMs: number;
  /** The client's CPU roof: its serial work over the CPUs that can spend it, or the cores roof if larger. */
  cpuRoofMs: number;
  /** The server's roof: its event loop's serial work over the run; 0 when not measured. */
  serverRoofMs: number;
  /** The model's ideal: the simulated makespan (never below a roof). */
  idealMs: number;
  /** The largest roof; `wait` on a tie. */
  binding: Roof;
}

/** The shares of the client's work the model tries on the send side (the rest on receiving). */
const SEND_SHARES = [0, 0.25, 0.5, 0.75, 1] as const;

/**
 * The roofs and the ideal of one run. The client's serial work becomes a
 * cost of work / N per request, split between sending and receiving in the
 * way that gives the shortest makespan ({@link SEND_SHARES}); the server's, a
 * cost of work / N per request on its one event loop.
 *
 * @throws InvalidArgumentError for a negative or non-finite time.
 * @example modelTrial({ kind: 'concurrent', delaysMs: [30, 30], clientWorkMs: 10 }) // { idealMs: 37.5, binding: 'wait', … }
 */
export function modelTrial(input: TrialModelInput): TrialModel {
  const n = input.delaysMs.length;
  const clientCpus = input.clientCpus ?? 1;
  for (const [name, value] of [
    ['clientWorkMs', input.clientWorkMs],
    ['serverWorkMs', input.serverWorkMs ?? 0],
    ['coresRoofMs', input.coresRoofMs ?? 0],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0)) throw new InvalidArgumentError(name, `modelTrial: ${name} must be a finite number ≥ 0, got ${value}.`);
  }
  const waitMs = idealMakespan(input.kind, input.k, input.delaysMs, input.serverCap);
  const serverRoofMs = input.serverWorkMs ?? 0;
  const cpuRoofMs = Math.max(input.clientWorkMs / clientCpus, input.coresRoofMs ?? 0);
  // The client's work is measured as a total, not as its send and receive parts. Each split gives
  // another makespan (work before a request leaves delays its response; work after it queues behind
  // the responses), so the ideal takes the best split: the least time any client with this much work
  // could take. Putting it all on one side would add a delay's worth the client did not need, and
  // read as a client faster than its ideal.
  const simulated =
    n === 0
      ? 0
      : Math.min(
          ...SEND_SHARES.map((share) =>
            simulateFanOut({
              kind: input.kind,
              k: input.k,
              serverCap: input.serverCap,
              delaysMs: input.delaysMs,
              clientCpus,
              sendCostMs: (share * input.clientWorkMs) / n,
              receiveCostMs: ((1 - share) * input.clientWorkMs) / n,
              serverCostMs: serverRoofMs / n,
              sentAtMs: input.sentAtMs,
            }),
          ),
        );
  const idealMs = Math.max(simulated, waitMs, cpuRoofMs, serverRoofMs);
  const binding: Roof = serverRoofMs > Math.max(waitMs, cpuRoofMs) ? 'server' : cpuRoofMs > waitMs ? 'cpu' : 'wait';
  return { waitMs, cpuRoofMs, serverRoofMs, idealMs, binding };
}

/** What to change when a roof binds: the client is not the one to fix when the server binds. */
export function roofFix(binding: Roof): string {
  switch (binding) {
    case 'server':
      return 'the mock sets the slope: give it more server workers, or lower the fan-out';
    case 'cpu':
      return 'the client computes: a cheaper client per request, or more CPUs for it';
    default:
      return 'the client waits: a larger pool (or none) shortens it';
  }
}
