import { describe, expect, it } from 'vitest';
import { startLoopMonitor, summarizeLoopHistogram } from '../../src/measure/event-loop-delay.ts';
import type { LoopHistogram } from '../../src/measure/event-loop-delay.ts';

const block = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose: this is the event-loop delay under test
  }
};

describe('startLoopMonitor', () => {
  it('sees a loop blocked right after it starts (the first synchronous burst of a fan-out)', async () => {
    const monitor = await startLoopMonitor(1);
    block(40);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const delay = monitor.stop();
    // Load on the machine can only add delay: a lower bound cannot flake.
    expect(delay.max).toBeGreaterThanOrEqual(30);
    expect(delay.p50).toBeLessThanOrEqual(delay.p99);
    expect(delay.p99).toBeLessThanOrEqual(delay.max);
  });

});

/** A histogram of tick intervals (ns) with nearest-rank percentiles. */
const histogram = (ns: number[]): LoopHistogram => ({
  count: ns.length,
  max: Math.max(0, ...ns),
  percentile: (p: number) => ns.toSorted((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * ns.length) - 1)] ?? 0,
});

describe('summarizeLoopHistogram', () => {

  it('reports each tick interval minus the resolution, in ms, floored at 0', () => {
    const ticks = [10.2e6, 10.1e6, 9.9e6, 55e6];
    expect(summarizeLoopHistogram(histogram(ticks), 10)).toEqual({ p50: expect.closeTo(0.1, 9), p99: 45, max: 45, samples: 4, resolutionMs: 10 });
    expect(summarizeLoopHistogram(histogram([9.5e6]), 10)).toMatchObject({ p50: 0, max: 0 });
  });

  it('reports zeros for a histogram without samples (a run shorter than one tick)', () => {
    expect(summarizeLoopHistogram({ count: 0, max: 0, percentile: () => 511 }, 10)).toEqual({
      p50: 0,
      p99: 0,
      max: 0,
      samples: 0,
      resolutionMs: 10,
    });
  });
});
