import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSlug } from '../../../mock-server/data/slug.ts';

describe('toSlug', () => {
  it.each([
    ['Mr. Mime', 'mr-mime'],
    ['Farfetch’d', 'farfetchd'],
    ["Sirfetch'd", 'sirfetchd'],
    ['Nidoran♀', 'nidoran-f'],
    ['Nidoran♂', 'nidoran-m'],
    ['Flabébé', 'flabebe'],
    ['Type: Null', 'type-null'],
    ['Iron Crown', 'iron-crown'],
    ['Mime Jr.', 'mime-jr'],
    ['Porygon-Z', 'porygon-z'],
    ['Porygon2', 'porygon2'],
    ['Ho-Oh', 'ho-oh'],
    ['Jangmo-o', 'jangmo-o'],
    ['Double-Edge', 'double-edge'],
    ["King's Shield", 'kings-shield'],
  ])('turns %s into %s', (name, slug) => {
    expect(toSlug(name)).toBe(slug);
  });

  it('yields lowercase ASCII words joined by single dashes, for any input', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        expect(toSlug(name)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      }),
    ));

  it('is idempotent: a slug is its own slug', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const slug = toSlug(name);
        expect(toSlug(slug)).toBe(slug);
      }),
    ));
});
