import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeerLine, parsePeerOutput, PEER_PROTOCOL, type PeerReport } from '../../src/peers/index.ts';

function report(n: number, overrides: Partial<PeerReport> = {}): PeerReport {
  return {
    protocol: PEER_PROTOCOL,
    client: 'py-asyncio',
    model: { kind: 'bounded', k: 100 },
    wallMs: 123.4,
    cpuMs: { user: 50.1, system: 10.2 },
    counts: { ok: n, 'http-error': 0, 'network-error': 0, timeout: 0 },
    delaysMs: Array.from({ length: n }, () => 100),
    ...overrides,
  };
}

const ms = fc.integer({ min: 0, max: 1e9 }).map((x) => x / 1000);
const count = fc.integer({ min: 0, max: 50 });

// An error kind is any string but `__proto__`: zod drops that key from a record (no prototype
// pollution through a peer's JSON), so a report carrying it cannot round-trip.
const errorKind = fc.string({ maxLength: 30 }).filter((key) => key !== '__proto__');

/** Any valid report: counts of each outcome, and delays (some null) as many as their sum. */
const validReport = fc
  .record({
    client: fc.string({ minLength: 1, maxLength: 20 }),
    model: fc.oneof(
      fc.constant({ kind: 'sequential' as const }),
      fc.constant({ kind: 'concurrent' as const }),
      fc.integer({ min: 1, max: 1000 }).map((k) => ({ kind: 'bounded' as const, k })),
    ),
    wallMs: ms,
    cpuMs: fc.record({ user: ms, system: ms }),
    runQueueMs: fc.option(ms, { nil: undefined }),
    counts: fc.record({ ok: count, 'http-error': count, 'network-error': count, timeout: count }),
    errors: fc.option(fc.dictionary(errorKind, fc.nat(), { maxKeys: 10 }), { nil: undefined }),
  })
  .chain((r) => {
    const n = r.counts.ok + r.counts['http-error'] + r.counts['network-error'] + r.counts.timeout;
    return fc.array(fc.option(ms, { nil: null }), { minLength: n, maxLength: n }).map(
      (delaysMs): PeerReport => ({ protocol: PEER_PROTOCOL, ...r, delaysMs }),
    );
  })
  // Through JSON once, as a peer's line would be: an absent `errors` is no key at all.
  .map((r) => JSON.parse(JSON.stringify(r)) as PeerReport);

const sumOf = (r: PeerReport) => r.counts.ok + r.counts['http-error'] + r.counts['network-error'] + r.counts.timeout;

describe('parsePeerLine', () => {
  it('accepts a good line and returns the report', () => {
    const good = report(3, { delaysMs: [100, null, 99.5], counts: { ok: 2, 'http-error': 0, 'network-error': 1, timeout: 0 } });
    expect(parsePeerLine(JSON.stringify(good), 3)).toEqual({ ok: true, report: good });
  });

  it('ignores keys it does not know, so a peer may add its own', () => {
    const parsed = parsePeerLine(JSON.stringify({ ...report(1), runtime: 'cpython 3.11' }), 1);
    expect(parsed.ok && 'runtime' in parsed.report).toBe(false);
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['not JSON at all', 'hello world', 'not JSON'],
    ['a JSON number', '42', 'not a pokebench-peer/1 report'],
    ['another protocol version', JSON.stringify({ ...report(1), protocol: 'pokebench-peer/2' }), 'speaks "pokebench-peer/2"'],
    ['a missing wallMs', JSON.stringify({ ...report(1), wallMs: undefined }), 'wallMs'],
    ['a negative cpu time', JSON.stringify({ ...report(1), cpuMs: { user: -1, system: 0 } }), 'cpuMs.user'],
    ['a negative run-queue wait', JSON.stringify({ ...report(1), runQueueMs: -2 }), 'runQueueMs'],
    ['a bounded model without k', JSON.stringify({ ...report(1), model: { kind: 'bounded' } }), 'model.k'],
    ['an unknown model', JSON.stringify({ ...report(1), model: { kind: 'batched' } }), 'model.kind'],
    ['a fractional count', JSON.stringify({ ...report(1), counts: { ok: 0.5, 'http-error': 0.5, 'network-error': 0, timeout: 0 } }), 'counts.ok'],
    ['a delay that is a string', JSON.stringify({ ...report(1), delaysMs: ['100'] }), 'delaysMs[0]: must be a number, got a string ("100")'],
  ])('calls %s garbage and names the problem', (_, line, problem) => {
    const parsed = parsePeerLine(line, 1);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe('garbage');
      expect(parsed.problem).toContain(problem);
    }
  });

  it('calls counts that do not sum to N a miscount', () => {
    const parsed = parsePeerLine(JSON.stringify(report(5)), 6);
    expect(parsed).toEqual({ ok: false, reason: 'miscount', problem: expect.stringContaining('counts sum to 5, expected N = 6') });
  });

  it('calls a sentMs of the wrong length a miscount', () => {
    const parsed = parsePeerLine(JSON.stringify({ ...report(2), sentMs: [1] }), 2);
    expect(parsed).toMatchObject({ ok: false, reason: 'miscount' });
    if (!parsed.ok) expect(parsed.problem).toContain('sentMs has 1 entries, expected N = 2');
  });

  it('calls a delaysMs of the wrong length a miscount', () => {
    const parsed = parsePeerLine(JSON.stringify({ ...report(5), delaysMs: [100, 100] }), 5);
    expect(parsed).toEqual({ ok: false, reason: 'miscount', problem: expect.stringContaining('delaysMs has 2 entries, expected N = 5') });
  });

  it('round-trips any valid report (law: parse(stringify(r)) = r)', () =>
    fc.assert(
      fc.property(validReport, (r) => {
        expect(parsePeerLine(JSON.stringify(r), sumOf(r))).toEqual({ ok: true, report: r });
      }),
    ));

  it('rejects any report whose counts do not sum to N (law: accepted ⇒ Σ counts = N)', () =>
    fc.assert(
      fc.property(validReport, fc.integer({ min: 0, max: 250 }), (r, n) => {
        fc.pre(n !== sumOf(r));
        const parsed = parsePeerLine(JSON.stringify(r), n);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.reason).toBe('miscount');
      }),
    ));
});

describe('parsePeerOutput', () => {
  it('reads the last non-empty line and ignores what came before', () => {
    const stdout = `warming up\n{"not":"the report"}\n${JSON.stringify(report(2))}\n\n`;
    expect(parsePeerOutput(stdout, 2)).toEqual({ ok: true, report: report(2) });
  });

  it('says so when the peer printed nothing', () => {
    expect(parsePeerOutput('\n  \n', 1)).toEqual({ ok: false, reason: 'garbage', problem: 'printed nothing on stdout' });
  });

  it('does not pick an earlier report when the last line is garbage', () => {
    const parsed = parsePeerOutput(`${JSON.stringify(report(2))}\nbye\n`, 2);
    expect(parsed.ok).toBe(false);
  });
});
