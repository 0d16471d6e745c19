/**
 * How numbers read in every report, in one place, so the terminal table, the
 * Markdown summary and the HTML page agree digit for digit. Non-finite values
 * (an empty point, a slope over one N) print as `n/a`, never `NaN`.
 */
import { OUTCOMES, type Outcome } from '../types/index.ts';

/** What a non-finite number prints as. */
export const NOT_AVAILABLE = 'n/a';

/**
 * Milliseconds with precision that follows magnitude: 3 significant-ish
 * digits below 100 ms, whole ms above (a 1 ms change of a 6 s run is noise).
 *
 * @example formatMs(3033.5) // '3034'; formatMs(34.36) // '34.4'; formatMs(1.599) // '1.60'
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return NOT_AVAILABLE;
  const abs = Math.abs(ms);
  return ms.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/** Small per-request milliseconds (overheads), with three decimals: 0.085. */
export function formatSmallMs(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(3) : NOT_AVAILABLE;
}

/** A fraction as a percentage with one decimal: 0.034 → `3.4%`. */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : NOT_AVAILABLE;
}

/** A ratio near 1 (efficiency) with two decimals. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? ratio.toFixed(2) : NOT_AVAILABLE;
}

/** A normalised slope, R² or interval bound, with three decimals. */
export function formatSlope(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : NOT_AVAILABLE;
}

/** A slope interval: `[0.982, 1.009]`. */
export function formatInterval(interval: { low: number; high: number }): string {
  return `[${formatSlope(interval.low)}, ${formatSlope(interval.high)}]`;
}

/** True when every request of every repetition ended `ok`. */
export function allOk(counts: Record<Outcome, number>): boolean {
  return OUTCOMES.every((outcome) => outcome === 'ok' || counts[outcome] === 0);
}

/**
 * Non-zero outcome counts in report order: `ok 495, http-error 3, timeout 2`;
 * `none` when there were no requests at all.
 */
export function formatCounts(counts: Record<Outcome, number>): string {
  const parts = OUTCOMES.filter((outcome) => counts[outcome] > 0).map((outcome) => `${outcome} ${counts[outcome]}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/**
 * A file- and id-safe name: lower case, runs of anything but [a-z0-9] become
 * one `-`, no leading or trailing `-`. `bounded(4)` → `bounded-4`.
 */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'unnamed' : slug;
}
