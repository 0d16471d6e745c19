import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { batched } from '../../src/strategies/batched.ts';
import { bounded } from '../../src/strategies/bounded.ts';
import { concurrent } from '../../src/strategies/concurrent.ts';
import { beginTrial, startTrial } from '../../src/strategies/trial-context.ts';
import { sequential } from '../../src/strategies/sequential.ts';

describe('startTrial', () => {
  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '100'])('rejects timeoutMs = %s naming the option', (timeoutMs) => {
    expect(() => startTrial({ timeoutMs: timeoutMs as number })).toThrow(
      expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_STRATEGY_OPTION', option: 'timeoutMs' }),
    );
  });

  it('rejects a now that is not a function and a signal that is not an AbortSignal', () => {
    expect(() => startTrial({ now: 5 as never })).toThrow(expect.objectContaining({ option: 'now' }));
    expect(() => startTrial({ signal: {} as never })).toThrow(expect.objectContaining({ option: 'signal' }));
  });

  it('measures elapsed time from the run start with the injected clock', () => {
    let t = 1000;
    const run = startTrial({ now: () => t });
    t = 1042;
    expect(run.elapsed()).toBe(42);
  });

  it('attaches one listener to the outer signal however many requests run, and detaches it on close', () => {
    const outer = new AbortController();
    const run = startTrial({ signal: outer.signal });
    run.inFlight.add(() => {});
    run.inFlight.add(() => {});
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(1);
    run.close();
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
  });

  it('rejects the run, not each request, when the options are bad', async () => {
    await expect(sequential().run([1], async () => ({ status: 200, bytes: 0 }), { timeoutMs: -1 })).rejects.toThrow(/timeoutMs/);
  });

  it('defaults the clock to performance.now, giving times relative to the run start', async () => {
    const records = await sequential().run([1, 2], async () => ({ status: 200, bytes: 0 }));
    for (const r of records) {
      expect(r.start).toBeGreaterThanOrEqual(0);
      expect(r.end).toBeGreaterThanOrEqual(r.start);
    }
    // performance.now() is ms since process start: absolute values would be far larger.
    expect(records[1]?.end).toBeLessThan(performance.now());
  });
});

describe('beginTrial', () => {
  it('awaits onStart once, then starts the clock, so setup is not billed to the run', async () => {
    let t = 0;
    const onStart = vi.fn(async () => {
      t = 500;
    });
    const run = await beginTrial({ now: () => t, onStart });
    expect(onStart).toHaveBeenCalledTimes(1);
    t = 530;
    expect(run.elapsed()).toBe(30);
  });

  it('rejects bad options before calling onStart', async () => {
    const onStart = vi.fn();
    await expect(beginTrial({ timeoutMs: 0, onStart })).rejects.toThrow(expect.objectContaining({ option: 'timeoutMs' }));
    expect(onStart).not.toHaveBeenCalled();
    await expect(beginTrial({ onStart: 'soon' as never })).rejects.toThrow(expect.objectContaining({ option: 'onStart' }));
  });

  it.each([
    ['sequential', sequential()],
    ['concurrent', concurrent()],
    ['bounded(2)', bounded(2)],
    ['batched(2)', batched(2)],
  ])('%s calls onStart once before its first request', async (_name, strategy) => {
    const events: string[] = [];
    await strategy.run([1, 2, 3], async (id) => {
      events.push(`fetch ${id}`);
      return { status: 200, bytes: 0 };
    }, { onStart: () => void events.push('start') });
    expect(events[0]).toBe('start');
    expect(events.filter((e) => e === 'start')).toHaveLength(1);
    expect(events).toHaveLength(4);
  });
});
