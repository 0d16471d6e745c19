import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdf, quantile } from '../../../mock-server/profile/distribution.ts';
import { isProfilePath, listProfiles, loadProfile, SHIPPED_PROFILES_DIR } from '../../../mock-server/profile/load-profile.ts';
import { ProfileError, ProfileNotFoundError } from '../../../mock-server/errors/index.ts';
import { resolveRoute } from '../../../mock-server/profile/sampler.ts';

// The profiles the brief promises; the folder may hold more.
const PROMISED = ['instant', 'fixed-100ms', 'jitter-100ms', 'pokeapi-like', 'bimodal', 'fast-jitter-30ms'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pokebench-profile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const shipped = async (name: string) => resolveRoute(await loadProfile(name), 'pokemon');

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('listProfiles', () => {
  it('lists the shipped profiles, sorted', async () => {
    const names = await listProfiles();
    expect(names).toEqual(expect.arrayContaining(PROMISED));
    expect(names).toEqual(names.toSorted());
  });
});

describe('loadProfile', () => {
  it('parses every shipped profile, each with its name and a one-line description', async () => {
    for (const name of await listProfiles()) {
      const profile = await loadProfile(name);
      expect(profile.name).toBe(name);
      expect(profile.description).toMatch(/^[^\n]{10,}$/);
    }
  });

  it('resolves shipped names from the package, not the working directory', () => {
    expect(isAbsolute(SHIPPED_PROFILES_DIR)).toBe(true);
    expect(SHIPPED_PROFILES_DIR.replaceAll('\\', '/')).toMatch(/\/fixtures\/profiles\/?$/);
  });

  it('ships profiles that do what their names say', async () => {
    expect((await shipped('instant')).delay).toEqual({ type: 'fixed', ms: 0 });
    expect((await shipped('fixed-100ms')).delay).toEqual({ type: 'fixed', ms: 100 });
    for (const [name, centre, spread] of [
      ['jitter-100ms', 100, 20],
      ['fast-jitter-30ms', 30, 6],
    ] as const) {
      const { delay } = await shipped(name);
      expect(quantile(delay, 0.5)).toBeCloseTo(centre, 6);
      expect(quantile(delay, 0)).toBeGreaterThanOrEqual(centre - spread);
      expect(quantile(delay, 1)).toBeLessThanOrEqual(centre + spread);
    }
    const pokeapi = await shipped('pokeapi-like');
    expect(pokeapi.delay.type).toBe('lognormal');
    expect(quantile(pokeapi.delay, 0.5)).toBeCloseTo(90, 6);
    expect(quantile(pokeapi.delay, 0.99)).toBeGreaterThan(4 * 90);
    expect(pokeapi.clamp?.max).toBe(2000);
    const bimodal = await shipped('bimodal');
    expect(bimodal.delay.type).toBe('mixture');
    // ~90% below 100 ms, ~10% well above it.
    expect(cdf(bimodal.delay, 100)).toBeGreaterThan(0.85);
    expect(cdf(bimodal.delay, 100)).toBeLessThan(0.95);
    expect(quantile(bimodal.delay, 0.99)).toBeGreaterThan(300);
  });

  it('loads a path, naming the profile after the file when it has no name', async () => {
    const file = join(dir, 'my-slow-api.json');
    await writeFile(file, JSON.stringify({ seed: 4, delay: { type: 'exponential', mean: 30 } }));
    expect(isProfilePath(file)).toBe(true);
    expect(await loadProfile(file)).toEqual({ seed: 4, delay: { type: 'exponential', mean: 30 }, name: 'my-slow-api' });
  });

  it('names the file when it is not JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "delay": { "type": "fixed", "ms": 1 }, }');
    const error = await rejection(loadProfile(file));
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).code).toBe('ERR_POKEBENCH_PROFILE_INVALID');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/\(root\): must be valid JSON/);
  });

  it('names the file and the field when a rule is broken', async () => {
    const file = join(dir, 'bad-sigma.json');
    await writeFile(file, JSON.stringify({ delay: { type: 'fixed', ms: 1 }, routes: { pokemon: { delay: { type: 'lognormal', median: 9, sigma: 0 } } } }));
    const error = await rejection(loadProfile(file));
    expect(error.message).toContain(`from ${file}`);
    expect(error.message).toContain('routes.pokemon.delay.sigma: must be > 0');
  });

  it('rejects an unknown name with PROFILE_NOT_FOUND, listing the shipped profiles', async () => {
    const error = await rejection(loadProfile('fixed-1000ms'));
    expect(error).toBeInstanceOf(ProfileNotFoundError);
    const notFound = error as ProfileNotFoundError;
    expect(notFound.code).toBe('ERR_POKEBENCH_PROFILE_NOT_FOUND');
    expect(notFound.available).toEqual(await listProfiles());
    for (const name of PROMISED) expect(error.message).toContain(name);
    expect(error.message).toContain('"fixed-1000ms"');
  });

  it('rejects a missing file with PROFILE_NOT_FOUND, naming the path', async () => {
    const file = join(dir, 'nope', 'missing.json');
    const error = await rejection(loadProfile(file));
    expect((error as ProfileNotFoundError).code).toBe('ERR_POKEBENCH_PROFILE_NOT_FOUND');
    expect(error.message).toContain(file);
  });

  it('treats an empty name as not found', async () => {
    expect(((await rejection(loadProfile(''))) as ProfileNotFoundError).code).toBe('ERR_POKEBENCH_PROFILE_NOT_FOUND');
  });
});

describe('isProfilePath', () => {
  it('tells shipped names from paths', () => {
    expect(isProfilePath('fixed-100ms')).toBe(false);
    expect(isProfilePath('./fixed-100ms')).toBe(true);
    expect(isProfilePath('fixed-100ms.json')).toBe(true);
    expect(isProfilePath('profiles\\mine')).toBe(true);
  });
});
