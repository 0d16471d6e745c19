import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  LatencySummary,
  MachineInfo,
  PointResult,
  Results,
  RunSettings,
  TrialSummary,
  ScalingSummary,
  StrategyResult,
} from '../../src/results/types.ts';
import { RESULTS_VERSION } from '../../src/results/types.ts';
import { COMPLEXITY_CLASSES } from '../../src/scaling/complexity.ts';
import { OUTCOMES } from '../../src/types/index.ts';
import { FIXTURE_NAMES, loadFixtureJson } from '../report/fixtures.ts';
import { resultsJsonSchema } from '../../src/results/index.ts';
import { validate } from './json-schema-subset.ts';

type JsonSchema = Record<string, unknown> & { properties: Record<string, JsonSchema>; required?: string[]; $defs?: Record<string, JsonSchema> };
const schema = JSON.parse(readFileSync(new URL('../../schema/results.schema.json', import.meta.url), 'utf8')) as JsonSchema;
const defs = schema.$defs as Record<string, JsonSchema>;

// Each interface's keys, true when required. `satisfies` makes the compiler
// reject a missing or an extra key, so a field added to types.ts fails here
// until the schema says the same.
const KEYS = {
  results: { schema: true, version: true, createdAt: true, tool: true, machine: true, settings: true, durationMs: true, strategies: true, shard: false, merged: false } satisfies Record<keyof Results, boolean>,
  machineInfo: { platform: true, arch: true, cpus: true, cpuModel: true, totalMemoryMb: true, node: true, loadAverage1m: true, hostname: false } satisfies Record<keyof MachineInfo, boolean>,
  runSettings: { profile: true, payload: true, client: true, repeats: true, warmup: true, ladders: true, url: true, mock: false, target: false, serverCap: true, maxRepeats: false } satisfies Record<keyof RunSettings, boolean>,
  profile: { name: true, seed: true, description: false, definition: true } satisfies Record<keyof RunSettings['profile'], boolean>,
  client: { kind: true, connections: true, pipelining: true, timeoutMs: true } satisfies Record<keyof RunSettings['client'], boolean>,
  trialSummary: { wallMs: true, idealMs: true, meanDelayMs: true, counts: true, cpuMs: true, eventLoopP99Ms: true, connectionsOpened: true, faults: false, loopActiveMs: false, loopWorkMs: false, runQueueMs: false, serverCpuMs: false, serverLoopActiveMs: false, serverRunQueueMs: false, model: false, lostCodes: false, probeMs: false } satisfies Record<keyof TrialSummary, boolean>,
  latencySummary: { p50: true, p90: true, p99: true, max: true } satisfies Record<keyof LatencySummary, boolean>,
  pointResult: {
    n: true, runs: true, medianMs: true, minMs: true, maxMs: true, spread: true, idealMs: true, efficiency: true, overheadPerRequestMs: true, counts: true, faults: false, latency: true, model: false, invalid: false,
  } satisfies Record<keyof PointResult, boolean>,
  scalingSummary: {
    slope: true, interval: true, verdict: true, reason: true, interceptMs: true, slopeMs: true, r2: true, meanLatencyMs: true, complexity: true,
  } satisfies Record<keyof ScalingSummary, boolean>,
  strategyResult: { name: true, kind: true, k: true, points: true, scaling: true, external: false, failures: false, machine: false } satisfies Record<keyof StrategyResult, boolean>,
};

const SCHEMAS: Record<keyof typeof KEYS, JsonSchema> = {
  results: schema,
  machineInfo: defs.machineInfo as JsonSchema,
  runSettings: defs.runSettings as JsonSchema,
  profile: (defs.runSettings as JsonSchema).properties.profile as JsonSchema,
  client: (defs.runSettings as JsonSchema).properties.client as JsonSchema,
  trialSummary: defs.trialSummary as JsonSchema,
  latencySummary: defs.latencySummary as JsonSchema,
  pointResult: defs.pointResult as JsonSchema,
  scalingSummary: defs.scalingSummary as JsonSchema,
  strategyResult: defs.strategyResult as JsonSchema,
};

describe('schema/results.schema.json', () => {
  it('is the file `npm run schema` generates from src/results/schema.ts', () => {
    expect(schema).toEqual(resultsJsonSchema());
  });

  it('is draft 2020-12 and pins version to RESULTS_VERSION', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.version).toEqual(expect.objectContaining({ const: RESULTS_VERSION }));
  });

  it.each(Object.keys(KEYS) as (keyof typeof KEYS)[])('lists exactly the fields of %s in types.ts, required unless optional', (name) => {
    const keys = KEYS[name] as Record<string, boolean>;
    const node = SCHEMAS[name];
    expect(Object.keys(node.properties).toSorted()).toEqual(Object.keys(keys).toSorted());
    expect((node.required ?? []).toSorted()).toEqual(Object.keys(keys).filter((key) => keys[key]).toSorted());
    expect(node.additionalProperties).toBe(false);
  });

  it('names every outcome and every complexity class the code knows', () => {
    expect(Object.keys((defs.outcomeCounts as JsonSchema).properties)).toEqual([...OUTCOMES]);
    expect(((defs.scalingSummary as JsonSchema).properties.complexity as JsonSchema).enum).toEqual([...COMPLEXITY_CLASSES.map((c) => c.name), 'n/a']);
  });

  it.each(FIXTURE_NAMES)('accepts the fixture results-%s.json', (name) => {
    expect(validate(schema, loadFixtureJson(name))).toEqual([]);
  });

  it('has at least the three fixtures the report tests rely on', () => {
    expect(FIXTURE_NAMES).toEqual(expect.arrayContaining(['fast-jitter-30ms', 'flaky-realistic', 'small-ladder']));
  });

  it('rejects a results object that drifted from types.ts', () => {
    const base = loadFixtureJson('small-ladder') as Results;
    const mutate = (change: (r: Record<string, any>) => void): string[] => {
      const copy = structuredClone(base) as unknown as Record<string, any>;
      change(copy);
      return validate(schema, copy);
    };
    expect(mutate((r) => void (r.version = 1))).toEqual(['$.version: expected 2']);
    expect(mutate((r) => void delete r.machine.cpus)).toEqual(['$.machine: missing required "cpus"']);
    expect(mutate((r) => void (r.strategies[0].points[0].n = 1.5))).toEqual(['$.strategies[0].points[0].n: expected integer, got number']);
    expect(mutate((r) => void (r.strategies[0].kind = 'pool'))).toHaveLength(1);
    expect(mutate((r) => void (r.strategies[0].scaling.verdict = 'partial(1/k)'))).toHaveLength(1);
    expect(mutate((r) => void (r.strategies[0].points[0].runs[0].counts.retried = 0))).toEqual([
      '$.strategies[0].points[0].runs[0].counts.retried: no value is allowed here',
    ]);
    expect(mutate((r) => void (r.settings.ladders.sequential = [1, 'ten']))).toEqual(['$.settings.ladders.sequential[1]: expected integer, got string']);
    expect(mutate((r) => void (r.strategies[0].points[0].medianMs = null))).toEqual(['$.strategies[0].points[0].medianMs: expected number, got null']);
  });
});

describe('json-schema-subset (the test checker itself)', () => {
  it('refuses keywords it does not enforce rather than ignoring them', () => {
    expect(() => validate({ type: 'object', allOf: [] }, {})).toThrow(/unsupported keyword "allOf"/);
    expect(() => validate({ $ref: 'other.json#/x' }, {})).toThrow(/cannot resolve/);
  });

  it('treats annotations as annotations', () => {
    expect(validate({ type: 'string', format: 'date-time', description: 'x' }, 'not a date')).toEqual([]);
  });
});
