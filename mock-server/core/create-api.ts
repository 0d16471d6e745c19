import { createPokemonStore, type PayloadSize } from '../data/index.ts';
import { loadProfile, type Profile } from '../profile/index.ts';
import { MockApi } from './mock-api.ts';

/** What both adapters need to build the core. */
export interface CreateMockApiOptions {
  /** A parsed profile, a shipped profile's name or a path. @defaultValue `'instant'` */
  profile?: Profile | string | undefined;
  /** Overrides the profile's seed. */
  seed?: number | undefined;
  /** @defaultValue `'slim'` */
  payload?: PayloadSize | undefined;
  /** Origin written into the URLs the API returns. */
  origin: string;
}

/** Loads the profile, builds the bodies once, and returns the core. */
export async function createMockApi(options: CreateMockApiOptions): Promise<MockApi> {
  const source = options.profile ?? 'instant';
  let profile = typeof source === 'string' ? await loadProfile(source) : source;
  if (options.seed !== undefined) profile = { ...profile, seed: options.seed };
  const store = await createPokemonStore({ payload: options.payload ?? 'slim', origin: options.origin });
  return new MockApi({ store, profile, origin: options.origin });
}
