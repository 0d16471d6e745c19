/**
 * The mock PokeAPI: a real HTTP server for benchmarks, msw handlers for
 * in-process tests, and the core both are built from.
 */
export { startMockServer } from './node/index.ts';
export { ServerStartError } from './errors/index.ts';
export type { StartMockServerOptions, MockServerHandle } from './node/index.ts';
export { createMswHandlers } from './msw/index.ts';
export type { MswHandlersOptions } from './msw/index.ts';
export { createMockApi } from './core/index.ts';
export type { CreateMockApiOptions } from './core/index.ts';
export { MockApi } from './core/index.ts';
export type { MockReply, MockStats, RouteStats, LiveCounters, InjectedFault, ProcessUsage } from './core/index.ts';
export { matchRoute, ADMIN_PREFIX, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, MAX_LIST_OFFSET } from './core/index.ts';
export type { ApiRouteName, RouteMatch } from './core/index.ts';
export { Histogram } from './stats/index.ts';
export { mergeStats } from './stats/index.ts';
export { startMockCluster } from './node/index.ts';
export type { StartMockClusterOptions, MockClusterHandle, ClusterHealth, ClusterStats, LostWorker } from './node/index.ts';
export { DRAW_HEADER, parseDrawHeader } from './core/index.ts';
export type { HistogramSnapshot, HistogramSummary } from './stats/index.ts';
export { startChildMockServer } from './node/index.ts';
export type { ChildMockServer, ChildMockServerOptions } from './node/index.ts';
