/**
 * The calibration as terminal text: three tables (capacity, fidelity, the
 * concurrency ladder), each followed by its one-line answer. Returns a
 * string; colour only when asked.
 */
import { ansiPainter, layoutTable, plainPainter, type TextCell, type TextColumn } from '../report/index.ts';
import type { Calibration, ConcurrencyResult, FidelityResult, CapacityResult } from './calibration.ts';
import { FIDELITY_FLOOR_MS, FIDELITY_RELATIVE } from './fidelity.ts';

/** Options of {@link renderCalibration}. */
export interface RenderCalibrationOptions {
  /** ANSI colours on pass/fail cells. @defaultValue `false` */
  color?: boolean | undefined;
}

const right = (header: string): TextColumn => ({ header, align: 'right' });
const left = (header: string): TextColumn => ({ header, align: 'left' });
const cell = (text: string, tone?: TextCell['tone']): TextCell => ({ text, tone });

function ms(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

function signed(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '-';
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

function connections(n: number): string {
  return `${n} connection${n === 1 ? '' : 's'}`;
}

function rate(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value)) : '-';
}

/** The whole report: machine line, then (a), (b) and (c). */
export function renderCalibration(calibration: Calibration, options: RenderCalibrationOptions = {}): string {
  const paint = options.color ? ansiPainter : plainPainter;
  const m = calibration.machine;
  const load = (triple: readonly number[]) => triple.map((x) => x.toFixed(2)).join(' ');
  return [
    `pokebench calibrate${calibration.quick ? ' --quick' : ''}: ${m.cpus} cores (${m.cpuModel}), load average ${load(m.loadAverage)} -> ${load(m.loadAverageAfter)}, node ${m.node}, ${calibration.date}`,
    '',
    renderCapacity(calibration.capacity, paint),
    '',
    renderFidelity(calibration.fidelity, paint),
    '',
    renderConcurrency(calibration.concurrency, paint),
    '',
  ].join('\n');
}

type Paint = typeof plainPainter;

function renderCapacity(c: CapacityResult, paint: Paint): string {
  const rows = c.rounds.map((r) => [
    cell(String(r.round)),
    cell(rate(r.mock.rps)),
    cell(`${r.mock.p50Ms}/${r.mock.p99Ms}`),
    cell(rate(r.bare.rps)),
    cell(`${r.bare.p50Ms}/${r.bare.p99Ms}`),
    cell(r.ratio.toFixed(2)),
    cell(String(r.mock.errors + r.bare.errors), r.mock.errors + r.bare.errors > 0 ? 'bad' : undefined),
  ]);
  rows.push([
    cell('median'),
    cell(rate(c.mock.rps)),
    cell(`${c.mock.p50Ms}/${c.mock.p99Ms}`),
    cell(rate(c.bare.rps)),
    cell(`${c.bare.p50Ms}/${c.bare.p99Ms}`),
    cell(c.ratio.toFixed(2)),
    cell(''),
  ]);
  const table = layoutTable(
    [right('round'), right('mock req/s'), right('mock p50/p99 ms'), right('bare req/s'), right('bare p50/p99 ms'), right('mock/bare'), right('errors')],
    rows,
    paint,
  );
  return [
    `(a) Capacity at zero delay: mock on 'instant' vs a bare node:http server sending the same ${c.bytes} B, ${c.connections} connections, ${c.rounds.length} alternating rounds of ${(c.roundMs / 1000).toFixed(2)} s (latency in whole ms)`,
    table,
    `=> the mock serves ${rate(c.mock.rps)} req/s at zero delay, ${c.ratio.toFixed(2)}x the bare server (median of per-round ratios).`,
  ].join('\n');
}

function renderFidelity(f: FidelityResult, paint: Paint): string {
  const rows = f.rows.map((r) => [
    cell(r.label),
    cell(ms(r.theoryMs)),
    cell(`${ms(r.bandLowMs)}-${ms(r.bandHighMs)}`),
    cell(ms(r.observedMs)),
    cell(signed(r.errorMs)),
    cell(r.relativeError === null ? '-' : `${signed(r.relativeError * 100, 1)}%`),
    cell(ms(r.boundMs)),
    cell(ms(r.serverMs)),
    r.judged ? cell(r.within ? 'ok' : 'OUT', r.within ? 'good' : 'bad') : cell(r.within ? 'ok (reported only)' : 'out (reported only)', r.within ? undefined : 'warn'),
  ]);
  const table = layoutTable(
    [left('pct'), right('theory ms'), right('95% band'), right('client ms'), right('error ms'), right('error'), right('bound ms'), right('server ms'), left('judged')],
    rows,
    paint,
  );
  const k = f.counts;
  const lines = [
    `(b) Fidelity of '${f.profile}' (route pokemon): ${f.connections} connections, ${k.measured} 2xx responses in ${(f.durationMs / 1000).toFixed(1)} s (first response of each connection left out: it carries the connect)`,
    table,
  ];
  if (f.faultProbability > 0 || k.non2xx > 0 || k.errors > 0) {
    lines.push(
      `   faults: ${k.non2xx} non-2xx, ${k.errors} connection errors (${k.timeouts} timeouts) counted apart; the profile injects faults on ${(f.faultProbability * 100).toFixed(1)}% of requests. Latencies are of 2xx responses only.`,
    );
  }
  for (const caveat of f.caveats) lines.push(`   note: ${caveat}`);
  const rule = `every client percentile up to p99 within max(${FIDELITY_FLOOR_MS} ms, ${FIDELITY_RELATIVE * 100}%) of theory (of its 95% sampling band for ${k.measured} responses); p99.9 reported only`;
  const rerun = f.attempts > 1 ? (f.verdict === 'faithful' ? ' (on a rerun: the first run was not)' : ' (confirmed by a rerun)') : '';
  lines.push(
    f.verdict === 'faithful'
      ? `=> faithful${rerun}: ${rule}.`
      : `=> NOT faithful${rerun}: the rule is ${rule}. Compare 'server ms' (what the sampler applied) with 'client ms' (what arrived): a gap is transport or machine load.`,
  );
  return lines.join('\n');
}

function renderConcurrency(c: ConcurrencyResult, paint: Paint): string {
  const rows = c.steps.map((s) => [
    cell(String(s.connections)),
    cell(String(s.responses)),
    cell(ms(s.p50Ms)),
    cell(ms(s.p99Ms)),
    cell(ms(s.bareP99Ms)),
    cell(signed(s.addedP99Ms)),
    cell(String(s.errors), s.errors > 0 ? 'bad' : undefined),
    cell(s.pass ? (s.attempts > 1 ? 'pass (on rerun)' : 'pass') : s.attempts > 1 ? 'FAIL (twice)' : 'FAIL', s.pass ? 'good' : 'bad'),
  ]);
  const table = layoutTable([right('connections'), right('responses'), right('p50 ms'), right('p99 ms'), right('bare p99 ms'), right('mock - bare'), right('errors'), left('result')], rows, paint);
  const limit = c.budgetMs + c.timerSlackMs;
  const failed = c.steps.find((s) => !s.pass);
  const answer =
    c.safeConcurrency === 0
      ? `=> safe concurrency: none: even ${connections(c.steps[0]?.connections ?? 1)} saw p99 ${signed(c.steps[0]?.addedP99Ms ?? Number.NaN)} ms over the bare server's, twice. The machine is busy (see the load average) or its timers are coarse: rerun when it is quieter, or allow more with --budget MS.`
      : c.limitFound
        ? `=> safe concurrency: ${connections(c.safeConcurrency)} (at ${failed?.connections} the mock added ${signed(failed?.addedP99Ms ?? Number.NaN)} ms at p99${failed?.errors ? ` and ${failed.errors} requests failed` : ''}).`
        : `=> safe concurrency: at least ${connections(c.safeConcurrency)} (every rung passed; the limit is above the ladder).`;
  return [
    `(c) Safe concurrency: fixed ${c.delayMs} ms delay, ${(c.stepMs / 1000).toFixed(2)} s per rung against the mock and against a bare server holding the same delay; a rung passes when the mock's p99 - the bare p99 < ${c.budgetMs} ms budget + ${c.timerSlackMs} ms slack = ${limit} ms, with no errors (a failure is rerun once to confirm)`,
    table,
    answer,
  ].join('\n');
}
