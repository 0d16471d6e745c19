/**
 * The published JSON Schema of results.json, generated from the zod schemas
 * (`npm run schema` writes it to `schema/results.schema.json`; a test checks
 * the committed file equals this).
 */
import { z } from 'zod';
import { RESULTS_VERSION, resultsSchema } from './schema.ts';

/**
 * The JSON Schema (draft 2020-12) of a results file as written: numbers that
 * are NaN in memory are null there. Every object lists its fields exactly
 * (`additionalProperties: false`), as `pokebench run` writes them.
 */
export function resultsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(resultsSchema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ jsonSchema }) => {
      // In input mode zod leaves objects open; the file pokebench writes has exactly these fields.
      if (jsonSchema.type === 'object' && jsonSchema.properties !== undefined && jsonSchema.additionalProperties === undefined) {
        jsonSchema.additionalProperties = false;
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `urn:pokebench:results:${RESULTS_VERSION}`, ...rest };
}
