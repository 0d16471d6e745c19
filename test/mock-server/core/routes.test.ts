import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchRoute, MAX_LIST_LIMIT } from '../../../mock-server/core/routes.ts';

describe('matchRoute', () => {
  it('matches a detail route by id or name, with or without the trailing slash', () => {
    expect(matchRoute('/api/v2/pokemon/25')).toEqual({ kind: 'pokemon', key: '25' });
    expect(matchRoute('/api/v2/pokemon/25/')).toEqual({ kind: 'pokemon', key: '25' });
    expect(matchRoute('/api/v2/pokemon/Pikachu/?x=1')).toEqual({ kind: 'pokemon', key: 'pikachu' });
  });

  it('decodes percent-encoding in names and rejects malformed escapes', () => {
    expect(matchRoute('/api/v2/pokemon/mr%2Dmime')).toEqual({ kind: 'pokemon', key: 'mr-mime' });
    expect(matchRoute('/api/v2/pokemon/%E0%A4%A')).toMatchObject({ kind: 'bad-request' });
    expect(matchRoute('/api/v2/pokemon?limit=%zz')).toMatchObject({ kind: 'bad-request' });
  });

  it("uses PokeAPI's paging defaults: limit 20, offset 0", () => {
    expect(matchRoute('/api/v2/pokemon')).toEqual({ kind: 'pokemon-list', limit: 20, offset: 0 });
    expect(matchRoute('/api/v2/pokemon/?limit=&offset=')).toEqual({ kind: 'pokemon-list', limit: 20, offset: 0 });
    expect(matchRoute('/api/v2/pokemon?offset=40&limit=5')).toEqual({ kind: 'pokemon-list', limit: 5, offset: 40 });
  });

  it.each(['limit=-1', 'limit=0', 'limit=abc', `limit=${MAX_LIST_LIMIT + 1}`, 'offset=-5', 'offset=1e3', 'offset=99999999999'])(
    'rejects %s as a bad request that names the parameter',
    (query) => {
      const match = matchRoute(`/api/v2/pokemon?${query}`);
      expect(match.kind).toBe('bad-request');
      expect(match.kind === 'bad-request' && match.reason).toContain(query.split('=')[0]);
    },
  );

  it('sends the reserved prefix to the admin API and everything else to not-found', () => {
    expect(matchRoute('/__admin/stats')).toEqual({ kind: 'admin', path: '/__admin/stats' });
    expect(matchRoute('/api/v2/berry/1')).toEqual({ kind: 'not-found' });
    expect(matchRoute('/api/v2/pokemon/25/extra')).toEqual({ kind: 'not-found' });
    expect(matchRoute('/')).toEqual({ kind: 'not-found' });
  });

  it('never throws, whatever the target', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (tail) => {
        const match = matchRoute(`/api/v2/pokemon/${tail}`);
        expect(['pokemon', 'pokemon-list', 'not-found', 'bad-request']).toContain(match.kind);
      }),
    ));
});
