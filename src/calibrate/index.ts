/**
 * Calibration of the mock on this machine (`pokebench calibrate`): capacity
 * at zero delay against a bare node:http server, fidelity to a profile, and
 * the safe concurrency on a fixed delay; the saved file, and the warning
 * `pokebench run` prints when a sweep goes past what was calibrated.
 */
export { runCalibration } from './calibrate.ts';
export type { CalibrationHooks } from './calibrate.ts';
export { resolveCalibrateOptions, CALIBRATE_DEFAULTS, QUICK_DEFAULTS } from './calibrate.ts';
export type { CalibrateOptions, ResolvedCalibrateOptions } from './calibrate.ts';
export { CALIBRATION_FILE, CALIBRATION_SCHEMA } from './calibration.ts';
export type {
  Calibration,
  CapacityResult,
  CapacityRound,
  ConcurrencyResult,
  ConcurrencyStep,
  FidelityCounts,
  FidelityResult,
  FidelityRow,
  LoadFigures,
  MachineInfo,
  PercentileLabel,
} from './calibration.ts';
export { readCalibration, writeCalibration, parseCalibration, formatCalibration, calibrationSchema } from './file.ts';
export { capacityWarning, RPS_WARNING_FRACTION } from './capacity.ts';
export type { SweepLoad } from './capacity.ts';
export {
  FIDELITY_PERCENTILES,
  FIDELITY_FLOOR_MS,
  FIDELITY_RELATIVE,
  fidelityBoundMs,
  theoreticalPercentile,
  samplingBand,
  meanDelayMs,
  fidelityRow,
  judgeFidelity,
} from './fidelity.ts';
export type { RowFigures } from './fidelity.ts';
export { TIMER_SLACK_MS, stepPasses, pickSafeConcurrency } from './concurrency.ts';
export { nearestRank } from '../../mock-server/stats/index.ts';
export { renderCalibration } from './render.ts';
export type { RenderCalibrationOptions } from './render.ts';
export { CalibrationFileError, CalibrationRunError } from '../../mock-server/errors/index.ts';
