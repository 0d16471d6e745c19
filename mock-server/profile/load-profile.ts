/**
 * Finds a profile by shipped name (`fixed-100ms`) or by path, reads it and
 * validates it. The shipped profiles live in `fixtures/profiles/`, found from
 * this file's location (not the working directory), so they load the same
 * from any cwd and from an installed package.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { packagePath } from '../package-files/index.ts';
import { parseProfile } from './parse-profile.ts';
import { ProfileError, ProfileNotFoundError } from '../errors/index.ts';
import type { Profile } from './schema.ts';

/** Absolute path of the shipped profiles' folder. */
export const SHIPPED_PROFILES_DIR = packagePath('fixtures', 'profiles');

/** True when `nameOrPath` is a path (has a `/` or `\`, or ends in `.json`) rather than a shipped name. */
export function isProfilePath(nameOrPath: string): boolean {
  return /[/\\]/.test(nameOrPath) || nameOrPath.endsWith('.json');
}

/**
 * The names of the shipped profiles, sorted.
 *
 * @example
 * await listProfiles() // ['bimodal', 'fast-jitter-30ms', 'fixed-100ms', 'instant', ...]
 */
export async function listProfiles(): Promise<string[]> {
  const files = await readdir(SHIPPED_PROFILES_DIR);
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .toSorted();
}

/**
 * Loads and validates a profile. A bare name resolves to
 * `fixtures/profiles/<name>.json`; anything with a `/` or ending in `.json`
 * is a path (relative to the working directory). A profile file without a
 * `name` gets the file's name without `.json`.
 *
 * @throws {ProfileNotFoundError} `PROFILE_NOT_FOUND` for an unknown name (listing the shipped ones) or a missing file.
 * @throws {ProfileError} `PROFILE_INVALID` when the file is not JSON or breaks a rule; the message names the file.
 * @example
 * const profile = await loadProfile('pokeapi-like');
 * const mine = await loadProfile('./my-profile.json');
 */
export async function loadProfile(nameOrPath: string): Promise<Profile> {
  const byPath = isProfilePath(nameOrPath);
  const file = byPath ? resolve(nameOrPath) : resolve(SHIPPED_PROFILES_DIR, `${nameOrPath}.json`);
  if (nameOrPath.trim() === '') throw await notFound(nameOrPath, file, byPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!isMissing(error)) throw error;
    throw await notFound(nameOrPath, file, byPath, error);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const rule = `must be valid JSON (${(error as Error).message})`;
    throw new ProfileError([{ path: '(root)', rule }], file, { cause: error });
  }
  const profile = parseProfile(json, file);
  return profile.name === undefined ? { ...profile, name: basename(file, '.json') } : profile;
}

async function notFound(nameOrPath: string, file: string, byPath: boolean, cause?: unknown): Promise<ProfileNotFoundError> {
  const shipped = await listProfiles();
  const message = byPath
    ? `Failed to load the latency profile: no file at ${file}. Check the path, or use a shipped profile: ${shipped.join(', ')}.`
    : `Failed to load the latency profile ${JSON.stringify(nameOrPath)}: no shipped profile has that name. ` +
      `Shipped profiles: ${shipped.join(', ')}. To load your own file, pass a path (containing "/" or ending in ".json").`;
  return new ProfileNotFoundError(nameOrPath, message, shipped, cause === undefined ? undefined : { cause });
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
