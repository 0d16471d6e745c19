/**
 * Turns the sweep's raw runs into the {@link Results} object every report and
 * the gate read, through the one summary path (`summarize-trials.ts`): per
 * point the median, spread, the model's ideal, roofs and efficiency; per
 * strategy the fitted slope and the verdict.
 */
import { packageVersion } from '../../mock-server/package-files/index.ts';
import { isExternal } from './external-strategy.ts';
import type { SweepCell } from './run-sweep.ts';
import { summarizePoint, summarizeScaling, type SummaryContext } from './summarize-trials.ts';
import { machineInfo, type Results, RESULTS_VERSION, type RunSettings, type StrategyResult } from '../results/index.ts';

/**
 * The server concurrency cap a profile sets, if any (the model schedules on
 * min(k, c)): read once, when the run's settings are made, and stored as
 * `settings.serverCap`.
 */
export function serverCapOf(definition: unknown): number | null {
  const max = (definition as { concurrency?: { max?: unknown } } | null | undefined)?.concurrency?.max;
  return typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : null;
}

/** Builds the results object from the sweep's cells. */
export function buildResults(cells: readonly SweepCell[], settings: RunSettings, durationMs: number, createdAt = new Date()): Results {
  const machine = machineInfo();
  const context: SummaryContext = { serverCap: settings.serverCap ?? undefined, cpus: machine.cpus };
  const byStrategy = new Map<string, SweepCell[]>();
  for (const cell of cells) byStrategy.set(cell.strategy.name, [...(byStrategy.get(cell.strategy.name) ?? []), cell]);
  const strategies: StrategyResult[] = [];
  for (const [name, group] of byStrategy) {
    const sorted = group.toSorted((a, b) => a.n - b.n);
    // A point whose every trial failed (an external client) has nothing to summarise; its failures are listed.
    const measured = sorted.filter((cell) => cell.trials.length > 0);
    const strategy = sorted[0]!.strategy;
    const points = measured.map((cell) => summarizePoint(strategy, cell.n, cell.trials, context));
    const failures = sorted.flatMap((cell) => cell.failures.map((f) => ({ n: cell.n, ...f })));
    strategies.push({
      name,
      kind: strategy.kind,
      k: strategy.k ?? null,
      points,
      scaling: summarizeScaling(strategy, points, measured.flatMap((cell) => cell.trials), context).summary,
      ...(isExternal(strategy) ? { external: { command: strategy.command } } : {}),
      ...(failures.length ? { failures } : {}),
    });
  }
  return {
    schema: 'pokebench-results',
    version: RESULTS_VERSION,
    createdAt: createdAt.toISOString(),
    tool: { name: 'pokebench', version: packageVersion() },
    machine,
    settings,
    durationMs,
    strategies,
  };
}
