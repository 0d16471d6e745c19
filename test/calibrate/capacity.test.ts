import { describe, expect, it } from 'vitest';
import { summarizeCapacity } from '../../src/calibrate/capacity.ts';
import type { CapacityRound } from '../../src/calibrate/calibration.ts';

const round = (n: number, mockRps: number, bareRps: number, errors = 0): CapacityRound => ({
  round: n,
  first: n % 2 === 1 ? 'bare' : 'mock',
  mock: { rps: mockRps, p50Ms: n, p99Ms: 10 * n, errors },
  bare: { rps: bareRps, p50Ms: 1, p99Ms: 5, errors: 0 },
  ratio: mockRps / bareRps,
});

describe('summarizeCapacity', () => {
  it('takes the median of per-round ratios, not the ratio of medians', () => {
    // Ratios 0.9, 0.8, 1.0; the medians of each server (11000 and 11000) come from different rounds.
    const summary = summarizeCapacity([round(1, 9000, 10_000), round(2, 16_000, 20_000), round(3, 11_000, 11_000)]);
    expect(summary.ratio).toBeCloseTo(0.9, 12);
    expect(summary.mock.rps / summary.bare.rps).toBe(1);
  });

  it('reports median figures and sums the errors', () => {
    const summary = summarizeCapacity([round(1, 100, 200, 1), round(2, 300, 200, 0), round(3, 200, 200, 2)]);
    expect(summary.mock).toEqual({ rps: 200, p50Ms: 2, p99Ms: 20, errors: 3 });
    expect(summary.ratio).toBe(1);
  });
});
