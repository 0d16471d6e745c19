/**
 * The mock PokeAPI's core, shared by the node server and the msw handlers: routes, the api, draws, throttling.
 */
export { MockApi, json, parseProfileBody } from './mock-api.ts';
export type { MockStats, ProcessUsage, MockReply, RouteStats, LiveCounters, InjectedFault } from './mock-api.ts';
export { DRAW_HEADER, parseDrawHeader, drawHeaderFromRaw } from './draw-header.ts';
export { createMockApi } from './create-api.ts';
export type { CreateMockApiOptions } from './create-api.ts';
export { matchRoute, ADMIN_PREFIX, DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, MAX_LIST_OFFSET } from './routes.ts';
export type { ApiRouteName, RouteMatch } from './routes.ts';
export type { ConcurrencyGate, GateTicket } from './concurrency-gate.ts';
export { ThrottleSchedule } from './throttle-schedule.ts';
