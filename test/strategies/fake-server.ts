/**
 * Test helper: a scripted `fetchOne`. Each id's fate is given up front; the
 * fake answers after its delay via `setTimeout` (so fake timers drive it),
 * honours its signal, and counts what is in flight.
 */
import type { FetchOne, FetchResult } from '../../src/types/index.ts';

/** What the fake does for one id. */
export type Step =
  | { kind: 'respond'; delay: number; status: number; bytes: number; delayMs?: number }
  | { kind: 'reject'; delay: number; message: string; code?: string }
  | { kind: 'throw'; message: string }
  | { kind: 'hang' }
  | { kind: 'garbage'; delay: number };

/** The scripted client and what it saw. */
export interface FakeServer {
  fetchOne: FetchOne;
  /** Ids in the order fetchOne was called. */
  calls: number[];
  /** Requests started and not yet settled (answered, failed or aborted). */
  inFlight: number;
  maxInFlight: number;
  /** Requests settled so far. */
  settled: number;
  /** Ids whose signal was aborted while in flight, with the abort reason. */
  aborted: Map<number, unknown>;
}

/** A fake whose answer to `id` is `plan(id)`. */
export function fakeServer(plan: (id: number) => Step): FakeServer {
  const server: FakeServer = {
    calls: [],
    inFlight: 0,
    maxInFlight: 0,
    settled: 0,
    aborted: new Map(),
    fetchOne: (id, signal) => {
      server.calls.push(id);
      const step = plan(id);
      if (step.kind === 'throw') throw Object.assign(new Error(step.message), { code: 'ESYNC' });
      server.inFlight++;
      server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
      return new Promise<FetchResult>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = (): void => {
          server.inFlight--;
          server.settled++;
          signal.removeEventListener('abort', onAbort);
        };
        const onAbort = (): void => {
          if (timer !== undefined) clearTimeout(timer);
          server.aborted.set(id, signal.reason);
          done();
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        if (step.kind === 'hang') return;
        timer = setTimeout(() => {
          done();
          if (step.kind === 'respond') resolve({ status: step.status, bytes: step.bytes, delayMs: step.delayMs });
          else if (step.kind === 'garbage') resolve({ nope: true } as unknown as FetchResult);
          else reject(step.code === undefined ? new Error(step.message) : Object.assign(new Error(step.message), { code: step.code }));
        }, step.delay);
      });
    },
  };
  return server;
}
