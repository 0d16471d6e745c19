import { describe, expect, it } from 'vitest';
import { classifyFailure, describeFailures, lostByCode, TIMEOUT_CODE, UNKNOWN_CODE } from '../../src/measure/failure-cause.ts';
import type { RequestRecord } from '../../src/types/index.ts';

describe('classifyFailure', () => {
  it.each([
    ['EMFILE', 'open-files', /ulimit -n/],
    ['ENFILE', 'open-files', /ulimit -n/],
    ['EADDRNOTAVAIL', 'ephemeral-ports', /ip_local_port_range/],
    ['ECONNREFUSED', 'refused', /somaxconn/],
    ['ECONNRESET', 'reset', /mock in another process/],
    ['UND_ERR_SOCKET', 'reset', /mock in another process/],
    ['TIMEOUT', 'timeout', /--timeout/],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', /--timeout/],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', /--timeout/],
    ['ENOBUFS', 'memory', /lower N/],
    ['ERR_POKEBENCH_INVALID_JSON', 'malformed-body', /malformed-json/],
    ['ABORTED', 'aborted', /let the run finish/],
  ] as const)('%s is %s, with a fix', (code, kind, fix) => {
    const cause = classifyFailure(code);
    expect(cause).toMatchObject({ kind, code });
    expect(cause.words.length).toBeGreaterThan(20);
    expect(`${cause.words} ${cause.fix}`).toMatch(fix);
  });

  it('names an unknown code as it is, and a missing one as UNKNOWN', () => {
    expect(classifyFailure('EWHATEVER')).toMatchObject({ kind: 'other', code: 'EWHATEVER', words: 'requests failed with EWHATEVER' });
    expect(classifyFailure(undefined)).toMatchObject({ kind: 'other', code: UNKNOWN_CODE });
  });
});

describe('lostByCode', () => {
  const base = { id: 1, index: 0, start: 0, end: 1 };
  it('counts network errors by code and timeouts as TIMEOUT; responses are not lost', () => {
    const records: RequestRecord[] = [
      { ...base, outcome: 'ok', status: 200, bytes: 10 },
      { ...base, outcome: 'http-error', status: 503, bytes: 10 },
      { ...base, outcome: 'network-error', error: 'connect EMFILE', code: 'EMFILE' },
      { ...base, outcome: 'network-error', error: 'connect EMFILE', code: 'EMFILE' },
      { ...base, outcome: 'network-error', error: 'boom' },
      { ...base, outcome: 'timeout', timeoutMs: 100 },
    ];
    expect(lostByCode(records)).toEqual({ EMFILE: 2, [UNKNOWN_CODE]: 1, [TIMEOUT_CODE]: 1 });
  });
});

describe('describeFailures', () => {
  it('puts the commonest cause first, in plain words with the fix', () => {
    const text = describeFailures({ ECONNRESET: 3, EMFILE: 330 });
    expect(text.indexOf('330 × EMFILE')).toBe(0);
    expect(text).toMatch(/330 × EMFILE: the process ran out of file descriptors .*Fix: .*ulimit -n.* 3 × ECONNRESET: /);
  });

  it('shows at most `max` codes and counts the rest', () => {
    expect(describeFailures({ A: 4, B: 3, C: 2, D: 1 }, 2)).toMatch(/4 × A: .* 3 × B: .*\(and 3 more under other codes\)$/);
  });

  it('says when there are no codes (an external client)', () => {
    expect(describeFailures({})).toMatch(/no error codes/);
  });
});
