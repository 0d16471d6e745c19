/**
 * Comments and docs cite only the project's own files: its design is
 * `docs/design.md`, never a design document outside the repository, and no
 * comment or doc names a tracker's issue number (a reader of the code has the
 * code, not the tracker).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../mock-server/package-files/index.ts';

/** Folders and files whose text is checked (code, tests, scripts, peers, docs). */
const ROOTS = ['src', 'mock-server', 'test', 'scripts', 'peers', 'docs', '.ci', 'README.md', 'CHANGELOG.md', 'vitest.config.ts', 'package.json'];
const TEXT = /\.(ts|mts|mjs|js|py|go|md|json|sh)$|^run$/;

/** The word issue (or issues) then a number, with or without `#`, also split over a comment's line break. */
const ISSUE_NUMBER = /\bissues?\s*(?:\n\s*(?:\*|\/\/|#)\s*)?#?\d+/i;
/** A design document outside the repository: an upper-case design file (the project's is docs/design.md), or the shared folder one level up. */
const OUTSIDE_DOC = /DESIGN\.md|\.\.\/shared\//;

/** `file:line: text` for every place in `text` that matches `pattern`. */
function findCitations(file: string, text: string, pattern: RegExp): string[] {
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
  return [...text.matchAll(global)].map((match) => {
    const line = text.slice(0, match.index).split('\n').length;
    return `${file}:${line}: ${match[0].replace(/\s+/g, ' ')}`;
  });
}

function files(entry: string): string[] {
  const full = path.join(PACKAGE_ROOT, entry);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((file) => TEXT.test(path.basename(file)) && !file.includes('node_modules') && !file.includes('__pycache__'))
    .map((file) => path.join(entry, file));
}

const checked = ROOTS.flatMap(files).filter((file) => statSync(path.join(PACKAGE_ROOT, file)).isFile());

describe('citations in comments and docs', () => {
  it('the checks catch what they are for, and spare the project design document and ordinary words', () => {
    // Built from pieces, so that this file does not match its own checks.
    const word = ['iss', 'ue'].join('');
    const planted = `// see DESIGN${'.md'} "The model"\n/* (${word} 8) */\n * Bars (${word}\n * 5): none\n# ${word} #12\n..${'/'}shared/STYLE.md\n`;
    expect(findCitations('x.ts', planted, OUTSIDE_DOC)).toEqual([`x.ts:1: DESIGN${'.md'}`, `x.ts:6: ..${'/'}shared/`]);
    expect(findCitations('x.ts', planted, ISSUE_NUMBER)).toEqual([`x.ts:2: ${word} 8`, `x.ts:3: ${word} * 5`, `x.ts:5: ${word} #12`]);
    const fine = '// docs/design.md "The model"\nconst issue = result.error.issues[0]; // every issue, one line each\n';
    expect([...findCitations('y.ts', fine, OUTSIDE_DOC), ...findCitations('y.ts', fine, ISSUE_NUMBER)]).toEqual([]);
  });

  it('checks the source, tests, scripts, peers and docs (the file list is not empty)', () => {
    for (const file of ['src/index.ts', 'mock-server/index.ts', 'scripts/build.mjs', 'docs/design.md', 'README.md', '.ci/run']) expect(checked).toContain(file);
  });

  it('no file cites a design document outside the repository', () => {
    expect(checked.flatMap((file) => findCitations(file, readFileSync(path.join(PACKAGE_ROOT, file), 'utf8'), OUTSIDE_DOC))).toEqual([]);
  });

  it('no file cites an issue number', () => {
    expect(checked.flatMap((file) => findCitations(file, readFileSync(path.join(PACKAGE_ROOT, file), 'utf8'), ISSUE_NUMBER))).toEqual([]);
  });

  it('every section of docs/design.md a file cites is a heading there', () => {
    const headings = new Set(
      readFileSync(path.join(PACKAGE_ROOT, 'docs/design.md'), 'utf8')
        .split('\n')
        .flatMap((line) => (/^#{2,4} /.test(line) ? [line.replace(/^#+ /, '').trim()] : [])),
    );
    // A citation: the path, a space, then the section's title in double quotes (it may break over a comment's line).
    const cited = /docs\/design\.md "([^"]+)"/g;
    const missing = checked.flatMap((file) =>
      [...readFileSync(path.join(PACKAGE_ROOT, file), 'utf8').matchAll(cited)]
        .map((m) => m[1]!.replace(/\s*\n\s*(?:\*|\/\/|#)?\s*/g, ' ').trim())
        .filter((title) => !headings.has(title))
        .map((title) => `${file}: "${title}"`),
    );
    expect(missing).toEqual([]);
  });
});
