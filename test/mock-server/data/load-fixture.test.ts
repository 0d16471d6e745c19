import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIXTURE_PATH, loadPokemonFixture } from '../../../mock-server/data/load-fixture.ts';

describe('loadPokemonFixture', () => {
  it('reads the committed fixture', () => {
    expect(loadPokemonFixture().species).toHaveLength(1025);
  });

  it('parses a file once per process: later calls return the same object', () => {
    expect(loadPokemonFixture(DEFAULT_FIXTURE_PATH)).toBe(loadPokemonFixture());
  });

  it('fails with FIXTURE_INVALID and a hint when the file is missing', () => {
    expect(() => loadPokemonFixture(join(tmpdir(), 'no-such-pokemon.json'))).toThrow(
      expect.objectContaining({ code: 'ERR_POKEBENCH_FIXTURE_INVALID', message: expect.stringContaining('npm run fixtures') }),
    );
  });

  it('fails with FIXTURE_INVALID when the file is not JSON', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pokebench-')), 'pokemon.json');
    writeFileSync(path, '{not json');
    expect(() => loadPokemonFixture(path)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_FIXTURE_INVALID' }));
  });
});
