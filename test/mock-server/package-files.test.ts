import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleArgs, PACKAGE_ROOT, packagePath, packageVersion } from '../../mock-server/package-files/index.ts';
import { main } from '../../src/cli/main.ts';
import { buildResults } from '../../src/sweep/build-results.ts';
import { fakeIo } from '../cli/fake-io.ts';

// Read apart from the module under test: the file two folders up from this test.
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { name: string; version: string };

describe('package files', () => {
  it('finds the package root from source: the folder holding package.json, fixtures and peers', () => {
    expect(path.resolve(PACKAGE_ROOT)).toBe(fileURLToPath(new URL('../../', import.meta.url)).replace(/[/\\]$/, ''));
    for (const file of ['package.json', 'fixtures/pokemon.json', 'fixtures/profiles/instant.json', 'peers/go/go.mod']) {
      expect(existsSync(packagePath(...file.split('/'))), file).toBe(true);
    }
  });

  it('one version: --version and the results stamp both say what package.json says', async () => {
    expect(packageVersion()).toBe(manifest.version);
    const f = fakeIo();
    expect(await main(['--version'], f.io)).toBe(0);
    expect(f.stdout()).toBe(`pokebench ${manifest.version}\n`);
    const results = buildResults([], {
      profile: { name: 'instant', seed: 1, definition: { name: 'instant', seed: 1, delay: { type: 'fixed', ms: 0 } } as never },
      serverCap: null,
      payload: 'slim',
      client: { kind: 'undici', connections: null, pipelining: 1, timeoutMs: 5000 },
      repeats: 1,
      warmup: 0,
      ladders: {},
      url: null,
    }, 1);
    expect(results.tool).toEqual({ name: 'pokebench', version: manifest.version });
  });

  it('runs a sibling module as compiled JS from the build and as TS under tsx from source', () => {
    const built = moduleArgs('file:///pkg/dist/src/calibrate/calibration-servers.js', './server-child');
    expect(built).toEqual([fileURLToPath('file:///pkg/dist/src/calibrate/server-child.js')]);
    const source = moduleArgs('file:///pkg/src/calibrate/calibration-servers.ts', './server-child');
    expect(source).toHaveLength(3);
    expect(source[0]).toBe('--import');
    expect(source[1]).toMatch(/^file:.*tsx/);
    expect(source[2]).toBe(fileURLToPath('file:///pkg/src/calibrate/server-child.ts'));
  });
});
