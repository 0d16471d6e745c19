/**
 * What the CLI's commands share: flag parsing, io, progress, files. The commands themselves load lazily from `main.ts`.
 */
export { choiceFlag, intFlag, parse, stringFlag, parseThreshold, UsageError, intListFlag, listFlag } from './args.ts';
export type { Parsed } from './args.ts';
export type { CommandIo } from './io.ts';
export { formatDuration, createProgress } from './progress.ts';
export { writable, appendStepSummary, readResults, writeRunOutput, writeReportFiles } from './files.ts';
export { withEnvFlags } from './env-flags.ts';
export type { EnvFlags } from './env-flags.ts';
