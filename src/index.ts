/**
 * pokebench's public entry: strategies, clients, measurement, the model, the
 * scaling analysis, the sweep, reports and the gate. The mock server is
 * `pokebench/mock-server`; the vitest matchers are `pokebench/vitest`.
 */
export { sequential, concurrent, bounded, batched, workers, parseStrategy, defaultPoolSize, runOne } from './strategies/index.ts';
export { createUndiciClient, createFetchClient, withRetry } from './clients/index.ts';
export type { ClientOptions, RetryOptions } from './clients/index.ts';
export { measureRun, measureRepeated } from './measure/index.ts';
export type { MeasureRunOptions, RunResult, MeasureRepeatedOptions, RepeatedResult } from './measure/index.ts';
export { idealMakespan, effectivePoolSize, roofline, efficiency, overheadPerRequest, simulateFanOut, modelRun } from './model/index.ts';
export type { Roofline, RooflineInput, FanOutSimulation, RunModel, RunModelInput } from './model/index.ts';
export { analyzeScaling, analyzeStrategyScaling, classifyComplexity, decideVerdict } from './scaling/index.ts';
export type { ScalingAnalysis, ScalingInput, ScalingVerdict, ComplexityClass } from './scaling/index.ts';
export { measureScaling } from './sweep/measure-scaling.ts';
export type { MeasureScalingOptions, ScalingMeasurement, ScalingPoint } from './sweep/measure-scaling.ts';
export { runBenchmark, RUN_DEFAULTS } from './sweep/run-benchmark.ts';
export { runSweep } from './sweep/run-sweep.ts';
export type { SweepOptions, SweepProgress, SweepCell } from './sweep/run-sweep.ts';
export { buildResults } from './sweep/build-results.ts';
export { peerStrategy, isExternal } from './sweep/external-strategy.ts';
export type { ExternalStrategy, PeerStrategyOptions } from './sweep/external-strategy.ts';
export { runPeer, findPython, findGo, SHIPPED_PEERS, parsePeerLine } from './peers/index.ts';
export type { PeerReport, PeerRun, PeerSpec, RunPeerOptions } from './peers/index.ts';
export { runReproduce, checkClaims, rooflineRows, predictSpeedup } from './reproduce/index.ts';
export type { ReproduceOptions, ReproduceReport, ClaimCheck, RooflineRow, SpeedupInput, SpeedupPrediction } from './reproduce/index.ts';
export { fitSamples, readSamples } from './fit/index.ts';
export type { FitReport, FitOptions } from './fit/index.ts';
export { defineConfig, loadRunConfig, validateRunConfig } from './config/run-config.ts';
export type { RunConfig } from './config/run-config.ts';
export { buildReportFiles, renderTable, renderTerminalChart, renderMarkdown, renderHtml } from './report/index.ts';
export { compareResults, renderGateReport, renderGateMarkdown, settleGate, validateResults } from './gate/index.ts';
export { ERROR_CODES, PokebenchError, InvalidOptionError } from '../mock-server/errors.ts';
export type { ErrorCode } from '../mock-server/errors.ts';
export { OUTCOMES } from './types.ts';
export type { FetchOne, FetchResult, Outcome, RequestRecord, Strategy, StrategyOptions, WorkerClientSpec } from './types.ts';
export type { Results, StrategyResult, PointResult, RunSummary, ScalingSummary } from './results/types.ts';
