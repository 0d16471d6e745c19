import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDelaySampler, parseProfile, pickFault, type Fault } from '../../../mock-server/profile/index.ts';

const base = { seed: 1, delay: { type: 'uniform', min: 10, max: 20 } };

describe('profile faults: validation', () => {
  it.each([
    [[{ kind: 'teapot', probability: 0.1 }], 'faults[0].kind', 'must be one of'],
    [[{ kind: 'reset', probability: 1.5 }], 'faults[0].probability', 'must be <= 1'],
    [[{ kind: 'reset', probability: -0.1 }], 'faults[0].probability', 'must be >= 0'],
    [[{ kind: 'http-error', probability: 0.1, status: 404 }], 'faults[0].status', 'must be a 5xx status'],
    [[{ kind: 'reset', probability: 0.1, status: 503 }], 'faults[0].status', 'only an http-error fault takes a status'],
    [[{ kind: 'http-error', probability: 0.1, retryAfterSeconds: 3 }], 'faults[0].retryAfterSeconds', 'only a rate-limited fault'],
    [[{ kind: 'hang', probability: 0.1, routes: ['berries'] }], 'faults[0].routes[0]', 'unknown route'],
    [[{ kind: 'reset', probability: 0.6 }, { kind: 'empty', probability: 0.6 }], 'faults', 'add up to 1.2, must be <= 1'],
  ])('rejects %j naming %s and the rule', (faults, path, rule) => {
    expect(() => parseProfile({ ...base, faults }, 'test.json')).toThrow(path);
    expect(() => parseProfile({ ...base, faults }, 'test.json')).toThrow(rule);
  });

  it('accepts faults scoped to routes whose sums stay within 1 per route', () => {
    const profile = parseProfile({
      ...base,
      faults: [
        { kind: 'reset', probability: 0.6, routes: ['pokemon'] },
        { kind: 'empty', probability: 0.6, routes: ['pokemon-list'] },
      ],
    });
    expect(profile.faults).toHaveLength(2);
  });
});

describe('profile faults: sampling', () => {
  it('adding faults leaves every delay unchanged (the fault draw is its own stream)', () => {
    const plain = createDelaySampler(parseProfile(base));
    const faulty = createDelaySampler(parseProfile({ ...base, faults: [{ kind: 'reset', probability: 0.5 }] }));
    for (let i = 0; i < 200; i++) {
      expect(faulty.draw('pokemon', String(i % 37)).delayMs).toBe(plain.draw('pokemon', String(i % 37)).delayMs);
    }
  });

  it('the same seed replays the same faults, in any interleaving of keys', () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 80 }), fc.integer(), (ids, seed) => {
        const profile = parseProfile({ ...base, seed, faults: [{ kind: 'http-error', probability: 0.3 }, { kind: 'hang', probability: 0.2 }] });
        const perKey = (order: number[]) => {
          const sampler = createDelaySampler(profile);
          const seen = new Map<number, (string | undefined)[]>();
          for (const id of order) seen.set(id, [...(seen.get(id) ?? []), sampler.draw('pokemon', String(id)).fault?.kind]);
          return seen;
        };
        const forward = perKey(ids);
        const backward = perKey(ids.toReversed());
        for (const [id, kinds] of forward) expect(backward.get(id)).toEqual(kinds);
      }),
    ));

  it('the observed fault rate matches the probability within a binomial bound', () =>
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.integer(), (probability, seed) => {
        const n = 4000;
        const sampler = createDelaySampler(parseProfile({ ...base, seed, faults: [{ kind: 'empty', probability }] }));
        let hits = 0;
        for (let i = 0; i < n; i++) if (sampler.draw('pokemon', String(i)).fault) hits += 1;
        // Six standard deviations: a false failure about once in 5e8 cases.
        const bound = 6 * Math.sqrt((probability * (1 - probability)) / n);
        expect(Math.abs(hits / n - probability)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 30 },
    ));

  it('pickFault gives each fault its slice of [0, 1), and none past their sum', () => {
    const faults: Fault[] = [
      { kind: 'reset', probability: 0.2 },
      { kind: 'empty', probability: 0.3 },
    ];
    expect(pickFault(faults, 0)?.kind).toBe('reset');
    expect(pickFault(faults, 0.1999)?.kind).toBe('reset');
    expect(pickFault(faults, 0.2)?.kind).toBe('empty');
    expect(pickFault(faults, 0.4999)?.kind).toBe('empty');
    expect(pickFault(faults, 0.5)).toBeUndefined();
  });
});
