import { describe, expect, it } from 'vitest';
import { renderCalibration } from '../../src/calibrate/render.ts';
import { sampleCalibration, step } from './sample-calibration.ts';

describe('renderCalibration', () => {
  it('shows the machine, the three tables and their answers', () => {
    const text = renderCalibration(sampleCalibration());
    expect(text).toContain('2 cores (Test CPU), load average 0.50 0.40 0.30 -> 1.50 0.60 0.35');
    expect(text).toMatch(/\(a\) Capacity at zero delay[\s\S]*median\s+20000/);
    expect(text).toContain('=> the mock serves 20000 req/s at zero delay, 0.80x the bare server');
    expect(text).toMatch(/p50\s+30\.00\s+29\.80-30\.20\s+30\.40\s+\+0\.40\s+\+1\.3%\s+1\.50\s+29\.90\s+ok/);
    expect(text).toMatch(/p99\.9\s+36\.00\s+35\.90-36\.00\s+-\s+-\s+-\s+1\.80\s+35\.80\s+out \(reported only\)/);
    expect(text).toContain('=> faithful: every client percentile up to p99 within max(1 ms, 5%) of theory (of its 95% sampling band for 4000 responses)');
    expect(text).toMatch(/64\s+400\s+50\.40\s+56\.60\s+50\.60\s+\+6\.00\s+0\s+FAIL \(twice\)/);
    expect(text).toContain('=> safe concurrency: 32 connections (at 64 the mock added +6.00 ms at p99)');
    expect(text).not.toContain('\u001b[');
  });

  it('says when the profile was not held, and points at server vs client figures', () => {
    const base = sampleCalibration();
    const text = renderCalibration({ ...base, fidelity: { ...base.fidelity, verdict: 'unfaithful', attempts: 2 } });
    expect(text).toContain('=> NOT faithful (confirmed by a rerun)');
    expect(text).toContain("Compare 'server ms'");
  });

  it('counts faults apart when the profile injects them', () => {
    const base = sampleCalibration();
    const fidelity = { ...base.fidelity, faultProbability: 0.045, counts: { ...base.fidelity.counts, non2xx: 120, errors: 20, timeouts: 0 } };
    expect(renderCalibration({ ...base, fidelity })).toContain('faults: 120 non-2xx, 20 connection errors (0 timeouts) counted apart; the profile injects faults on 4.5% of requests');
  });

  it('answers "none" when the first rung failed, and "at least" when none did', () => {
    expect(renderCalibration(sampleCalibration({ steps: [step(1, false)], safeConcurrency: 0 }))).toContain("=> safe concurrency: none: even 1 connection saw p99 +6.00 ms over the bare server's, twice.");
    expect(renderCalibration(sampleCalibration({ steps: [step(1, true), step(8, true)], safeConcurrency: 8, limitFound: false }))).toContain(
      '=> safe concurrency: at least 8 connections',
    );
  });

  it('colours pass and fail cells only when asked', () => {
    expect(renderCalibration(sampleCalibration(), { color: true })).toContain('\u001b[31mFAIL (twice)\u001b[0m');
  });
});
