/**
 * The mock's bodies have PokeAPI's shape, nested: every key path and value
 * type of two real PokeAPI responses appears in the mock's body for the same
 * id, in both payloads. Lists are walked element by element (`moves[]`), so
 * a key missing from any element of a list is missing.
 *
 * Null: a path PokeAPI sends as null in either reference body is nullable
 * (a female sprite, `cries.legacy`, a move's `order`, a past ability), so
 * there the mock may send null or a value of the reference's type; a path
 * the reference only ever sends as null accepts any type. Everywhere else
 * the mock must send the reference's type, never null.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPokemonStore, type PayloadSize } from '../../../mock-server/data/index.ts';

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
type Shape = Map<string, Set<JsonType>>;

const typeOf = (v: unknown): JsonType => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType));

/** Every path (`$.sprites.other.home.front_default`, `$.moves[].move.name`) and the types seen there. */
function shapeOf(value: unknown, path = '$', out: Shape = new Map()): Shape {
  const seen = out.get(path) ?? new Set<JsonType>();
  seen.add(typeOf(value));
  out.set(path, seen);
  if (Array.isArray(value)) for (const item of value) shapeOf(item, `${path}[]`, out);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) shapeOf(item, `${path}.${key}`, out);
  return out;
}

/** The paths where the reference (or mock) breaks the rule above, each with the path in the message. */
function shapeProblems(reference: Shape, mock: Shape, nullable: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [path, refTypes] of reference) {
    const mockTypes = mock.get(path);
    const expected = [...refTypes].filter((t) => t !== 'null');
    if (!mockTypes) {
      problems.push(`${path}: missing (PokeAPI sends ${[...refTypes].join(' | ')})`);
      continue;
    }
    if (expected.length === 0) continue; // only ever null in PokeAPI: any type
    const sent = [...mockTypes].filter((t) => t !== 'null');
    const foreign = sent.filter((t) => !expected.includes(t));
    if (foreign.length > 0) problems.push(`${path}: the mock sends ${foreign.join(' | ')}, PokeAPI ${[...refTypes].join(' | ')}`);
    else if (mockTypes.has('null') && !nullable.has(path)) problems.push(`${path}: the mock sends null, PokeAPI never does (${expected.join(' | ')})`);
  }
  return problems;
}

const REFERENCE_IDS = [25, 1025] as const;
const reference = new Map(
  REFERENCE_IDS.map((id) => [id, JSON.parse(readFileSync(new URL(`../../fixtures/pokeapi/pokemon/${id}.json`, import.meta.url), 'utf8')) as unknown]),
);
const nullable = new Set(REFERENCE_IDS.flatMap((id) => [...shapeOf(reference.get(id))].filter(([, types]) => types.has('null')).map(([path]) => path)));

describe('the mock body has PokeAPI\'s shape', () => {
  for (const payload of ['slim', 'realistic'] as PayloadSize[]) {
    const store = createPokemonStore({ payload, origin: 'http://127.0.0.1:8080' });
    for (const id of REFERENCE_IDS) {
      it(`${payload} body of id ${id}: every path and type of PokeAPI's`, () => {
        const mock = JSON.parse(store.bodyById(id)!.toString()) as unknown;
        expect(shapeProblems(shapeOf(reference.get(id)), shapeOf(mock), nullable)).toEqual([]);
      });
    }
  }

  it('keys come in PokeAPI\'s order at the top level and in every sprite set', () => {
    const store = createPokemonStore({ payload: 'slim', origin: 'http://127.0.0.1:8080' });
    const mock = JSON.parse(store.bodyById(25)!.toString()) as Record<string, Record<string, unknown>>;
    const real = reference.get(25) as Record<string, Record<string, unknown>>;
    expect(Object.keys(mock)).toEqual(Object.keys(real));
    expect(Object.keys(mock['sprites']!)).toEqual(Object.keys(real['sprites']!));
  });
});

describe('the shape rule', () => {
  const ref = shapeOf({ a: { b: 1, c: null, d: 'x' }, list: [{ e: true }, { e: true, f: 2 }] });
  const nullableHere = new Set(['$.a.c']);

  it('names a missing path, also one missing from some list elements only', () => {
    expect(shapeProblems(ref, shapeOf({ a: { b: 1, c: null, d: 'x' }, list: [{ e: true }] }), nullableHere)).toEqual(['$.list[].f: missing (PokeAPI sends number)']);
    expect(shapeProblems(ref, shapeOf({ a: { b: 1, c: null, d: 'x' }, list: [] }), nullableHere)).toEqual([
      '$.list[]: missing (PokeAPI sends object)',
      '$.list[].e: missing (PokeAPI sends boolean)',
      '$.list[].f: missing (PokeAPI sends number)',
    ]);
  });

  it('names a type mismatch and a null where PokeAPI never sends one; a reference null accepts any type', () => {
    const mock = shapeOf({ a: { b: '1', c: { any: 'thing' }, d: null }, list: [{ e: true, f: 2 }] });
    expect(shapeProblems(ref, mock, nullableHere)).toEqual(['$.a.b: the mock sends string, PokeAPI number', '$.a.d: the mock sends null, PokeAPI never does (string)']);
  });
});
