/**
 * The run configuration file: `defineConfig`, loading and validating it.
 */
export { loadRunConfig, validateRunConfig, defineConfig } from './run-config.ts';
export type { RunConfig } from './run-config.ts';
