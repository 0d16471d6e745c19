/** The files a command reads and writes: results in, report files and the CI step summary out, every failure naming the path. */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Results, validateResults } from '../results/index.ts';
import { UsageError } from '../../mock-server/errors/index.ts';
import type { CommandIo } from './io.ts';

/** Reads and validates a results.json; errors name the file. Kept apart from `run` so `compare` does not load the charting stack. */
export async function readResults(file: string): Promise<Results> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Failed to read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Failed to read ${file}: not JSON (${(error as Error).message}).`);
  }
  return validateResults(json, file);
}

/** Runs a file write; a failure becomes a usage error that names the path, not a stack trace. */
export async function writable<T>(write: () => Promise<T>, file: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new UsageError(`Failed to write ${file}: ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim());
  }
}

/** Writes each `name → content` of `files` into `dir` (made if missing). */
export async function writeReportFiles(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  await writable(() => mkdir(dir, { recursive: true }), dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await writable(() => writeFile(file, content), file);
  }
}

/** Appends Markdown to the GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`), when the variable is set. */
export async function appendStepSummary(io: CommandIo, markdown: string): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (file) await writable(() => appendFile(file, markdown), file);
}

/**
 * Writes what `run` and `merge` leave in `outDir`: results.json first (the
 * measurements are kept whatever happens to the reports), then every report
 * file, and the Markdown summary to `$GITHUB_STEP_SUMMARY` when CI sets it.
 * Returns the files by name.
 */
export async function writeRunOutput(results: Results, outDir: string, io: CommandIo): Promise<Record<string, string>> {
  // Loaded here, not at the top: `compare` reads results through this file and needs no report stack.
  const { buildReportFiles, jsonFile } = await import('../report/index.ts');
  await writeReportFiles(outDir, { 'results.json': jsonFile(results) });
  const files = await buildReportFiles(results);
  await writeReportFiles(outDir, files);
  if (files['summary.md']) await appendStepSummary(io, files['summary.md']);
  return files;
}
