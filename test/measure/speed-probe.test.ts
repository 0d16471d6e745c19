import { describe, expect, it } from 'vitest';
import { fastestProbe, speedProbe, warmSpeedProbe } from '../../src/measure/speed-probe.ts';

describe('speedProbe', () => {
  it('reads the work by the clock it is given, never more, and never 0', () => {
    let t = 0;
    const clock = () => (t += 7);
    const ms = speedProbe(clock);
    expect(ms).toBeGreaterThan(0);
    // One tick of the fake clock between start and end; a run-queue wait only takes away.
    expect(ms).toBeLessThanOrEqual(7);
  });

  it('costs about the same each time once warm: the fastest of a few agree within a factor of 3', () => {
    warmSpeedProbe();
    const a = fastestProbe([speedProbe(), speedProbe(), speedProbe()]);
    const b = fastestProbe([speedProbe(), speedProbe(), speedProbe()]);
    expect(a / b).toBeGreaterThan(1 / 3);
    expect(a / b).toBeLessThan(3);
  });

  it('takes the fastest of the probes: noise only adds time to fixed work', () => {
    expect(fastestProbe([1.9, 1.3, 1.6])).toBe(1.3);
  });
});
