/**
 * Settings of `pokebench run`, from a config file (`pokebench.config.ts` or
 * `.json`), then flags on top. One schema validates both, so a bad value in
 * either names the setting and the rule.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ConfigError, formatIssues, issueLines, issueRule } from '../../mock-server/errors/index.ts';
import type { Profile } from '../../mock-server/profile/index.ts';

export { ConfigError };

/** Everything `pokebench run` can be told. All optional: defaults fill the rest. */
export interface RunConfig {
  /**
   * Latency profile: a shipped name, a path, or a profile already loaded
   * (a caller that resolved it once passes it down). @defaultValue `'fast-jitter-30ms'`
   */
  profile?: string | Profile;
  /** Overrides the profile's seed. */
  seed?: number;
  /** Strategies, e.g. `['sequential', 'concurrent', 'bounded(6)']`. @defaultValue all five, k = `k` */
  strategies?: string[];
  /**
   * External clients to sweep beside the strategies (peers/README.md): a
   * shipped peer's name (`py-asyncio`, `go-goroutines`...) or a command line
   * that speaks the peer protocol. One missing its toolchain is skipped with
   * a notice (see `pokebench peers check`).
   */
  peers?: string[];
  /** N ladder for every strategy but sequential. @defaultValue concurrent 1..1600, pools 1..320 */
  n?: number[];
  /** N ladder for sequential (it costs N·L). @defaultValue `[1, 5, 10, 20, 40]` */
  sequentialN?: number[];
  /** Measured repetitions per point (at least 3 for a verdict). @defaultValue 5 */
  repeats?: number;
  /**
   * Most repetitions of a point: past `repeats`, a point is measured again
   * while the gate could not yet decide it against itself (its interval wider
   * than ± half the threshold), within half again the sweep's time
   * (`src/sweep/gate-precision.ts`). At least `repeats`.
   * @defaultValue 25 when `repeats` is not set; else `repeats` (exactly that many runs)
   */
  maxRepeats?: number;
  /** Unmeasured warm-up runs per strategy. @defaultValue 1 */
  warmup?: number;
  /** Pool size for bounded/batched/workers. @defaultValue min(32, cpus + 4), like Python's thread pool */
  k?: number;
  /** HTTP client. @defaultValue `'undici'` */
  client?: 'undici' | 'fetch';
  /** Most sockets the client may open. @defaultValue unlimited */
  connections?: number;
  /** Body size of the embedded mock. @defaultValue `'slim'` */
  payload?: 'slim' | 'realistic';
  /** Benchmark a server already running here instead of the kit's mock. */
  url?: string;
  /**
   * Where the kit's mock runs: `child`, a process of its own (its work is not
   * billed to the client measured, and its own CPU is read from its admin
   * API), or `in-process`, on the client's event loop (where spawning is not
   * allowed). Ignored with `url`. @defaultValue `'child'`
   */
  mock?: 'child' | 'in-process';
  /** Where reports go. @defaultValue `'pokebench-results'` */
  out?: string;
  /** Per-request timeout, ms. @defaultValue 30000 */
  timeoutMs?: number;
  /** Stop the sweep after this many seconds. @defaultValue 600 */
  maxSeconds?: number;
  /** A results.json to compare against; a regression exits 1. */
  baseline?: string;
  /** Noise threshold of the gate, relative (0.1 = 10%). @defaultValue 0.1 */
  threshold?: number;
  /**
   * Run only shard `index` of `count` (1-based): whole strategies, dealt in
   * list order (strategies, then peers), so every verdict's points come from
   * one machine. Merge the shards' results with `pokebench merge`.
   * @defaultValue the whole sweep
   */
  shard?: { index: number; count: number };
}

/**
 * Types a config file, like vitest's `defineConfig`.
 *
 * @example
 * // pokebench.config.ts
 * import { defineConfig } from 'pokebench';
 * export default defineConfig({ profile: 'jitter-100ms', repeats: 5 });
 */
export function defineConfig(config: RunConfig): RunConfig {
  return config;
}

const positiveInts = z.array(z.number().int().positive()).min(1);

/** The schema of {@link RunConfig}; strict, so a typo is an error, not a silent default. */
export const runConfigSchema = z.strictObject({
  profile: z
    .union([
      z.string().min(1),
      z.custom<Profile>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'must be a profile name, a path, or a profile object' }),
    ])
    .optional(),
  seed: z.number().int().safe().optional(),
  strategies: z.array(z.string().min(1)).optional(),
  peers: z.array(z.string().min(1)).optional(),
  n: positiveInts.optional(),
  sequentialN: positiveInts.optional(),
  repeats: z.number().int().min(1).max(1000).optional(),
  maxRepeats: z.number().int().min(1).max(1000).optional(),
  warmup: z.number().int().min(0).max(100).optional(),
  k: z.number().int().min(1).max(1024).optional(),
  client: z.enum(['undici', 'fetch']).optional(),
  connections: z.number().int().positive().optional(),
  payload: z.enum(['slim', 'realistic']).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  mock: z.enum(['child', 'in-process']).optional(),
  out: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxSeconds: z.number().positive().optional(),
  baseline: z.string().min(1).optional(),
  threshold: z.number().positive().lt(1).optional(),
  shard: z
    .strictObject({ index: z.number().int().min(1), count: z.number().int().min(1).max(1000) })
    .refine((s) => s.index <= s.count, { message: 'shard index must be from 1 to the shard count' })
    .optional(),
});

/** Validates a config value; `source` names where it came from in the error. */
export function validateRunConfig(value: unknown, source: string): RunConfig {
  const result = runConfigSchema.safeParse(value, { error: issueRule });
  if (result.success) return result.data as RunConfig;
  throw new ConfigError(`Invalid pokebench config in ${source}:\n${issueLines(formatIssues(result.error.issues))}`);
}

/** Config file names looked for in the working directory, in order. */
export const CONFIG_FILES = ['pokebench.config.ts', 'pokebench.config.mjs', 'pokebench.config.js', 'pokebench.config.json'];

/**
 * Loads `explicit` (a path), or else the first of {@link CONFIG_FILES} in
 * `cwd`; returns `{}` when there is none.
 */
export async function loadRunConfig(cwd: string, explicit?: string): Promise<{ config: RunConfig; file: string | null }> {
  const file = explicit ? path.resolve(cwd, explicit) : CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => existsSync(f));
  if (!file) return { config: {}, file: null };
  if (!existsSync(file)) throw new ConfigError(`Config file ${file} does not exist.`);
  let value: unknown;
  try {
    if (file.endsWith('.json')) {
      value = JSON.parse(await readFile(file, 'utf8'));
    } else {
      value = await importConfig(file);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`Failed to read config file ${file}: ${(error as Error).message}`);
  }
  return { config: validateRunConfig(value, file), file };
}

/**
 * The default export of a config module. Plain Node does not load TypeScript,
 * so a `.ts` config it refuses goes through the user's own tsx, when their
 * project has it.
 */
async function importConfig(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  try {
    return ((await import(url)) as { default?: unknown }).default;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    let tsx: { tsImport(specifier: string, parentUrl: string): Promise<{ default?: unknown }> };
    try {
      tsx = createRequire(file)('tsx/esm/api') as typeof tsx;
    } catch {
      throw new ConfigError(
        `Failed to read config file ${file}: Node cannot load TypeScript by itself. Install tsx in your project (npm i -D tsx), or write the config as pokebench.config.mjs or pokebench.config.json.`,
      );
    }
    return (await tsx.tsImport(url, import.meta.url)).default;
  }
}
