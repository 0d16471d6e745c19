import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../../mock-server/profile/parse-profile.ts';
import { createDelaySampler, finishDelay, MAX_DELAY_MS, resolveRoute, sampleDelay } from '../../../mock-server/profile/sampler.ts';
import type { Profile, RouteName } from '../../../mock-server/profile/schema.ts';
import { profile, route, seed } from './arbitraries.ts';

const lognormal = (s: number): Profile => parseProfile({ seed: s, delay: { type: 'lognormal', median: 90, sigma: 0.7 } });
const request = fc.record({ route, key: fc.constantFrom('1', '4', '25', 'pikachu', 'limit=20&offset=0') });

describe('sampleDelay', () => {
  it('is a pure function of (seed, route, key, n)', () =>
    fc.assert(
      fc.property(profile, route, fc.string({ maxLength: 10 }), fc.nat(10_000), (p, r, key, n) => {
        expect(sampleDelay(p, r, key, n)).toBe(sampleDelay(structuredClone(p), r, key, n));
      }),
    ));

  it('gives a different sequence for a different seed', () =>
    fc.assert(
      fc.property(seed, seed, fc.string({ maxLength: 10 }), (a, b, key) => {
        fc.pre(a !== b);
        const sequence = (s: number) => Array.from({ length: 8 }, (_, n) => sampleDelay(lognormal(s), 'pokemon', key, n));
        expect(sequence(a)).not.toEqual(sequence(b));
      }),
    ));

  it('always respects the clamp that applies to the route', () =>
    fc.assert(
      fc.property(profile, route, fc.string({ maxLength: 6 }), fc.nat(1000), (p, r, key, n) => {
        const { clamp } = resolveRoute(p, r);
        const delay = sampleDelay(p, r, key, n);
        expect(delay).toBeGreaterThanOrEqual(clamp?.min ?? 0);
        expect(delay).toBeLessThanOrEqual(clamp?.max ?? MAX_DELAY_MS);
        expect(Number.isFinite(delay)).toBe(true);
      }),
    ));

  it('rounds to 0.01 ms unless a clamp bound says otherwise', () =>
    fc.assert(
      fc.property(seed, fc.nat(1000), (s, n) => {
        const delay = sampleDelay(lognormal(s), 'pokemon', '25', n);
        expect(Math.abs(delay * 100 - Math.round(delay * 100))).toBeLessThan(1e-6);
      }),
    ));

  it('uses the route override, and a route clamp replaces the global clamp whole', () => {
    const p = parseProfile({
      delay: { type: 'fixed', ms: 500 },
      clamp: { min: 5, max: 10 },
      routes: { 'pokemon-list': { clamp: { max: 1000 } }, pokemon: { delay: { type: 'fixed', ms: 1 } } },
    });
    // pokemon: own delay 1 ms, global clamp 5..10 → 5. pokemon-list: global delay, own clamp (no min) → 500.
    expect(sampleDelay(p, 'pokemon', '25', 0)).toBe(5);
    expect(sampleDelay(p, 'pokemon-list', 'limit=20&offset=0', 0)).toBe(500);
  });

  it('caps an unclamped heavy tail at setTimeout’s limit instead of overflowing', () => {
    const p = parseProfile({ delay: { type: 'pareto', scale: 1, alpha: 0.01 } });
    const delays = Array.from({ length: 20 }, (_, n) => sampleDelay(p, 'pokemon', '25', n));
    expect(delays.every((d) => Number.isFinite(d) && d <= MAX_DELAY_MS)).toBe(true);
    expect(delays).toContain(MAX_DELAY_MS);
  });

  // A stability contract, not a computed expectation: these are the delays seed 1 has
  // always given. If this fails, every recorded run and baseline would see new delays;
  // change it only on purpose, with a major version.
  it('keeps giving the delays it has always given for a seed', () => {
    const p = parseProfile({ seed: 1, delay: { type: 'uniform', min: 0, max: 1000 } });
    const recorded = [0, 1, 2].map((n) => sampleDelay(p, 'pokemon', '25', n));
    expect(recorded).toEqual([258.66, 578.28, 426.7]);
  });
});

describe('finishDelay', () => {
  it('rounds, then clamps, so a clamp bound is never crossed', () => {
    expect(finishDelay(80.004, { min: 80.004 })).toBe(80.004);
    expect(finishDelay(12.345_6, undefined)).toBe(12.35);
    expect(finishDelay(-3, undefined)).toBe(0);
    expect(finishDelay(Infinity, undefined)).toBe(MAX_DELAY_MS);
  });
});

describe('createDelaySampler', () => {
  it('hands each key its own sequence: sampleDelay at n = 0, 1, 2...', () =>
    fc.assert(
      fc.property(profile, fc.array(request, { maxLength: 40 }), (p, requests) => {
        const sampler = createDelaySampler(p);
        const seen = new Map<string, number>();
        for (const { route: r, key } of requests) {
          const id = `${r} ${key}`;
          const n = seen.get(id) ?? 0;
          seen.set(id, n + 1);
          expect(sampler.delayFor(r, key)).toBe(sampleDelay(p, r, key, n));
        }
      }),
    ));

  // Law: the delays a key gets do not depend on how its requests interleave with other keys'.
  it('gives each key the same sequence under any interleaving', () =>
    fc.assert(
      fc.property(
        profile,
        fc.array(request, { minLength: 1, maxLength: 60 }).chain((requests) =>
          fc.tuple(fc.constant(requests), fc.shuffledSubarray(requests, { minLength: requests.length, maxLength: requests.length })),
        ),
        (p, [inOrder, shuffled]) => {
          const perKey = (requests: { route: RouteName; key: string }[]) => {
            const sampler = createDelaySampler(p);
            const out = new Map<string, number[]>();
            for (const { route: r, key } of requests) {
              const id = `${r} ${key}`;
              out.set(id, [...(out.get(id) ?? []), sampler.delayFor(r, key)]);
            }
            return out;
          };
          const a = perKey(inOrder);
          const b = perKey(shuffled);
          expect(new Map([...b].toSorted(([x], [y]) => x.localeCompare(y)))).toEqual(
            new Map([...a].toSorted(([x], [y]) => x.localeCompare(y))),
          );
        },
      ),
    ));

  it('restarts every key after reset()', () => {
    const sampler = createDelaySampler(lognormal(3));
    const first = [sampler.delayFor('pokemon', '25'), sampler.delayFor('pokemon', '25'), sampler.delayFor('pokemon-list', '25')];
    sampler.reset();
    const again = [sampler.delayFor('pokemon', '25'), sampler.delayFor('pokemon', '25'), sampler.delayFor('pokemon-list', '25')];
    expect(again).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });

  it('exposes the profile it samples from', () => {
    const p = lognormal(9);
    expect(createDelaySampler(p).profile).toBe(p);
  });
});
