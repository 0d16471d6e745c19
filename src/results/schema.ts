/**
 * The results contract, once: each object of a results.json as a named zod
 * schema. The TypeScript types (`types.ts`), the published JSON Schema
 * (`schema/results.schema.json`, written by `npm run schema`) and the check of
 * a file being read (`parse-results.ts`) all come from here. To add a field,
 * add it to its object below and run `npm run schema`.
 *
 * Numbers that may be NaN in memory are {@link nanNumber}: JSON has no NaN
 * (`JSON.stringify` writes null), so the file holds null and reading turns it
 * back into NaN.
 */
import { z } from 'zod';
import { verdictSchema } from './verdict.ts';

/** Bumped when a field changes meaning; readers refuse versions they do not know. */
export const RESULTS_VERSION = 2;

/** The `schema` tag of every results file. */
export const RESULTS_SCHEMA = 'pokebench-results';

/** The complexity classes a summary may name (`n/a` below 3 N values); src/scaling/complexity.ts fits them. */
export const COMPLEXITY_LABELS = ['O(1)', 'O(log N)', 'O(N)', 'O(N log N)', 'O(N^2)', 'n/a'] as const;

/** A number that is NaN in memory when it cannot be computed: null in JSON, NaN once read. */
export function nanNumber(description?: string) {
  const schema = z
    .number()
    .nullable()
    .transform((value) => value ?? Number.NaN);
  return description === undefined ? schema : schema.meta({ description });
}

const count = z.int().min(0);
const ms = z.number().min(0);

/** Requests per outcome; every request ends as exactly one. */
export const outcomeCountsSchema = z
  .object({ ok: count, 'http-error': count, 'network-error': count, timeout: count })
  .meta({ id: 'outcomeCounts', description: 'Requests per outcome; every request ends as exactly one.' });

const faultsSchema = z
  .record(z.string(), count)
  .meta({ description: 'Faults the embedded mock injected, by kind (http-error, rate-limited, malformed-json, reset, empty, hang, rate-limit, queue-full); absent against an external server.' });

/** The machine a run was measured on (core count matters: pool defaults follow it). */
export const machineInfoSchema = z
  .object({
    platform: z.string(),
    arch: z.string(),
    cpus: z.int().min(1).meta({ description: 'Cores available to the process (os.availableParallelism()).' }),
    cpuModel: z.string(),
    totalMemoryMb: z.number().min(0),
    node: z.string(),
    loadAverage1m: z.number().min(0).meta({ description: 'Load average (1 min) when the run started: a busy machine explains noise.' }),
    hostname: z.string().optional().meta({ description: 'Host name, to tell the machines of a sharded sweep apart; absent in older files.' }),
  })
  .meta({ id: 'machineInfo', description: 'The machine a run was measured on.' });

/** The profile a run used, as loaded. */
export const profileSettingsSchema = z.object({
  name: z.string().min(1).meta({ description: 'Profile name or path.' }),
  seed: z.int().meta({ description: 'The seed actually used.' }),
  description: z.string().optional(),
  definition: z.unknown().meta({ description: 'The profile as loaded (any JSON).' }),
});

/** The client the Node strategies used. */
export const clientSettingsSchema = z.object({
  kind: z.enum(['undici', 'fetch']),
  connections: z.int().min(1).nullable().meta({ description: 'null: unlimited.' }),
  pipelining: z.int().min(1),
  timeoutMs: z.number().min(0).nullable().meta({ description: 'null: no timeout.' }),
});

/** Where the mock ran during a run: its own process, the client's event loop, or an external `url`. */
export const mockPlacementSchema = z.enum(['child', 'in-process', 'external']);

/** What served an external `--url` target, read from its admin API when reachable. */
export const targetInfoSchema = z
  .object({
    workers: z.int().min(1).nullable().meta({ description: 'Worker processes or replicas behind the URL, as its health reports; null when it could not be asked.' }),
    stats: z.unknown().meta({ description: 'The server\'s GET /__admin/stats after the sweep (every worker merged), or null.' }),
  })
  .meta({ id: 'targetInfo', description: 'For an external url: how many workers or replicas served it, and its merged stats.' });

/** How the run was set up. */
export const runSettingsSchema = z
  .object({
    profile: profileSettingsSchema,
    serverCap: z
      .int()
      .min(1)
      .nullable()
      .meta({ description: "The profile's server concurrency cap (the model schedules a pool of k on min(k, cap)); null: none." }),
    payload: z.enum(['slim', 'realistic']),
    client: clientSettingsSchema,
    repeats: z.int().min(1),
    maxRepeats: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Most repetitions of a point, when more than `repeats`: a point was measured again while the gate could not yet decide it against itself.' }),
    warmup: z.int().min(0),
    ladders: z.record(z.string(), z.array(z.int().min(1))).meta({ description: 'The N ladder of each strategy, by strategy name.' }),
    url: z.string().nullable().meta({ description: "An external server's URL, or null when the kit started the mock itself." }),
    mock: mockPlacementSchema
      .optional()
      .meta({ description: "Where the mock ran: child (its own process), in-process (the client's event loop) or external (url). Absent in older files." }),
    target: targetInfoSchema.optional(),
  })
  .meta({ id: 'runSettings', description: 'How the run was set up.' });

/** Which roof binds: the delays, the client's CPU, or the server's event loop. */
export const roofNameSchema = z.enum(['wait', 'cpu', 'server']);

/** The model of one run, ms (src/model): its roofs and the one that binds. */
export const trialModelSchema = z
  .object({
    waitMs: ms.meta({ description: "The wait roof: the strategy's makespan over the applied delays." }),
    cpuRoofMs: ms.meta({ description: "The client's CPU roof: its serial work over the CPUs that can spend it, or all CPU over the cores." }),
    serverRoofMs: ms.meta({ description: "The server's roof: its event loop's busy time; 0 when not measured." }),
    binding: roofNameSchema,
  })
  .meta({ id: 'trialModel', description: 'The model of one run: its roofs, ms, and the one that binds.' });

/** The model at one point: medians over repetitions, ms. */
export const pointModelSchema = trialModelSchema
  .extend({ waitEfficiency: nanNumber('The wait roof over the measured median: the efficiency of older files.') })
  .meta({ id: 'pointModel', description: 'The model at one point: medians over repetitions of each roof, the binding one, and the wait-only efficiency.' });

/** One repetition of one strategy at one N. */
export const trialSummarySchema = z
  .object({
    wallMs: z.number().positive().meta({ description: 'Wall time of the fan-out, ms.' }),
    idealMs: ms.meta({ description: "The model's ideal of this run, ms: the fan-out simulated from the applied delays and the CPU the client and the mock measured." }),
    meanDelayMs: ms.meta({ description: "Mean applied delay of this run's requests, ms." }),
    counts: outcomeCountsSchema,
    cpuMs: ms.meta({ description: 'Client CPU (user + system) during the run, ms: for a Node strategy the whole process (the embedded mock included).' }),
    loopActiveMs: nanNumber("Busy time of the strategy's event loop, ms (its serial work, the CPU roof of a main-thread strategy); null for an external client.").optional(),
    loopWorkMs: ms
      .meta({ description: "The serial time of the strategy's event loop, ms, as the model took it: on Linux its thread's CPU plus its run-queue wait, else its busy time capped by the process CPU. Absent for workers and peers." })
      .optional(),
    runQueueMs: ms
      .meta({ description: "Time the client was ready to run and waited for a CPU, ms (Linux): its event loop's thread, or a peer's threads summed as the peer reports them. What the machine's other work took from it; absent where the kernel or the peer does not tell." })
      .optional(),
    serverCpuMs: ms
      .meta({ description: "CPU the mock spent during the run, ms: from its admin API when it runs in its own process; for an external client beside an in-process mock, this process's CPU meanwhile." })
      .optional(),
    serverLoopActiveMs: ms.meta({ description: "Busy time of the mock's event loop during the run, ms (its admin API)." }).optional(),
    serverRunQueueMs: ms.meta({ description: "Time the mock's event-loop thread waited for a CPU during the run, ms (its admin API, Linux)." }).optional(),
    probeMs: z
      .number()
      .positive()
      .meta({ description: "How fast the machine ran JavaScript around the run: the fastest of six runs of a fixed CPU probe, three before and three after it, each less its thread's run-queue wait, ms. The gate compares time above the wait roof at one machine speed." })
      .optional(),
    model: trialModelSchema.optional(),
    eventLoopP99Ms: nanNumber('Event-loop delay p99 during the run, ms; null for an external client (a peer process).'),
    connectionsOpened: z.int().min(0).nullable().meta({ description: 'Sockets the client opened.' }),
    faults: faultsSchema.optional(),
    lostCodes: z
      .record(z.string(), count)
      .optional()
      .meta({ description: 'Requests lost (network errors and timeouts) by error code (TIMEOUT for a timeout); absent when none, or for an external client.' }),
  })
  .meta({ id: 'trialSummary', description: 'One repetition of one strategy at one N.' });

/** Per-request latency percentiles (end − start), ms, over all repetitions of a point. */
export const latencySummarySchema = z
  .object({ p50: nanNumber(), p90: nanNumber(), p99: nanNumber(), max: nanNumber() })
  .meta({
    id: 'latencySummary',
    description: 'Per-request latency percentiles (end - start), ms, over all repetitions of a point. null for an external client, which reports no per-request times.',
  });

/** One strategy at one N. */
export const pointResultSchema = z
  .object({
    n: z.int().min(1),
    runs: z.array(trialSummarySchema).min(1),
    medianMs: ms,
    minMs: ms,
    maxMs: ms,
    spread: z.number().min(0).meta({ description: '(max - min) / median.' }),
    idealMs: ms.meta({ description: "The model's ideal for the median run, ms: medianMs times the median over repetitions of each run's idealMs / wallMs (each run's ideal paired with its own wall). Older files: the median of the runs' ideals." }),
    efficiency: z.number().min(0).meta({ description: 'idealMs / medianMs (1 = as fast as the model allows).' }),
    overheadPerRequestMs: z.number().meta({ description: '(median - ideal) / N, ms; negative when a run beat the model.' }),
    counts: outcomeCountsSchema.meta({ description: 'Outcome counts summed over repetitions (sum = n × repetitions).' }),
    faults: faultsSchema.optional(),
    latency: latencySummarySchema,
    model: pointModelSchema.optional(),
    invalid: z
      .string()
      .optional()
      .meta({ description: "Set when the point's runs lost requests the profile did not ask to lose (the machine's limits, not the client): the cause with the fix. The strategy's verdict is then invalid." }),
  })
  .meta({ id: 'pointResult', description: 'One strategy at one N.' });

/** The scaling verdict of one strategy over its ladder. */
export const scalingSummarySchema = z
  .object({
    slope: nanNumber('Normalised slope s = b / mean latency (1 sequential, 1/k pool, 0 concurrent); null when it cannot be computed (fewer than 2 N values, or no applied delay).'),
    interval: z.object({ low: nanNumber(), high: nanNumber() }),
    verdict: verdictSchema,
    reason: z.string().meta({ description: 'Which rule decided the verdict.' }),
    interceptMs: nanNumber(),
    slopeMs: nanNumber(),
    r2: nanNumber(),
    meanLatencyMs: ms,
    complexity: z.enum(COMPLEXITY_LABELS).meta({ description: 'Best-fitting complexity class, Google Benchmark style; n/a below 3 N values.' }),
  })
  .meta({ id: 'scalingSummary', description: 'The scaling verdict of one strategy over its ladder.' });

/** A repetition that produced no result. */
export const trialFailureSchema = z.object({ n: count, repetition: count, reason: z.string(), message: z.string() });

/** One strategy over its ladder. */
export const strategyResultSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['sequential', 'concurrent', 'bounded', 'batched', 'workers']),
    k: z.int().min(1).nullable(),
    points: z.array(pointResultSchema),
    scaling: scalingSummarySchema,
    external: z.object({ command: z.string() }).optional().meta({ description: 'Set for an external client (a peer process): how it was run.' }),
    failures: z
      .array(trialFailureSchema)
      .optional()
      .meta({ description: 'Runs that produced no result (an external client that crashed, hung or printed garbage).' }),
    machine: machineInfoSchema.optional().meta({ description: 'The machine this strategy was measured on, in merged results (pokebench merge).' }),
  })
  .meta({ id: 'strategyResult', description: 'One strategy over its ladder.' });

/** The whole run: what a report, a chart or the regression gate needs, and nothing tied to a process. */
export const resultsSchema = z
  .object({
    schema: z.literal(RESULTS_SCHEMA),
    version: z.literal(RESULTS_VERSION).meta({ description: 'Readers refuse versions they do not know.' }),
    createdAt: z.iso.datetime(),
    tool: z.object({ name: z.literal('pokebench'), version: z.string() }),
    machine: machineInfoSchema,
    settings: runSettingsSchema,
    durationMs: ms.meta({ description: 'Wall time of the whole sweep, ms.' }),
    strategies: z.array(strategyResultSchema),
    shard: z
      .object({ index: z.int().min(1).meta({ description: '1-based.' }), count: z.int().min(1) })
      .optional()
      .meta({ description: 'Set by run --shard: this file holds one shard of a sweep, to be merged.' }),
    merged: z.object({ shards: z.int().min(1) }).optional().meta({ description: 'Set by pokebench merge: how many shards these results were merged from.' }),
  })
  .meta({
    title: 'pokebench results',
    description: "The results of one `pokebench run` (results.json). `version` changes when a field's meaning does. Times are in milliseconds.",
  });
