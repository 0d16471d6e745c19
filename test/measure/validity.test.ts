import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOSING_FAULTS, pointValidity, UNKNOWN_FAULTS_LOSS_THRESHOLD } from '../../src/measure/validity.ts';
import type { TrialLosses } from '../../src/measure/validity.ts';

const counts = (ok: number, httpError: number, networkError: number, timeout: number) => ({ ok, 'http-error': httpError, 'network-error': networkError, timeout });

/** A run of n requests whose lost ones split over the faults the profile injected, then `extra` more by EMFILE. */
const runArb = fc
  .record({
    reset: fc.nat(20),
    empty: fc.nat(20),
    hang: fc.nat(20),
    malformed: fc.nat(20),
    httpErrors: fc.nat(30),
    ok: fc.nat(200),
  })
  .map((f) => ({
    faults: { reset: f.reset, empty: f.empty, hang: f.hang, 'malformed-json': f.malformed, 'http-error': f.httpErrors, 'rate-limit': 1 },
    counts: counts(f.ok, f.httpErrors + 1, f.reset + f.empty + f.malformed, f.hang),
  }));

describe('pointValidity', () => {
  it("law: a profile's own faults never make a point invalid, whatever their mix", () =>
    fc.assert(
      fc.property(fc.array(runArb, { minLength: 1, maxLength: 6 }), (runs) => {
        expect(pointValidity(runs)).toEqual({ valid: true });
      }),
      { seed: 18 },
    ));

  it('law: one request lost beyond the injected faults, in any run, makes the point invalid', () =>
    fc.assert(
      fc.property(fc.array(runArb, { minLength: 1, maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 50 }), (runs, pick, extra) => {
        const at = pick % runs.length;
        const lossy: TrialLosses[] = runs.map((r, i) =>
          i === at ? { ...r, counts: { ...r.counts, 'network-error': r.counts['network-error'] + extra }, lostCodes: { EMFILE: extra } } : r,
        );
        const validity = pointValidity(lossy);
        expect(validity).toMatchObject({ valid: false, unexplained: extra, codes: { EMFILE: extra } });
      }),
      { seed: 18 },
    ));

  it('names the number lost, the requests, and the cause with its fix', () => {
    const validity = pointValidity([
      { counts: counts(4000, 0, 6000, 0), faults: {}, lostCodes: { EMFILE: 5990, ECONNRESET: 10 } },
      { counts: counts(10_000, 0, 0, 0), faults: {} },
    ]);
    expect(validity.valid).toBe(false);
    if (validity.valid) return;
    expect(validity.cause).toMatch(/^6000 of 20000 requests were lost beyond the faults the profile injected/);
    expect(validity.cause).toMatch(/5990 × EMFILE: the process ran out of file descriptors .* Fix: .*ulimit -n/);
  });

  it('counts only the faults that lose a request: a 5xx or a 429 explains no network error', () => {
    const run = { counts: counts(90, 5, 5, 0), faults: { 'http-error': 5, 'rate-limited': 5, 'queue-full': 5 }, lostCodes: { ECONNRESET: 5 } };
    expect(pointValidity([run])).toMatchObject({ valid: false, unexplained: 5 });
    expect(LOSING_FAULTS).toEqual(['reset', 'empty', 'hang', 'malformed-json']);
  });

  it(`allows up to ${UNKNOWN_FAULTS_LOSS_THRESHOLD * 100}% lost when the server cannot say what it injected, and says so past it`, () => {
    expect(pointValidity([{ counts: counts(995, 0, 5, 0) }])).toEqual({ valid: true });
    const past = pointValidity([{ counts: counts(994, 0, 5, 1), lostCodes: { ECONNRESET: 5, TIMEOUT: 1 } }]);
    expect(past).toMatchObject({ valid: false, unexplained: 6, requests: 1000 });
    if (!past.valid) expect(past.cause).toMatch(/did not say which faults it injected/);
  });
});
