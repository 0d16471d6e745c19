/**
 * Rounding of fitted parameters before they are judged and written: a
 * profile should read `"median": 90.12`, not `90.12345678901`, and the KS
 * distance is then computed on exactly what the mock will sample.
 */

/** Significant digits kept in every fitted parameter. */
export const PARAMETER_DIGITS = 4;

/**
 * `x` to {@link PARAMETER_DIGITS} significant digits (0 stays 0).
 *
 * @example roundParameter(90.123456) // 90.12
 */
export function roundParameter(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(PARAMETER_DIGITS));
}

