/** The regression gate: the public entry of `src/gate` (used by `pokebench compare` and `pokebench run --baseline`). */
export { compareResults } from './compare.ts';
export { validateResults } from '../results/index.ts';
export { confirmRegression, regressedStrategies } from './confirm.ts';
export type { ConfirmedGate } from './confirm.ts';
export { renderGateMarkdown, renderGateReport } from './render.ts';
export { GATE_DEFAULTS, resolveGateOptions } from './gate-options.ts';
export type { GateOptions, ResolvedGateOptions } from './gate-options.ts';
export type { GateReport, GateRow, GateStatus } from './gate-report.ts';
export { decideRatio, MIN_RUNS } from './decide-point.ts';
export type { PointDecision } from './decide-point.ts';
export { medianRatio } from './median-ratio.ts';
export type { MedianRatio } from './median-ratio.ts';
export { compareVerdicts } from './verdict-change.ts';
export { nominalSlope } from '../results/index.ts';
export type { VerdictChange } from './verdict-change.ts';
export { compareSetups } from './compare-setups.ts';
export type { SetupComparison } from './compare-setups.ts';
export { ResultsInvalidError } from '../../mock-server/errors.ts';
