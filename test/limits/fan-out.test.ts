import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFanOut, DESCRIPTOR_HEADROOM, largestFanOut, largestN, MachineLimitError, renderLimits, type MachineLimits } from '../../src/limits/index.ts';

/** The machine the large-N report was filed on: 20,000 open files, ~28k ports, somaxconn 4096. */
const MACHINE: MachineLimits = {
  openFiles: { soft: 20_000, hard: 20_000 },
  openNow: 36,
  ephemeralPorts: { low: 32768, high: 60999, count: 28_232 },
  somaxconn: 4096,
};

const concurrent = { name: 'concurrent', kind: 'concurrent' } as const;
const ladder = (ns: number[]) => () => ns;

function refusal(run: () => unknown): MachineLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof MachineLimitError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('largestFanOut', () => {
  it('is the largest N of concurrent, min(k, N) of a pool, 1 of sequential, capped by --connections for the kit client only', () => {
    const strategies = [
      { name: 'sequential', kind: 'sequential' },
      { name: 'bounded(6)', kind: 'bounded', k: 6 },
      concurrent,
    ] as const;
    expect(largestFanOut(strategies, ladder([1, 400, 1600]), { serverInProcess: true })).toMatchObject({ label: 'concurrent at N = 1600', connections: 1600, clientSockets: 1600 });
    expect(largestFanOut(strategies.slice(0, 2), ladder([1, 400]), { serverInProcess: true })).toMatchObject({ connections: 6 });
    expect(largestFanOut(strategies, ladder([1, 400]), { connections: 50, serverInProcess: true })).toMatchObject({ connections: 50 });
    const peer = { name: 'py-asyncio', kind: 'concurrent', external: true } as const;
    expect(largestFanOut([peer], ladder([1, 300]), { connections: 50, serverInProcess: true })).toMatchObject({ connections: 300, clientSockets: 0 });
  });
});

describe('checkFanOut', () => {
  it('refuses N = 20,000 with the mock in process: names the limit, the number needed and every way out', () => {
    const plan = largestFanOut([concurrent], ladder([1, 5000, 20_000]), { serverInProcess: true });
    const error = refusal(() => checkFanOut(plan, MACHINE));
    expect(error.code).toBe('ERR_POKEBENCH_MACHINE_LIMIT');
    expect(error.message).toContain(`concurrent at N = 20000 needs ${40_000 + 36 + DESCRIPTOR_HEADROOM} file descriptors`);
    expect(error.message).toContain('this process may hold 20000 (ulimit -n)');
    expect(error.message).toMatch(/a lower N \(at most 9950 at once here\)/);
    expect(error.message).toMatch(/--connections 9950/);
    expect(error.message).toMatch(/a higher open-file limit/);
    expect(error.message).toMatch(/the mock in another process \(pokebench serve, then run --url\)/);
  });

  it('lets the same ladder through with the mock out of process, but notes the listen backlog', () => {
    const plan = largestFanOut([concurrent], ladder([1, 5000, 10_000]), { serverInProcess: false });
    expect(checkFanOut(plan, MACHINE)).toEqual([expect.stringMatching(/past the listen backlog \(4096, net.core.somaxconn\)/)]);
  });

  it('refuses a fan-out wider than the port range, naming it', () => {
    const plan = largestFanOut([concurrent], ladder([30_000]), { serverInProcess: false });
    const error = refusal(() => checkFanOut(plan, { ...MACHINE, openFiles: { soft: 1_000_000, hard: 1_000_000 } }));
    expect(error.message).toMatch(/local ports: concurrent at N = 30000 opens 30000 connections at once, but the ephemeral port range \(net.ipv4.ip_local_port_range 32768-60999\) has 28232 ports/);
    expect(error.message).toMatch(/a wider range/);
  });

  it('suggests raising the soft limit up to the hard one when it can be', () => {
    const plan = largestFanOut([concurrent], ladder([2000]), { serverInProcess: true });
    const error = refusal(() => checkFanOut(plan, { ...MACHINE, openFiles: { soft: 1024, hard: 524_288 } }));
    expect(error.message).toMatch(/ulimit -n 4100; the hard limit is 524288/);
  });

  it('checks nothing on a machine that states no limit', () => {
    const plan = largestFanOut([concurrent], ladder([100_000]), { serverInProcess: true });
    expect(checkFanOut(plan, { openFiles: undefined, openNow: undefined, ephemeralPorts: undefined, somaxconn: undefined })).toEqual([]);
  });

  it('law: a ladder passes exactly when its largest N is at most largestN', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), fc.boolean(), (n, inProcess) => {
        const plan = largestFanOut([concurrent], ladder([1, n]), { serverInProcess: inProcess });
        const passes = (() => {
          try {
            checkFanOut(plan, MACHINE);
            return true;
          } catch {
            return false;
          }
        })();
        expect(passes).toBe(n <= largestN(MACHINE, inProcess).n);
      }),
      { seed: 18 },
    ));
});

describe('renderLimits', () => {
  it('reports the limits and the largest N, with the mock in this process and in another', () => {
    const text = renderLimits(MACHINE);
    expect(text).toContain('open files (ulimit -n)   20000 (hard 20000), 36 open now');
    expect(text).toContain('local ports              28232 (32768-60999)');
    expect(text).toContain('listen backlog           4096 (net.core.somaxconn 4096)');
    expect(text).toContain('N = 19900 (bound by open files) with the mock in another process; N = 9950 (bound by open files) with it in this one');
  });
});
