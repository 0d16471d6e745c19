/**
 * Fitting latency profiles to measured latencies (`pokebench profile fit`):
 * sample readers (CSV, JSON, HAR), the candidate families and their fits,
 * the KS criterion, the fitted profile and its report. Everything is pure
 * except `readSamples`.
 */
export { fitSamples, CANDIDATES } from './select.ts';
export type { FitReport, CandidateReport } from './select.ts';
export { resolveFitOptions, fallbackKs, FALLBACK_ALPHA } from './select.ts';
export type { FitOptions, ResolvedFitOptions } from './select.ts';
export { CANDIDATE_NAMES } from './families.ts';
export type { CandidateName, CandidateFit, CandidateFitter } from './families.ts';
export { fitLognormal } from './families.ts';
export { fitExponential } from './families.ts';
export { fitPareto } from './families.ts';
export { fitMixture } from './families.ts';
export { fitEmpirical, EMPIRICAL_PERCENTILES } from './families.ts';
export { ksDistance, nextDown } from './select.ts';
export type { CdfFunction } from './select.ts';
export { pickCandidate } from './select.ts';
export type { CandidatePick, ScoredCandidate } from './select.ts';
export { evaluateCandidate } from './select.ts';
export type { CandidateScore, QuantileCheck } from './select.ts';
export { summarizeObserved, REPORTED_PERCENTILES } from './select.ts';
export type { ObservedSummary } from './select.ts';
export { buildFittedProfile, fittedCap } from './select.ts';
export type { FittedProfileInput } from './select.ts';
export { renderFitReport, describeParameters } from './render.ts';
export { maximize } from './families.ts';
export type { MaximizeOptions } from './families.ts';
export { roundParameter, PARAMETER_DIGITS } from './families.ts';
export { parseSamples } from './samples.ts';
export { parseCsvSamples } from './samples.ts';
export { parseJsonSamples } from './samples.ts';
export { parseHarSamples, isHar } from './samples.ts';
export { readSamples } from './samples.ts';
export { resolveReadSamplesOptions, HAR_FIELDS } from './samples.ts';
export type { HarField, ReadSamplesOptions, ResolvedReadSamplesOptions } from './samples.ts';
export { LatencyCollector, judgeValue, judgeCell, isNumeric, LATENCY_RULE } from './samples.ts';
export type { LatencyVerdict, SampleFormat, Samples } from './samples.ts';
export { chooseColumn } from './samples.ts';
export { MIN_SAMPLES } from './samples.ts';
export { SamplesInvalidError, SamplesUnreadableError, TooFewSamplesError } from '../../mock-server/errors/index.ts';
