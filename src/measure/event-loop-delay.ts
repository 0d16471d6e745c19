/** Event-loop delay over a run, from `perf_hooks.monitorEventLoopDelay`. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** How late the event loop ran its timer, in ms (p50, p99, max over the samples). */
export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  /** Samples taken (about one per `resolutionMs`); 0 for a run shorter than that, with all delays 0. */
  samples: number;
  /** Sampling interval, ms. */
  resolutionMs: number;
}

/** A running monitor. */
export interface LoopDelayMonitor {
  /** Stop sampling and summarise. */
  stop(): EventLoopDelay;
}

/**
 * Start sampling the event loop every `resolutionMs`, and resolve once the
 * monitor has taken its first tick.
 *
 * Why wait: the histogram records the time between two of its ticks and has
 * none before its first one, so a loop blocked right after `enable()` (a
 * fan-out starting 1600 requests in one synchronous burst) would go unseen.
 * `reset()` brings the blind spot back, so a new monitor is started instead.
 *
 * The histogram's intervals include the resolution itself (an idle loop reads
 * ~10.2 ms at 10 ms); the delay reported is the interval minus the
 * resolution, floored at 0.
 */
export async function startLoopMonitor(resolutionMs: number): Promise<LoopDelayMonitor> {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  await sleep(resolutionMs + 1);
  return {
    stop() {
      histogram.disable();
      return summarizeLoopHistogram(histogram, resolutionMs);
    },
  };
}

/** The parts of a node histogram {@link summarizeLoopHistogram} reads (values in ns). */
export interface LoopHistogram {
  readonly count: number;
  readonly max: number;
  percentile(p: number): number;
}

/**
 * Delays in ms from a histogram of tick intervals in ns: each interval minus
 * the resolution, floored at 0; all zeros when it holds no sample.
 *
 * @example summarizeLoopHistogram(h, 10) // an idle loop: { p50: 0.18, p99: 0.2, max: 0.22, … }
 */
export function summarizeLoopHistogram(histogram: LoopHistogram, resolutionMs: number): EventLoopDelay {
  const samples = histogram.count;
  if (samples === 0) return { p50: 0, p99: 0, max: 0, samples, resolutionMs };
  const delay = (ns: number): number => Math.max(0, ns / 1e6 - resolutionMs);
  return {
    p50: delay(histogram.percentile(50)),
    p99: delay(histogram.percentile(99)),
    max: delay(histogram.max),
    samples,
    resolutionMs,
  };
}
