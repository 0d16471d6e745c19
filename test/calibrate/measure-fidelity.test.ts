import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { resolveCalibrateOptions } from '../../src/calibrate/calibrate-options.ts';
import { fidelityResponses } from '../../src/calibrate/measure-fidelity.ts';

describe('fidelityResponses', () => {
  const options = resolveCalibrateOptions({ fidelityConnections: 16, fidelityResponses: 4000, fidelityMaxMs: 10_000 });

  it('asks for all the responses when the profile is fast enough to give them in half the cap', () => {
    expect(fidelityResponses(parseProfile({ delay: { type: 'fixed', ms: 10 } }), options)).toBe(4000);
  });

  it('asks for fewer when the profile is slow, so the run ends by count and not by its cap', () => {
    // 16 connections × (floor(5 s / (100 + 1) ms) - 1) = 16 × 48.
    expect(fidelityResponses(parseProfile({ delay: { type: 'fixed', ms: 100 } }), options)).toBe(768);
  });

  it('asks for at least one response per connection', () => {
    expect(fidelityResponses(parseProfile({ delay: { type: 'fixed', ms: 60_000 } }), options)).toBe(16);
  });
});
