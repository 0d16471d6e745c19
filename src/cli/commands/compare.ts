import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { compareResults, renderGateMarkdown, renderGateReport } from '../../gate/index.ts';
import { appendStepSummary, type CommandIo, parse, parseThreshold, readResults, writable } from '../index.ts';
import { UsageError } from '../../../mock-server/errors/index.ts';

export const COMPARE_HELP = `Usage: pokebench compare BASELINE.json CURRENT.json [options]

Decides, per strategy and N, whether CURRENT regressed against BASELINE:
a bootstrap confidence interval of the ratio of medians over repetitions,
and a noise threshold (a change must be significant AND larger than the
threshold). A change of scaling verdict (flat -> linear) always regresses.

Each point also shows the smallest slowdown it could have detected (from
both sides' spread and run counts), and each strategy the worst of them.

Options:
  --threshold PCT        noise threshold (default 10%)
  --allow-inconclusive   pass (with a warning) when points are undecided
  --markdown             print the Markdown table (for CI job summaries)
  --json                 print the report as JSON
  -h, --help             show this help

Exit codes: 0 no regression, 1 regression, 2 unusable input (unreadable
file, different profile or payload), 3 inconclusive (no regression seen,
but some point could not be decided; more repetitions would decide it).
`;

/** `pokebench compare`. */
export async function compare(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('compare', argv, {
    threshold: { type: 'string' },
    markdown: { type: 'boolean' },
    json: { type: 'boolean' },
    'allow-inconclusive': { type: 'boolean' },
  });
  if (values['help']) {
    io.out(COMPARE_HELP);
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError(`pokebench compare: expected BASELINE.json and CURRENT.json, got ${positionals.length} file(s). See 'pokebench compare --help'.`);
  }
  const threshold = parseThreshold(typeof values['threshold'] === 'string' ? values['threshold'] : undefined);
  const [base, current] = await Promise.all(positionals.map((f) => readResults(path.resolve(io.cwd, f))));
  const report = compareResults(base!, current!, { ...(threshold === undefined ? {} : { threshold }), allowInconclusive: values['allow-inconclusive'] === true });
  const text = values['json'] ? JSON.stringify(report, null, 2) : values['markdown'] ? renderGateMarkdown(report) : renderGateReport(report);
  io.out(`${text}\n`);
  await appendStepSummary(io, renderGateMarkdown(report));
  return report.exitCode;
}

export const BASELINE_HELP = `Usage: pokebench baseline save [--from FILE] [--to FILE]

Validates a results.json and saves it as the baseline that
'pokebench run --baseline FILE' and 'pokebench compare' read.

Options:
  --from FILE   results to save (default pokebench-results/results.json)
  --to FILE     where to save (default pokebench-baseline.json)
  -h, --help    show this help
`;

/** `pokebench baseline save`. */
export async function baseline(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('baseline', argv, { from: { type: 'string' }, to: { type: 'string' } });
  if (values['help']) {
    io.out(BASELINE_HELP);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'save') {
    throw new UsageError(`pokebench baseline: expected 'save', got ${JSON.stringify(positionals.join(' '))}. See 'pokebench baseline --help'.`);
  }
  const from = path.resolve(io.cwd, typeof values['from'] === 'string' ? values['from'] : 'pokebench-results/results.json');
  const to = path.resolve(io.cwd, typeof values['to'] === 'string' ? values['to'] : 'pokebench-baseline.json');
  const results = await readResults(from);
  await writable(() => copyFile(from, to), to);
  io.out(`Saved baseline ${path.relative(io.cwd, to)} (${results.strategies.length} strategies, ${results.createdAt}, ${results.machine.cpus} cpus).\n`);
  return 0;
}
