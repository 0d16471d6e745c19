/** The fit report as text: what was observed, each candidate's score, and the pick. */
import type { Distribution } from '../../mock-server/profile/index.ts';
import { layoutTable, type TextCell, type TextColumn } from '../report/index.ts';
import { type FitReport, type QuantileCheck, REPORTED_PERCENTILES } from './select.ts';

// ── render-fit ───────────────────────────────────────────────
// The fit report as terminal text: the sample's percentiles, one row per
// candidate (KS distance, p50/p90/p99/p99.9 with relative error, the
// parameters), the pick marked, and the criterion in words. Returns a
// string; only the CLI prints.

/**
 * Renders a {@link FitReport}; `*` marks the picked candidate.
 *
 * @example process.stdout.write(renderFitReport(fitSamples(latencies, { source: 'prod.csv' })));
 */
export function renderFitReport(report: FitReport): string {
  const { observed } = report;
  const lines = [`Fitted ${observed.n} samples from ${report.source}${report.what ? ` (${report.what})` : ''}.`];
  const seen = REPORTED_PERCENTILES.map(({ label }) => `${label} ${ms(observed.percentiles[label] ?? Number.NaN)}`);
  lines.push(`observed: ${seen.join(', ')}; min ${ms(observed.min)}, mean ${ms(observed.mean)}, max ${ms(observed.max)} (ms)`, '');

  const columns: TextColumn[] = [
    { header: '  candidate', align: 'left' },
    { header: 'KS', align: 'right' },
    ...REPORTED_PERCENTILES.map(({ label }): TextColumn => ({ header: label, align: 'right' })),
    { header: 'parameters', align: 'left' },
  ];
  const rows = report.candidates.map((c): TextCell[] => {
    const mark = c.name === report.picked ? '* ' : '  ';
    if (c.status === 'skipped') return [{ text: `${mark}${c.name}` }, { text: '—' }, ...REPORTED_PERCENTILES.map(() => ({ text: '' })), { text: `skipped: ${c.reason}` }];
    const parameters = `${c.name === 'empirical' ? 'fallback only: ' : ''}${describeParameters(c.dist)}`;
    return [{ text: `${mark}${c.name}` }, { text: c.ks.toFixed(4) }, ...c.quantiles.map((q) => ({ text: quantileCell(q) })), { text: parameters }];
  });
  lines.push(layoutTable(columns, rows), '');
  lines.push(`picked: ${report.picked}, ${report.reason}.`);
  lines.push(
    `criterion: KS distance D = max |ECDF - F| with F the mock's own CDF under the profile's clamp; D within ` +
      `${report.criterion.tieMargin.toFixed(4)} of the smallest (the tie margin, 1/√n by default) counts as a tie, won by the fewest parameters; ` +
      `empirical only when no other D <= ${report.criterion.fallbackKs.toFixed(4)} (the larger of --max-ks and the 99% DKW bound for n).`,
  );
  lines.push("percentile cells: the candidate's theoretical value (ms) and its error relative to the observed one.");
  return `${lines.join('\n')}\n`;
}

/**
 * A distribution's parameters in a few words, e.g. `median 90.12 ms, sigma 0.7024`.
 *
 * @example describeParameters({ type: 'exponential', mean: 40, shift: 20 }) // 'mean 40 ms, shift 20 ms'
 */
export function describeParameters(dist: Distribution): string {
  switch (dist.type) {
    case 'lognormal':
      return `median ${dist.median} ms, sigma ${dist.sigma}`;
    case 'exponential':
      return `mean ${dist.mean} ms, shift ${dist.shift ?? 0} ms`;
    case 'pareto':
      return `scale ${dist.scale} ms, alpha ${dist.alpha}, shift ${dist.shift ?? 0} ms`;
    case 'mixture': {
      const total = dist.components.reduce((sum, c) => sum + c.weight, 0);
      return dist.components.map((c) => `${share(c.weight / total)} ${c.dist.type}(${describeParameters(c.dist)})`).join(' + ');
    }
    case 'empirical': {
      const points = Object.entries(dist.percentiles ?? {}).toSorted(([a], [b]) => Number(a) - Number(b));
      const first = points[0];
      const last = points.at(-1);
      return `${points.length} percentiles${first && last ? `, p${first[0]} ${first[1]} .. p${last[0]} ${last[1]} ms` : ''}`;
    }
    case 'fixed':
      return `${dist.ms} ms`;
    case 'uniform':
      return `${dist.min}..${dist.max} ms`;
    case 'normal':
      return `mean ${dist.mean} ms, sd ${dist.sd} ms`;
  }
}

function quantileCell(q: QuantileCheck): string {
  const error = q.relativeError === null ? 'n/a' : `${q.relativeError >= 0 ? '+' : '-'}${Math.abs(q.relativeError * 100).toFixed(1)}%`;
  return `${ms(q.theory)} (${error})`;
}

function ms(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toFixed(Math.abs(x) < 10 ? 2 : Math.abs(x) < 1000 ? 1 : 0);
}

function share(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}
