/**
 * pokebench's public entry: strategies, clients, measurement, the model, the
 * scaling analysis, the sweep, reports and the gate. The mock server is
 * `pokebench/mock-server`; the vitest matchers are `pokebench/vitest`.
 */
export { sequential, concurrent, bounded, batched, workers, parseStrategy, defaultPoolSize, runOne } from './strategies/index.ts';
export { createUndiciClient, createFetchClient, withRetry } from './clients/index.ts';
export type { ClientOptions, RetryOptions } from './clients/index.ts';
export { measureTrial, measureRepeated } from './measure/index.ts';
export type { MeasureTrialOptions, TrialResult, MeasureRepeatedOptions, RepeatedResult } from './measure/index.ts';
export { idealMakespan, effectivePoolSize, roofline, efficiency, overheadPerRequest, simulateFanOut, modelTrial } from './model/index.ts';
export type { Roofline, RooflineInput, FanOutSimulation, TrialModel, TrialModelInput } from './model/index.ts';
export { analyzeScaling, analyzeStrategyScaling, classifyComplexity, decideVerdict } from './scaling/index.ts';
export type { ScalingAnalysis, ScalingInput, ScalingVerdict, ComplexityClass } from './scaling/index.ts';
export { measureScaling } from './sweep/index.ts';
export type { MeasureScalingOptions, ScalingMeasurement, ScalingPoint } from './sweep/index.ts';
export { runBenchmark, RUN_DEFAULTS } from './sweep/index.ts';
export { runSweep } from './sweep/index.ts';
export type { SweepOptions, SweepProgress, SweepCell } from './sweep/index.ts';
export { buildResults } from './sweep/index.ts';
export { peerStrategy, isExternal } from './sweep/index.ts';
export type { ExternalStrategy, PeerStrategyOptions } from './sweep/index.ts';
export { runPeer, findPython, findGo, SHIPPED_PEERS, parsePeerLine } from './peers/index.ts';
export type { PeerReport, PeerRun, PeerSpec, RunPeerOptions } from './peers/index.ts';
export { runReproduce, checkClaims, rooflineRows, predictSpeedup } from './reproduce/index.ts';
export type { ReproduceOptions, ReproduceReport, ClaimCheck, RooflineRow, SpeedupInput, SpeedupPrediction } from './reproduce/index.ts';
export { fitSamples, readSamples } from './fit/index.ts';
export type { FitReport, FitOptions } from './fit/index.ts';
export { defineConfig, loadRunConfig, validateRunConfig } from './config/index.ts';
export type { RunConfig } from './config/index.ts';
export { buildReportFiles, renderTable, renderTerminalChart, renderMarkdown, renderHtml } from './report/index.ts';
export { compareResults, renderGateReport, renderGateMarkdown, settleGate, validateResults } from './gate/index.ts';
export { ERROR_CODES, PokebenchError, InvalidOptionError } from '../mock-server/errors/index.ts';
export type { ErrorCode } from '../mock-server/errors/index.ts';
export { OUTCOMES } from './types/index.ts';
export type { FetchOne, FetchResult, Outcome, RequestRecord, Strategy, StrategyOptions, WorkerClientSpec } from './types/index.ts';
export type { Results, StrategyResult, PointResult, TrialSummary, ScalingSummary } from './results/index.ts';
