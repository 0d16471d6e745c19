/** `pokebench reproduce`: the blog's experiment on the mock, its claims checked, the roofline measured. */
export { runReproduce, resolveReproduceOptions, payloadEffect, rerunCommand } from './run-reproduce.ts';
export type { ReproduceOptions, ReproduceReport, ReproduceHooks } from './run-reproduce.ts';
export { checkClaims, cpuPerRequest, slopePerRequest, BLOG_SPEEDUP } from './claims.ts';
export type { ClaimCheck } from './claims.ts';
export { rooflineRow, rooflineRows, cpuParallelism } from './roofline-rows.ts';
export type { RooflineRow } from './roofline-rows.ts';
export { sweepPoolSize, sweepServerCap } from './knob-sweeps.ts';
export type { KnobRow, KnobSweep } from './knob-sweeps.ts';
export { renderReproduceMarkdown, renderReproduceHtml, renderReproduceCharts } from './render.ts';
export { predictSpeedup, pythonWorkersFor, coresTable, coresList } from './cores-like.ts';
export type { SpeedupInput, SpeedupPrediction, CoresRow, CoresTable } from './cores-like.ts';
export { sweepWorkers } from './knob-sweeps.ts';
export type { WorkersPoint } from './knob-sweeps.ts';
