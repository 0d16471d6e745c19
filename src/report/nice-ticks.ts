/**
 * Axis ticks at round numbers (1, 2 or 5 × 10^k apart), for the terminal
 * chart. Vega draws its own axes; this is only for the character grid.
 */
import { niceStep } from '../../mock-server/stats/index.ts';

export { niceStep };

/**
 * Ticks from 0 to the first multiple of the step at or above `max`
 * (`[0]`-only ranges become `[0, 1]` so the axis has a length).
 *
 * @example linearTicks(6744, 5) // [0, 2000, 4000, 6000, 8000]
 */
export function linearTicks(max: number, count: number): number[] {
  if (!(max > 0)) return [0, 1];
  const step = niceStep(max, count);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Build from integer multiples so 0.1 + 0.2 drift never reaches a label.
  for (let i = 0; i * step <= top * (1 + 1e-12); i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/**
 * Powers of ten covering [min, max] (min > 0), at least two of them.
 *
 * @example logTicks(30, 9866) // [10, 100, 1000, 10000]
 */
export function logTicks(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(min));
  const high = Math.max(low + 1, Math.ceil(Math.log10(max)));
  const ticks: number[] = [];
  for (let e = low; e <= high; e++) ticks.push(Number((10 ** e).toPrecision(12)));
  return ticks;
}

/** A tick label: as many decimals as the step needs, none for whole numbers. */
export function formatTick(value: number, step: number): string {
  const decimals = step >= 1 || step <= 0 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return value.toFixed(decimals);
}
