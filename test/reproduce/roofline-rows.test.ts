import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idealMakespan, roofline } from '../../src/model/index.ts';
import { cpuParallelism, cpuRoof, rooflineRow } from '../../src/reproduce/roofline-rows.ts';
import { buildResults } from '../gate/build-results.ts';

const kinds = ['sequential', 'concurrent', 'bounded', 'batched', 'workers'] as const;

describe('the roofline over the model', () => {
  it('law: for any delays, k and server cap c, the roofline is at least each roof, and equals the larger with no setup', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 16 }),
        fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (kind, k, cap, delays, c, setup) => {
          const waitRoof = idealMakespan(kind, k, delays, cap);
          const line = roofline({ waitRoof, cpuPerRequestMs: c, n: delays.length, setupMs: setup });
          expect(line.idealMs).toBeGreaterThanOrEqual(waitRoof);
          expect(line.idealMs).toBeGreaterThanOrEqual(delays.length * c);
          const bare = roofline({ waitRoof, cpuPerRequestMs: c, n: delays.length });
          expect(bare.idealMs).toBe(Math.max(waitRoof, delays.length * c));
          expect(bare.binding).toBe(delays.length * c > waitRoof ? 'cpu' : 'wait');
        },
      ),
    ));
});

describe('rooflineRow', () => {
  it('takes the wait roof from the point, c from the client CPU per request, and names the roof that binds', () => {
    const results = buildResults({ ns: [100], runs: 3 });
    const point = results.strategies[1]!.points[0]!; // concurrent: ideal 120 ms at N = 100
    for (const run of point.runs) run.cpuMs = 230; // 2.3 ms per request: the CPU roof (230 ms) binds
    const row = rooflineRow({ name: 'py-asyncio', kind: 'concurrent', k: null }, point, 2);
    expect(row).toMatchObject({ waitRoofMs: point.idealMs, parallel: 1, binding: 'cpu' });
    expect(row.cpuPerRequestMs).toBeCloseTo(2.3, 10);
    expect(row.cpuRoofMs).toBeCloseTo(230, 10);
    expect(row.efficiency).toBeCloseTo(230 / point.medianMs, 10);
  });

  it('spreads CPU over the cores for Go and worker threads, never for Python or one event loop', () => {
    expect(cpuParallelism({ name: 'go-goroutines', kind: 'concurrent', k: null }, 8)).toBe(8);
    expect(cpuParallelism({ name: 'workers(4)', kind: 'workers', k: 4 }, 2)).toBe(2);
    expect(cpuParallelism({ name: 'py-asyncio-unlimited', kind: 'concurrent', k: null }, 8)).toBe(1);
    expect(cpuParallelism({ name: 'concurrent', kind: 'concurrent', k: null }, 8)).toBe(1);
  });

  it("a Node strategy's serial roof is its event loop's busy time, not its process CPU (GC threads run beside it)", () => {
    const point = buildResults({ ns: [400], runs: 3 }).strategies[1]!.points[0]!;
    for (const run of point.runs) {
      run.cpuMs = 1000; // process CPU: loop + GC threads
      run.loopActiveMs = 600;
    }
    const roof = cpuRoof({ name: 'concurrent', kind: 'concurrent', k: null }, point, 2);
    expect(roof).toMatchObject({ serialRoofMs: 600, coresRoofMs: 500, cpuRoofMs: 600 });
  });

  it("a peer's cores roof adds the mock's CPU: on 2 cores a Go client sharing them with the server is bound by both", () => {
    const point = buildResults({ ns: [1600], runs: 3 }).strategies[1]!.points[0]!;
    for (const run of point.runs) {
      run.cpuMs = 4400; // Go: 2.75 ms per request, spread over 2 cores → serial 2200
      run.serverCpuMs = 2000;
    }
    const roof = cpuRoof({ name: 'go-goroutines', kind: 'concurrent', k: null }, point, 2);
    expect(roof).toMatchObject({ parallel: 2, serialRoofMs: 2200, coresRoofMs: 3200, cpuRoofMs: 3200 });
  });

  it('law: the CPU roof is at least the serial work and at least all the CPU over the cores', () =>
    fc.assert(
      fc.property(
        fc.array(fc.record({ cpu: fc.double({ min: 0, max: 1e4, noNaN: true }), loop: fc.double({ min: 0, max: 1e4, noNaN: true }), server: fc.double({ min: 0, max: 1e4, noNaN: true }) }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('concurrent', 'py-asyncio', 'go-goroutines'),
        (runs, cpus, name) => {
          const point = buildResults({ ns: [100], runs: runs.length }).strategies[1]!.points[0]!;
          point.runs.forEach((run, i) => {
            run.cpuMs = runs[i]!.cpu;
            if (name === 'concurrent') run.loopActiveMs = runs[i]!.loop;
            else run.serverCpuMs = runs[i]!.server;
          });
          const roof = cpuRoof({ name, kind: 'concurrent', k: null }, point, cpus);
          expect(roof.cpuRoofMs).toBe(Math.max(roof.serialRoofMs, roof.coresRoofMs));
          const totals = point.runs.map((r) => r.cpuMs + (r.serverCpuMs ?? 0)).toSorted((a, b) => a - b);
          expect(roof.cpuRoofMs).toBeGreaterThanOrEqual(Math.min(...totals) / cpus - 1e-9);
        },
      ),
    ));
});
