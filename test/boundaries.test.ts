/**
 * Boundaries that hold: every folder of `src/` and `mock-server/` is a module
 * whose door is its `index.ts`. A file may import any file of its own folder,
 * but a file of another folder only through that folder's `index.ts`, so a
 * folder can merge, split or rename its files without its users noticing.
 * Type-only imports follow the same rule (a moved type breaks them just the
 * same). Files a worker thread or a child process loads by path (the `.mjs`
 * entries, `moduleArgs`) are not imports and are not checked here.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PACKAGE_ROOT } from '../mock-server/package-files/index.ts';

/** The trees whose imports are checked. */
const TREES = ['src', 'mock-server'];

/**
 * The only imports allowed to reach past an `index.ts`, each with its reason.
 * `main.ts` loads one command module per invocation, on demand, so the CLI
 * starts without loading the code of the commands it does not run; an index
 * of the commands would load them all.
 */
const EXCEPTIONS: readonly { from: string; to: RegExp }[] = [{ from: 'src/cli/main.ts', to: /^src\/cli\/commands\/[a-z-]+\.ts$/ }];

/** One relative import of a file: where it is, and the file it reaches. */
interface Import {
  file: string;
  line: number;
  target: string;
}

/** Every relative import (static, type-only, re-export, side-effect or dynamic) of `text`, resolved against `file`. */
export function relativeImports(file: string, text: string): Import[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .filter((ref) => ref.fileName.startsWith('.'))
    .map((ref) => ({
      file,
      line: text.slice(0, ref.pos).split('\n').length,
      target: path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.fileName)),
    }));
}

/** True when `entry` crosses into another folder and does not go through that folder's `index.ts`. */
export function bypassesIndex(entry: Import): boolean {
  if (path.posix.dirname(entry.target) === path.posix.dirname(entry.file)) return false;
  return path.posix.basename(entry.target) !== 'index.ts';
}

function isException(entry: Import): boolean {
  return EXCEPTIONS.some((exception) => exception.from === entry.file && exception.to.test(entry.target));
}

function sourceFiles(tree: string): string[] {
  return readdirSync(path.join(PACKAGE_ROOT, tree), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mts|mjs)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.posix.join(tree, file.split(path.sep).join('/')));
}

const imports = TREES.flatMap(sourceFiles).flatMap((file) =>
  relativeImports(file, readFileSync(path.join(PACKAGE_ROOT, file), 'utf8')),
);
const crossing = imports.filter((entry) => path.posix.dirname(entry.target) !== path.posix.dirname(entry.file));
const bypassing = crossing.filter(bypassesIndex);

describe('import boundaries', () => {
  it('cross-folder imports in src/ and mock-server/ go through the folder index.ts', () => {
    const violations = bypassing.filter((entry) => !isException(entry));
    console.log(
      `import boundaries: ${crossing.length} cross-folder imports, ${bypassing.length - violations.length} documented exceptions, ${violations.length} bypassing an index.ts`,
    );
    expect(
      violations.map((entry) => `${entry.file}:${entry.line} imports ${entry.target}; import it from ${path.posix.dirname(entry.target)}/index.ts`),
    ).toEqual([]);
  });

  it('every exception is still used', () => {
    const unused = EXCEPTIONS.filter((exception) => !bypassing.some((entry) => entry.file === exception.from && exception.to.test(entry.target)));
    expect(unused).toEqual([]);
  });

  it('no module imports the public entry of its own tree (src/index.ts, mock-server/index.ts): it would form a cycle', () => {
    const inward = imports.filter((entry) => {
      const tree = entry.file.split('/')[0];
      return entry.target === `${tree}/index.ts` && entry.file !== entry.target;
    });
    expect(inward.map((entry) => `${entry.file}:${entry.line} imports ${entry.target}`)).toEqual([]);
  });

  it('the scan finds imports of every form and flags one that reaches past an index', () => {
    const planted = [
      "import { a } from '../stats/descriptive.ts';",
      "import type { B } from '../stats/index.ts';",
      'export {',
      '  c,',
      "} from './local.ts';",
      "const m = await import('../../mock-server/core/routes.ts');",
      "import '../side/effect.ts';",
    ].join('\n');
    const found = relativeImports('src/gate/x.ts', planted);
    expect(found.map((entry) => `${entry.line} ${entry.target}`)).toEqual([
      '1 src/stats/descriptive.ts',
      '2 src/stats/index.ts',
      '5 src/gate/local.ts',
      '6 mock-server/core/routes.ts',
      '7 src/side/effect.ts',
    ]);
    expect(found.filter(bypassesIndex).map((entry) => entry.line)).toEqual([1, 6, 7]);
  });
});
