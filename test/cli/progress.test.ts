import { describe, expect, it } from 'vitest';
import { createProgress, describeProgress, formatDuration } from '../../src/cli/progress.ts';
import { fakeIo } from './fake-io.ts';

describe('progress', () => {
  it('formats durations, rounding before splitting minutes', () => {
    expect(formatDuration(12_345)).toBe('12.3s');
    expect(formatDuration(119_600)).toBe('2m00s');
    expect(formatDuration(61_000)).toBe('1m01s');
    expect(formatDuration(Number.NaN)).toBe('?');
  });

  it('describes a step with its position, repeat and ETA', () => {
    const line = describeProgress({ phase: 'measure', strategy: 'bounded(4)', n: 80, repetition: 2, repeats: 3, done: 9, total: 40, elapsedMs: 5_000, etaMs: 20_000 });
    expect(line).toBe('[10/40] bounded(4) N=80 repeat 2/3 (elapsed 5.0s, ETA 20.0s)');
  });

  it('logs one line per step when stderr is not a terminal, or a terminal without a width', () => {
    const step = { phase: 'warmup', strategy: 'sequential', n: 5, repetition: 0, repeats: 3, done: 0, total: 2, elapsedMs: 0, etaMs: null } as const;
    const log = fakeIo();
    createProgress(log.io).update(step);
    expect(log.stderr()).toBe('[1/2] sequential N=5 warm-up (elapsed 0.0s)\n');
    const widthless = fakeIo();
    createProgress({ ...widthless.io, isTTY: true, liveStream: { columns: 0 } as NodeJS.WriteStream }).update(step);
    expect(widthless.stderr()).toContain('sequential N=5 warm-up');
  });
});
