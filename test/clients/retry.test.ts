import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { withRetry } from '../../src/clients/retry.ts';
import type { FetchOne, FetchResult } from '../../src/types/index.ts';

// A fake client answering from a script, recording the virtual time of each call.
function scripted(answers: (FetchResult | Error)[]) {
  const calls: number[] = [];
  const fetchOne: FetchOne = async () => {
    calls.push(Date.now());
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetchOne, calls };
}

/** Advances virtual time, one timer at a time, until `promise` settles. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  const state = { settled: false };
  void promise.finally(() => (state.settled = true)).catch(() => {});
  while (!state.settled) await vi.advanceTimersToNextTimerAsync();
  return promise;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('withRetry', () => {
  it('retries a 503 and returns the first success, with the attempts it took', async () => {
    const { fetchOne, calls } = scripted([{ status: 503, bytes: 0 }, { status: 503, bytes: 0 }, { status: 200, bytes: 10 }]);
    const result = await settle(withRetry(fetchOne, { attempts: 3 })(1, new AbortController().signal));
    expect(result).toMatchObject({ status: 200, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it('law: backoff before retry r lies in [0, min(max, base·2^(r−1))], and retries stop at the attempt limit', () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 3000 }), fc.integer(), async (attempts, base, max, seed) => {
        const { fetchOne, calls } = scripted([{ status: 500, bytes: 0 }]);
        const result = await settle(withRetry(fetchOne, { attempts, baseDelayMs: base, maxDelayMs: max, seed })(1, new AbortController().signal));
        expect(result).toMatchObject({ status: 500, attempts });
        expect(calls).toHaveLength(attempts);
        for (let r = 1; r < calls.length; r++) {
          const gap = calls[r]! - calls[r - 1]!;
          expect(gap).toBeGreaterThanOrEqual(0);
          expect(gap).toBeLessThanOrEqual(Math.ceil(Math.min(max, base * 2 ** (r - 1))));
        }
      }),
      { numRuns: 60 },
    ));

  it("honours Retry-After when it asks for longer than the backoff", async () => {
    const { fetchOne, calls } = scripted([{ status: 429, bytes: 0, retryAfterMs: 1500 }, { status: 200, bytes: 1 }]);
    await settle(withRetry(fetchOne, { baseDelayMs: 10, maxDelayMs: 5000 })(1, new AbortController().signal));
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(1500);
  });

  it('does not retry a status the policy does not name', async () => {
    const { fetchOne, calls } = scripted([{ status: 404, bytes: 9 }]);
    expect(await settle(withRetry(fetchOne)(1, new AbortController().signal))).toMatchObject({ status: 404, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('retries a rejection, then rethrows the last one', async () => {
    const { fetchOne, calls } = scripted([new Error('reset')]);
    await expect(settle(withRetry(fetchOne, { attempts: 2 })(1, new AbortController().signal))).rejects.toThrow('reset');
    expect(calls).toHaveLength(2);
  });

  it('stops at once when the request is aborted while it waits', async () => {
    const { fetchOne, calls } = scripted([{ status: 503, bytes: 0 }]);
    const controller = new AbortController();
    const pending = withRetry(fetchOne, { attempts: 5, baseDelayMs: 1000, seed: 3 })(1, controller.signal);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort(new Error('timed out'));
    await expect(pending).rejects.toThrow('timed out');
    expect(calls).toHaveLength(1);
  });

  it('names a bad option', () => {
    const { fetchOne } = scripted([{ status: 200, bytes: 0 }]);
    expect(() => withRetry(fetchOne, { attempts: 0 })).toThrow('options.attempts');
    expect(() => withRetry(fetchOne, { baseDelayMs: -1 })).toThrow('options.baseDelayMs');
  });
});
