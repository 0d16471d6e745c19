/** Repeat a measured fan-out after warm-up runs, and summarise the wall times. */
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { measureTrial, type MeasureTrialOptions, type TrialResult } from './measure-trial.ts';
import { type RepeatSummary, summarizeRepeats } from './repeat-summary.ts';

/** Options of {@link measureRepeated}: those of one run, plus how many. */
export interface MeasureRepeatedOptions extends MeasureTrialOptions {
  /** Measured runs. @defaultValue 5 */
  repeats?: number | undefined;
  /** Runs before those, thrown away (JIT, first connections). @defaultValue 1 */
  warmup?: number | undefined;
}

/** Measured trials and the summary of their wall times. */
export interface RepeatedResult {
  /** The measured trials, in order (warm-up trials excluded). */
  trials: TrialResult[];
  /** Warm-up trials done before them. */
  warmup: number;
  /** Median, min, max and spread of `trials[i].wallMs`. */
  summary: RepeatSummary;
}

/**
 * Run {@link measureTrial} `warmup + repeats` times, back to back, with the same
 * client, keeping the last `repeats`. The client is closed once at the end
 * (unless `closeClient: false`).
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming a bad option.
 * @example const { summary } = await measureRepeated({ strategy: concurrent(), fetchOne, n: 100, repeats: 5 });
 */
export async function measureRepeated(options: MeasureRepeatedOptions): Promise<RepeatedResult> {
  const { repeats = 5, warmup = 1, closeClient = true, ...runOptions } = options;
  if (!(Number.isSafeInteger(repeats) && repeats >= 1)) {
    throw new InvalidOptionError('repeats', `options.repeats must be a positive integer, got ${String(repeats)}.`);
  }
  if (!(Number.isSafeInteger(warmup) && warmup >= 0)) {
    throw new InvalidOptionError('warmup', `options.warmup must be an integer ≥ 0, got ${String(warmup)}.`);
  }
  try {
    for (let i = 0; i < warmup; i++) await measureTrial({ ...runOptions, closeClient: false });
    const trials: TrialResult[] = [];
    for (let i = 0; i < repeats; i++) trials.push(await measureTrial({ ...runOptions, closeClient: false }));
    return { trials, warmup, summary: summarizeRepeats(trials.map((t) => t.wallMs)) };
  } finally {
    if (closeClient) await options.fetchOne.close?.();
  }
}
