import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReportFiles } from '../report/index.ts';
import type { Results } from '../results/types.ts';
import type { CommandIo } from './io.ts';
import { writable } from './read-results.ts';

/**
 * Writes what `run` and `merge` leave in `outDir`: results.json first (the
 * measurements are kept whatever happens to the reports), then every report
 * file, and the Markdown summary to `$GITHUB_STEP_SUMMARY` when CI sets it.
 * Returns the files by name.
 */
export async function writeRunOutput(results: Results, outDir: string, io: CommandIo): Promise<Record<string, string>> {
  await writable(() => mkdir(outDir, { recursive: true }), outDir);
  const resultsFile = path.join(outDir, 'results.json');
  await writable(() => writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`), resultsFile);
  const files = await buildReportFiles(results);
  for (const [name, content] of Object.entries(files)) await writable(() => writeFile(path.join(outDir, name), content), path.join(outDir, name));
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile && files['summary.md']) await writable(() => appendFile(summaryFile, files['summary.md']!), summaryFile);
  return files;
}
