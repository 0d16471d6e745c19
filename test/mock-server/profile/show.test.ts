import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../mock-server/errors/index.ts';
import { quantile } from '../../../mock-server/profile/distribution.ts';
import { loadProfile } from '../../../mock-server/profile/load-profile.ts';
import { parseProfile } from '../../../mock-server/profile/parse-profile.ts';
import { finishDelay } from '../../../mock-server/profile/sampler.ts';
import { describeDistribution, renderHistogram, renderProfile } from '../../../mock-server/profile/show.ts';
import { distribution, profile } from './arbitraries.ts';

const histogramRows = (text: string) => text.split('\n').filter((line) => line.includes('│'));
const countOf = (row: string) => Number(row.trim().split(/\s+/).at(-2));
const tableValue = (text: string, label: string, column: 0 | 1) => {
  const row = text.split('\n').find((line) => line.trim().startsWith(`${label} `));
  return row?.trim().split(/\s+/)[column + 1];
};

describe('renderProfile', () => {
  it('shows the name, description and seed', async () => {
    const p = await loadProfile('pokeapi-like');
    const text = renderProfile(p, { samples: 500 });
    expect(text).toContain(p.name);
    expect(text).toContain(p.description);
    expect(text).toContain(`seed ${p.seed}`);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('lists the limits a profile sets, and none when it sets none', () => {
    const limited = parseProfile({
      delay: { type: 'fixed', ms: 1 },
      rateLimit: { requestsPerSecond: 50 },
      concurrency: { max: 8, queueLimit: 16 },
      bandwidth: { bytesPerSecond: 250_000 },
    });
    const text = renderProfile(limited, { samples: 100 });
    expect(text).toContain('rate limit    50 req/s, burst 50');
    expect(text).toContain('concurrency   8 served at once, a queue of 16 (503 past it): any strategy is at most partial(1/8)');
    expect(text).toContain('bandwidth     250 kB/s per response');
    expect(renderProfile(parseProfile({ delay: { type: 'fixed', ms: 1 } }), { samples: 100 })).not.toContain('limits');
  });

  it('puts theory beside the sampled percentiles', async () => {
    const fixed = renderProfile(await loadProfile('fixed-100ms'), { samples: 200 });
    for (const label of ['p50', 'p90', 'p99', 'p99.9', 'min', 'max']) {
      expect(tableValue(fixed, label, 0)).toBe('100.00');
      expect(tableValue(fixed, label, 1)).toBe('100.00');
    }
    const p = parseProfile({ delay: { type: 'lognormal', median: 90, sigma: 0.7 }, clamp: { max: 2000 } });
    const text = renderProfile(p, { samples: 200 });
    expect(tableValue(text, 'p99', 0)).toBe(finishDelay(quantile(p.delay, 0.99), p.clamp).toFixed(2));
    expect(tableValue(text, 'max', 0)).toBe('2000.00');
  });

  it('counts every draw exactly once in the histogram', () =>
    fc.assert(
      fc.property(profile, fc.integer({ min: 1, max: 400 }), (p, samples) => {
        const text = renderProfile(p, { samples, width: 20 });
        const sections = text.split('\nroutes: ').slice(1);
        for (const section of sections) {
          expect(histogramRows(section).reduce((sum, row) => sum + countOf(row), 0)).toBe(samples);
        }
      }),
      { numRuns: 40 },
    ));

  it('scales the longest bar to the width', async () => {
    const text = renderProfile(await loadProfile('jitter-100ms'), { samples: 1000, width: 33 });
    const bars = histogramRows(text).map((row) => (row.split('│')[1] ?? '').trimEnd().split(' ')[0] ?? '');
    expect(Math.max(...bars.map((bar) => [...bar].length))).toBe(33);
    expect(bars.some((bar) => bar === '█'.repeat(33))).toBe(true);
  });

  it('is deterministic: the draws are keyed like requests', async () => {
    const p = await loadProfile('bimodal');
    expect(renderProfile(p, { samples: 300 })).toBe(renderProfile(p, { samples: 300 }));
  });

  it('renders each route on its own when a route overrides the delay', async () => {
    const text = renderProfile(await loadProfile('pokeapi-like'), { samples: 100 });
    expect(text).toContain('routes: pokemon\n');
    expect(text).toContain('routes: pokemon-list\n');
    const shared = renderProfile(await loadProfile('fixed-100ms'), { samples: 100 });
    expect(shared).toContain('routes: pokemon, pokemon-list\n');
  });

  it('clips a long tail at the sampled p99.9 so it does not squash the body', () => {
    const p = parseProfile({ delay: { type: 'pareto', scale: 10, alpha: 0.8 } });
    const text = renderProfile(p, { samples: 5000, bins: 20 });
    const rows = histogramRows(text);
    const overflow = rows.at(-1) ?? '';
    expect(overflow.trim().startsWith('>')).toBe(true);
    expect(countOf(overflow)).toBeLessThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(45);
    expect(text).toContain('unbounded tail and no clamp.max');
  });

  it('rejects out-of-range options, naming the option', () => {
    const p = parseProfile({ delay: { type: 'fixed', ms: 1 } });
    for (const [options, name] of [
      [{ samples: 0 }, 'options.samples'],
      [{ width: 1.5 }, 'options.width'],
      [{ bins: -1 }, 'options.bins'],
    ] as const) {
      let thrown: unknown;
      try {
        renderProfile(p, options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidOptionError);
      expect((thrown as InvalidOptionError).option).toBe(name);
      expect((thrown as InvalidOptionError).code).toBe('ERR_POKEBENCH_INVALID_OPTION');
      expect((thrown as Error).message).toContain(name);
    }
  });
});

describe('renderHistogram', () => {
  it('puts a single value in one row', () => {
    expect(renderHistogram(Float64Array.of(5, 5, 5), { width: 10, bins: 5 })).toEqual([
      `5.00 ms │${'█'.repeat(10)}       3 100.0%`,
    ]);
  });

  it('returns nothing for no draws', () => {
    expect(renderHistogram(new Float64Array(0), { width: 10, bins: 5 })).toEqual([]);
  });
});

describe('describeDistribution', () => {
  it('names the type and fits on one line', () =>
    fc.assert(
      fc.property(distribution, (dist) => {
        const text = describeDistribution(dist);
        expect(text).toContain(dist.type);
        expect(text).not.toContain('\n');
      }),
    ));
});
