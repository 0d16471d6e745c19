/**
 * Writes schema/results.schema.json from the zod schemas in src/results/
 * (`npm run schema`). A test fails while the committed file differs.
 */
import { writeFile } from 'node:fs/promises';
import { resultsJsonSchema } from '../src/results/index.ts';

const file = new URL('../schema/results.schema.json', import.meta.url);
await writeFile(file, `${JSON.stringify(resultsJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
