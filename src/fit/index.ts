/**
 * Fitting latency profiles to measured latencies (`pokebench profile fit`):
 * sample readers (CSV, JSON, HAR), the candidate families and their fits,
 * the KS criterion, the fitted profile and its report. Everything is pure
 * except `readSamples`.
 */
export { fitSamples, CANDIDATES } from './fit-samples.ts';
export type { FitReport, CandidateReport } from './fit-samples.ts';
export { resolveFitOptions, fallbackKs, FALLBACK_ALPHA } from './fit-options.ts';
export type { FitOptions, ResolvedFitOptions } from './fit-options.ts';
export { CANDIDATE_NAMES } from './candidate.ts';
export type { CandidateName, CandidateFit, CandidateFitter } from './candidate.ts';
export { fitLognormal } from './fit-lognormal.ts';
export { fitExponential } from './fit-exponential.ts';
export { fitPareto } from './fit-pareto.ts';
export { fitMixture } from './fit-mixture.ts';
export { fitEmpirical, EMPIRICAL_PERCENTILES } from './fit-empirical.ts';
export { ksDistance, nextDown } from './ks-distance.ts';
export type { CdfFunction } from './ks-distance.ts';
export { pickCandidate } from './pick-candidate.ts';
export type { CandidatePick, ScoredCandidate } from './pick-candidate.ts';
export { evaluateCandidate } from './evaluate-candidate.ts';
export type { CandidateScore, QuantileCheck } from './evaluate-candidate.ts';
export { summarizeObserved, REPORTED_PERCENTILES } from './observed-summary.ts';
export type { ObservedSummary } from './observed-summary.ts';
export { buildFittedProfile, fittedCap } from './fitted-profile.ts';
export type { FittedProfileInput } from './fitted-profile.ts';
export { renderFitReport, describeParameters } from './render-fit.ts';
export { maximize } from './maximize.ts';
export type { MaximizeOptions } from './maximize.ts';
export { roundParameter, PARAMETER_DIGITS } from './round-parameter.ts';
export { parseSamples } from './parse-samples.ts';
export { parseCsvSamples } from './csv-samples.ts';
export { parseJsonSamples } from './json-samples.ts';
export { parseHarSamples, isHar } from './har-samples.ts';
export { readSamples } from './read-samples.ts';
export { resolveReadSamplesOptions, HAR_FIELDS } from './read-options.ts';
export type { HarField, ReadSamplesOptions, ResolvedReadSamplesOptions } from './read-options.ts';
export { LatencyCollector, judgeValue, judgeCell, isNumeric, LATENCY_RULE } from './latency-collector.ts';
export type { LatencyVerdict, SampleFormat, Samples } from './latency-collector.ts';
export { chooseColumn } from './column-choice.ts';
export { MIN_SAMPLES } from './fit-options.ts';
export { SamplesInvalidError, SamplesUnreadableError, TooFewSamplesError } from '../../mock-server/errors.ts';
