import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../mock-server/errors/index.ts';
import { loadProfile } from '../../mock-server/profile/index.ts';
import { validateRunConfig } from '../../src/config/run-config.ts';

describe('validateRunConfig', () => {
  it('takes a profile by name or as a profile already loaded, so a caller resolves it once', async () => {
    const profile = await loadProfile('fixed-100ms');
    expect(validateRunConfig({ profile: 'fixed-100ms' }, 'x').profile).toBe('fixed-100ms');
    expect(validateRunConfig({ profile }, 'x').profile).toBe(profile);
  });

  it('names each bad setting as `path: rule`, through the shared issue formatter', () => {
    let error: unknown;
    try {
      validateRunConfig({ profile: 42, repeats: 0 }, 'pokebench.config.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('ERR_POKEBENCH_CONFIG_INVALID');
    expect((error as Error).message).toMatch(/^Invalid pokebench config in pokebench\.config\.json:\n {2}profile: .+\n {2}repeats: must be >= 1$/);
  });
});
