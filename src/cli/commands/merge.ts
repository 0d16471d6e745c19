import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { renderTable, renderTerminalChart } from '../../report/index.ts';
import { mergeShards } from '../../shard/index.ts';
import { type CommandIo, parse, readResults, stringFlag, UsageError, writeRunOutput } from '../index.ts';

export const MERGE_HELP = `Usage: pokebench merge FILE|DIR... --out DIR [--json]

Merges the results of a sharded sweep ('pokebench run --shard I/N' on N
machines) into one run's reports: table, charts, results.json, report.html,
summary.md, with the machine that measured each strategy. A DIR is searched
for results.json files (e.g. the CI artifacts of every shard). 'compare' and
'run --baseline' read the merged results.json like any other.

Refuses, naming the files: mixed pokebench versions, profiles or settings,
two files for one shard, a strategy in two shards, a missing shard.

Options:
  --out DIR    where the merged reports go (required)
  --json       print the merged results.json to stdout instead of the table
  -h, --help   show this help
`;

/** `pokebench merge`. */
export async function merge(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('merge', argv, { out: { type: 'string' }, json: { type: 'boolean' } });
  if (values['help']) {
    io.out(MERGE_HELP);
    return 0;
  }
  const out = stringFlag(values, 'out');
  if (out === undefined) throw new UsageError("pokebench merge: --out DIR is required (where the merged reports go). See 'pokebench merge --help'.");
  if (positionals.length === 0) throw new UsageError("pokebench merge: give the shards' results.json files, or a folder holding them. See 'pokebench merge --help'.");
  const files = (await Promise.all(positionals.map((p) => resultsFilesIn(path.resolve(io.cwd, p))))).flat();
  const outDir = path.resolve(io.cwd, out);
  // The output folder's own results.json (a previous merge) is not a shard.
  const shards = files.filter((f) => path.dirname(f) !== outDir);
  const merged = mergeShards(await Promise.all(shards.map(async (file) => ({ file: path.relative(io.cwd, file) || file, results: await readResults(file) }))));
  const written = await writeRunOutput(merged, outDir, io);
  if (values['json']) io.out(`${written['results.json']}\n`);
  else {
    io.out(`${renderTable(merged)}\n${renderTerminalChart(merged)}\n`);
    io.out(`Merged ${shards.length} shards. Reports in ${path.relative(io.cwd, outDir) || '.'}/: ${Object.keys(written).join(', ')}\n`);
  }
  return 0;
}

/** A file as given, or every results.json under a folder (sorted, so the order is the same on every machine). */
async function resultsFilesIn(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) throw new UsageError(`pokebench merge: ${target} does not exist.`);
  if (!info.isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const found = entries.filter((e) => e.isFile() && e.name === 'results.json').map((e) => path.join(e.parentPath, e.name));
  if (found.length === 0) throw new UsageError(`pokebench merge: no results.json under ${target}.`);
  return found.toSorted();
}
