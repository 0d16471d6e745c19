/**
 * The roofline (docs/design.md "The model"): a run is bounded by waiting
 * (the makespan model) or by the client's serial CPU per request, plus setup.
 *     T(N) ≈ setup + max(ideal_wait(N), N·c)
 */
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';
import type { Roof } from './trial-model.ts';

export type { Roof };

/** Inputs of {@link roofline}, all in ms. */
export interface RooflineInput {
  /** Ideal wait makespan from {@link idealMakespan}. */
  waitRoof: number;
  /** Client CPU per request, c (`process.cpuUsage()` over the run / N). */
  cpuPerRequestMs: number;
  /** Requests in the run, N. */
  n: number;
  /** One-off cost before the first request (process start, pool spin-up). @defaultValue 0 */
  setupMs?: number | undefined;
}

/** The roofline's ideal time and the roof that sets it. */
export interface Roofline {
  /** setup + max(waitRoof, cpuRoof). */
  idealMs: number;
  /** The larger roof; `wait` on a tie (the model's own prediction holds). Never `server`: that roof is {@link modelTrial}'s. */
  binding: Exclude<Roof, 'server'>;
  waitRoof: number;
  /** N·c. */
  cpuRoof: number;
  setupMs: number;
}

/**
 * Ideal time of a run under the roofline model, naming the binding roof.
 *
 * @throws InvalidArgumentError when a time is negative or not finite, or `n`
 *   is not a non-negative integer.
 * @example roofline({ waitRoof: 100, cpuPerRequestMs: 0.1, n: 1600 }) // { idealMs: 160, binding: 'cpu', … }
 */
export function roofline(input: RooflineInput): Roofline {
  const setupMs = input.setupMs ?? 0;
  for (const [name, value] of [
    ['waitRoof', input.waitRoof],
    ['cpuPerRequestMs', input.cpuPerRequestMs],
    ['setupMs', setupMs],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new InvalidArgumentError(name, `roofline: ${name} must be a finite number ≥ 0, got ${value}.`);
    }
  }
  if (!Number.isInteger(input.n) || input.n < 0) {
    throw new InvalidArgumentError('n', `roofline: n must be a non-negative integer, got ${input.n}.`);
  }
  const cpuRoof = input.n * input.cpuPerRequestMs;
  const binding: Roofline['binding'] = cpuRoof > input.waitRoof ? 'cpu' : 'wait';
  return {
    idealMs: setupMs + Math.max(input.waitRoof, cpuRoof),
    binding,
    waitRoof: input.waitRoof,
    cpuRoof,
    setupMs,
  };
}

/**
 * ideal / measured: 1 is perfect, below 1 is overhead, above 1 means the run
 * beat the model (the server did not apply its delay: a bug to report).
 * 0 / 0 is 1 (an empty run is as good as its model).
 *
 * @throws InvalidArgumentError when either is negative or not finite, or
 *   measured is 0 while ideal is not.
 */
export function efficiency(idealMs: number, measuredMs: number): number {
  checkTime('efficiency', 'idealMs', idealMs);
  checkTime('efficiency', 'measuredMs', measuredMs);
  if (measuredMs === 0) {
    if (idealMs === 0) return 1;
    throw new InvalidArgumentError('measuredMs', `efficiency: measuredMs is 0 but idealMs is ${idealMs}; a run cannot take no time.`);
  }
  return idealMs / measuredMs;
}

/**
 * (measured − ideal) / N: what each request cost beyond the model. Negative
 * when the run beat the model.
 *
 * @throws InvalidArgumentError when a time is negative or not finite, or `n`
 *   is not a positive integer.
 */
export function overheadPerRequest(idealMs: number, measuredMs: number, n: number): number {
  checkTime('overheadPerRequest', 'idealMs', idealMs);
  checkTime('overheadPerRequest', 'measuredMs', measuredMs);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('n', `overheadPerRequest: n must be a positive integer, got ${n}.`);
  }
  return (measuredMs - idealMs) / n;
}

function checkTime(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new InvalidArgumentError(name, `${fn}: ${name} must be a finite number ≥ 0, got ${value}.`);
  }
}
