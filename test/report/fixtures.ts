/**
 * The results fixtures (test/fixtures/results-*.json): hand-made sweeps with
 * plausible numbers, whose verdicts and complexity classes were computed by
 * src/scaling from those numbers, written before the model's roofs; and
 * `child-mock`, a real tiny `pokebench run` (mock in its own process) with
 * the model's roofs, the mock's CPU and the binding roof of every point.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Results } from '../../src/results/types.ts';

const DIR = new URL('../fixtures/', import.meta.url);

/** Fixture names without prefix and extension: `fast-jitter-30ms`, … */
export const FIXTURE_NAMES: readonly string[] = readdirSync(DIR)
  .filter((file) => /^results-.+\.json$/.test(file))
  .map((file) => file.slice('results-'.length, -'.json'.length))
  .toSorted();

/** A fixture as parsed JSON (unknown shape: the schema test checks it). */
export function loadFixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`results-${name}.json`, DIR), 'utf8'));
}

/** A fixture as `Results` (a fresh copy each call, so tests may mutate it). */
export function loadFixture(name: string): Results {
  return loadFixtureJson(name) as Results;
}
