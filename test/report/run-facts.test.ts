import { describe, expect, it } from 'vitest';
import { contention, runFacts, runLine } from '../../src/report/run-facts.ts';
import { loadFixture } from './fixtures.ts';

describe("the machine's contention in the run facts", () => {
  it('says nothing where no run measured its run-queue wait (older files, not Linux)', () => {
    const results = loadFixture('child-mock');
    expect(contention(results)).toBeUndefined();
    expect(runLine(results)).not.toContain('waiting for a CPU');
    expect(runFacts(results).map((f) => f.label)).not.toContain('waiting for a CPU');
  });

  it("gives the client's wait over its run time, and the point that waited most", () => {
    const results = loadFixture('child-mock');
    let waited = 0;
    let ran = 0;
    results.strategies.forEach((s, i) =>
      s.points.forEach((p, j) =>
        p.runs.forEach((r) => {
          // The last point of the first strategy waits a fifth of each run; every other run a hundredth.
          r.runQueueMs = r.wallMs * (i === 0 && j === s.points.length - 1 ? 0.2 : 0.01);
          waited += r.runQueueMs;
          ran += r.wallMs;
        }),
      ),
    );
    const first = results.strategies[0]!;
    const text = contention(results)!;
    expect(text).toBe(`client ${((100 * waited) / ran).toFixed(1)}% of its run time (worst: ${first.name} N = ${first.points.at(-1)!.n}, 20.0%); the model bills it`);
    expect(runLine(results)).toContain(`waiting for a CPU: ${text}`);
    expect(runFacts(results)).toContainEqual({ label: 'waiting for a CPU', value: text });
  });
});
