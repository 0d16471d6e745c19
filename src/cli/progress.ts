/**
 * Progress of a sweep: a live line on a terminal (log-update redraws it in
 * place), one plain line per step in a log (CI), where redraws would be noise.
 */
import { createLogUpdate } from 'log-update';
import type { SweepProgress } from '../sweep/index.ts';
import type { CommandIo } from './io.ts';

/** Formats milliseconds as `12.3s` or `2m05s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.max(0, ms) / 1000;
  if (s < 59.95) return `${s.toFixed(1)}s`;
  const whole = Math.round(s); // round first, so 119.6 s reads 2m00s, not 1m60s
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** One line describing where the sweep is. */
export function describeProgress(p: SweepProgress): string {
  const step = p.phase === 'warmup' ? 'warm-up' : `repeat ${p.repetition}/${p.repeats}`;
  const eta = p.etaMs === null ? '' : `, ETA ${formatDuration(p.etaMs)}`;
  return `[${String(p.done + 1).padStart(String(p.total).length)}/${p.total}] ${p.strategy} N=${p.n} ${step} (elapsed ${formatDuration(p.elapsedMs)}${eta})`;
}

function bar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** A progress sink for `runSweep`'s `onProgress`, and `done()` to clear it. */
export function createProgress(io: CommandIo): { update(p: SweepProgress): void; done(): void } {
  // A terminal that reports no width (some ptys) would render the live bar as nothing: log lines instead.
  if (!io.isTTY || !io.liveStream || !(io.liveStream.columns > 0)) {
    return { update: (p) => io.err(`${describeProgress(p)}\n`), done: () => {} };
  }
  const live = createLogUpdate(io.liveStream, { showCursor: false });
  return {
    update: (p) => live(`${bar(p.done / p.total)} ${Math.round((p.done / p.total) * 100)}%\n${describeProgress(p)}`),
    done: () => {
      live.clear();
      live.done(); // shows the cursor again
    },
  };
}
