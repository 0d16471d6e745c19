/**
 * The results of one `pokebench run`, as TypeScript types: each is inferred
 * from its schema in `schema.ts`, the one source of the contract (the JSON
 * Schema `schema/results.schema.json` is generated from the same schemas).
 */
import type { z } from 'zod';
import type * as schemas from './schema.ts';

export { RESULTS_VERSION } from './schema.ts';
export type { Verdict, VerdictClass } from './verdict.ts';

/** The machine a run was measured on (core count matters: pool defaults follow it). */
export type MachineInfo = z.output<typeof schemas.machineInfoSchema>;

/** How the run was set up. */
export type RunSettings = z.output<typeof schemas.runSettingsSchema>;

/** One repetition of one strategy at one N. */
export type TrialSummary = z.output<typeof schemas.trialSummarySchema>;

/** Per-request latency percentiles (end − start), ms, over all repetitions of a point; NaN for an external client. */
export type LatencySummary = z.output<typeof schemas.latencySummarySchema>;

/** One strategy at one N. */
export type PointResult = z.output<typeof schemas.pointResultSchema>;

/** The scaling verdict of one strategy over its ladder; its numbers are NaN when they cannot be computed. */
export type ScalingSummary = z.output<typeof schemas.scalingSummarySchema>;

/** One strategy over its ladder. */
export type StrategyResult = z.output<typeof schemas.strategyResultSchema>;

/** The whole run. */
export type Results = z.output<typeof schemas.resultsSchema>;

/** A results file as JSON holds it (NaN written as null), before {@link Results} reading. */
export type ResultsJson = z.input<typeof schemas.resultsSchema>;

/** Where the mock ran during a run. */
export type MockPlacement = z.output<typeof schemas.mockPlacementSchema>;

/** Which roof binds: the delays, the client's CPU, or the server's event loop. */
export type RoofName = z.output<typeof schemas.roofNameSchema>;

/** The model of one run, ms. */
export type TrialModelSummary = z.output<typeof schemas.trialModelSchema>;

/** The model at one point: medians over repetitions, ms. */
export type PointModelSummary = z.output<typeof schemas.pointModelSchema>;

/** What served an external `--url` target. */
export type TargetInfo = z.output<typeof schemas.targetInfoSchema>;

/** Which part of a sharded sweep a results file holds (`run --shard index/count`). */
export type ShardInfo = NonNullable<Results['shard']>;
