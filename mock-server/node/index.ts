/**
 * The mock as a real HTTP server: one process, a child process, or a cluster.
 */
export { startMockServer, ServerStartError } from './server.ts';
export type { StartMockServerOptions, MockServerHandle } from './server.ts';
export { isValidAdminToken } from './admin-auth.ts';
export { startMockCluster } from './cluster.ts';
export type { StartMockClusterOptions, MockClusterHandle, ClusterHealth, ClusterStats, LostWorker } from './cluster.ts';
export { startChildMockServer } from './child.ts';
export type { ChildMockServer, ChildMockServerOptions } from './child.ts';
