/**
 * Capacity figures, pure: the medians over alternating rounds of the mock
 * and the bare server, and their ratio as the median of per-round ratios.
 * Each round's pair ran back to back, so its ratio cancels the drift of a
 * shared machine between rounds (it swings ±30% here); the ratio of the
 * medians would not.
 */
import { median } from '../stats/index.ts';
import type { CapacityRound, LoadFigures } from './calibration.ts';

/** The median of each figure over `figures`; errors are summed (one is one too many). */
export function medianFigures(figures: readonly LoadFigures[]): LoadFigures {
  return {
    rps: median(figures.map((f) => f.rps)),
    p50Ms: median(figures.map((f) => f.p50Ms)),
    p99Ms: median(figures.map((f) => f.p99Ms)),
    errors: figures.reduce((sum, f) => sum + f.errors, 0),
  };
}

/** Medians of the mock's and the bare server's figures, and the median of the per-round ratios. */
export function summarizeCapacity(rounds: readonly CapacityRound[]): { mock: LoadFigures; bare: LoadFigures; ratio: number } {
  return {
    mock: medianFigures(rounds.map((r) => r.mock)),
    bare: medianFigures(rounds.map((r) => r.bare)),
    ratio: median(rounds.map((r) => r.ratio)),
  };
}
