import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeSvgIds } from '../../src/report/svg-ids.ts';

describe('scopeSvgIds', () => {
  it('prefixes every id and every local reference, so references still resolve', () =>
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { minLength: 1, maxLength: 5 }), fc.stringMatching(/^[a-z]{1,5}$/), (ids, prefix) => {
        const svg = `<svg>${ids.map((id) => `<clipPath id="${id}"/><g clip-path="url(#${id})"/><use xlink:href="#${id}"/><use href="#${id}"/>`).join('')}</svg>`;
        const scoped = scopeSvgIds(svg, prefix);
        const defined = new Set([...scoped.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        const referenced = [...scoped.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]);
        expect([...defined]).toEqual(ids.map((id) => `${prefix}-${id}`));
        expect(referenced).toHaveLength(ids.length * 3);
        for (const ref of referenced) expect(defined.has(ref)).toBe(true);
      }),
    ));

  it('leaves attributes that merely end in "id" alone', () => {
    expect(scopeSvgIds('<g data-id="x" id="y"/>', 'p')).toBe('<g data-id="x" id="p-y"/>');
  });
});
