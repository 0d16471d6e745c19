/**
 * The mock as msw handlers, for in-process contract tests.
 */
export { createMswHandlers } from './handlers.ts';
export type { MswHandlersOptions } from './handlers.ts';
