/** The spread of repeated wall times: pure, I/O-free. */
import { median } from '../stats/index.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';

/** Median, range and relative spread of repeated wall times. */
export interface RepeatSummary {
  /** Repeats summarised. */
  repeats: number;
  medianWallMs: number;
  minWallMs: number;
  maxWallMs: number;
  /** (max − min) / median: 0 when all runs agree; `Infinity` if the median is 0 but the range is not. */
  spread: number;
}

/**
 * Summarise wall times of repeated runs.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) for an empty list or a value that is not a finite number ≥ 0.
 * @example summarizeRepeats([90, 100, 120]) // { repeats: 3, medianWallMs: 100, minWallMs: 90, maxWallMs: 120, spread: 0.3 }
 */
export function summarizeRepeats(wallsMs: readonly number[]): RepeatSummary {
  if (wallsMs.length === 0 || !wallsMs.every((w) => Number.isFinite(w) && w >= 0)) {
    throw new InvalidOptionError('wallsMs', `wallsMs must be a non-empty list of finite times ≥ 0, got [${wallsMs.join(', ')}].`);
  }
  const medianWallMs = median(wallsMs);
  const minWallMs = Math.min(...wallsMs);
  const maxWallMs = Math.max(...wallsMs);
  const range = maxWallMs - minWallMs;
  const spread = range === 0 ? 0 : medianWallMs === 0 ? Infinity : range / medianWallMs;
  return { repeats: wallsMs.length, medianWallMs, minWallMs, maxWallMs, spread };
}
