/**
 * Regenerates `fixtures/pokemon.json` from the installed `pokemon` and
 * `@pkmn/dex` packages, then prints the size of the file and the body-size
 * distribution and build time of both payloads.
 *
 * Usage: `npm run fixtures` (or `npx tsx scripts/generate-fixtures.ts`).
 */
import { writeFile } from 'node:fs/promises';
import { generatePokemonFixture } from '../mock-server/data/generate-fixture.ts';
import {
  bodySizeDistribution,
  createPokemonStore,
  DEFAULT_FIXTURE_PATH,
  loadPokemonFixture,
  type PayloadSize,
} from '../mock-server/data/index.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const started = performance.now();
  const text = await generatePokemonFixture();
  await writeFile(DEFAULT_FIXTURE_PATH, text);
  console.log(`wrote ${DEFAULT_FIXTURE_PATH}: ${kb(Buffer.byteLength(text))} in ${Math.round(performance.now() - started)} ms`);
  const loadStarted = performance.now();
  loadPokemonFixture();
  console.log(`parsed and checked it in ${Math.round(performance.now() - loadStarted)} ms (once per process)`);

  for (const payload of ['slim', 'realistic'] as PayloadSize[]) {
    const t0 = performance.now();
    const store = createPokemonStore({ payload, origin: 'http://127.0.0.1:8080' });
    const ms = performance.now() - t0;
    const d = bodySizeDistribution(store);
    const named = ['bulbasaur', 'pikachu', 'mewtwo', 'pecharunt']
      .map((name) => `${name} ${kb(store.bodyById(store.idByName(name) ?? 0)?.length ?? 0)}`)
      .join(', ');
    console.log(
      `${payload}: ${store.count} bodies built in ${Math.round(ms)} ms; ` +
        `min ${kb(d.min)}, median ${kb(d.median)}, p90 ${kb(d.p90)}, max ${kb(d.max)}, total ${kb(d.total)}; ${named}`,
    );
  }
}

await main();
