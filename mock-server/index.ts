/**
 * The mock PokeAPI: a real HTTP server for benchmarks, msw handlers for
 * in-process tests, and the core both are built from.
 */
export { startMockServer } from './node/server.ts';
export { ServerStartError } from './errors.ts';
export type { StartMockServerOptions, MockServerHandle } from './node/server.ts';
export { createMswHandlers } from './msw/handlers.ts';
export type { MswHandlersOptions } from './msw/handlers.ts';
export { createMockApi } from './core/create-api.ts';
export type { CreateMockApiOptions } from './core/create-api.ts';
export { MockApi } from './core/mock-api.ts';
export type { MockReply, MockStats, RouteStats, LiveCounters, InjectedFault, ProcessUsage } from './core/mock-api.ts';
export { matchRoute, ADMIN_PREFIX, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, MAX_LIST_OFFSET } from './core/routes.ts';
export type { ApiRouteName, RouteMatch } from './core/routes.ts';
export { Histogram } from './stats/histogram.ts';
export { mergeStats } from './stats/merge-stats.ts';
export { startMockCluster } from './node/cluster.ts';
export type { StartMockClusterOptions, MockClusterHandle, ClusterHealth, ClusterStats, LostWorker } from './node/cluster.ts';
export { DRAW_HEADER, parseDrawHeader } from './core/draw-header.ts';
export type { HistogramSnapshot, HistogramSummary } from './stats/histogram.ts';
export { startChildMockServer } from './node/child.ts';
export type { ChildMockServer, ChildMockServerOptions } from './node/child.ts';
