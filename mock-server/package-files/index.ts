/**
 * Where the package's own files are, the same from source and from the build.
 * Source runs as `<root>/{src,mock-server}/…/*.ts` (vitest, tsx); the build as
 * `<root>/dist/{src,mock-server}/…/*.js` (the installed package, `npm start`).
 * Files that are not code (fixtures, peers, package.json) stay at `<root>`,
 * so every path to them goes through {@link packagePath}, never a relative
 * URL that holds in one layout only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** True when this file runs as TypeScript source (vitest, tsx), false in the build. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** Absolute path of the package's root folder (where package.json is). */
export const PACKAGE_ROOT: string = fileURLToPath(new URL(FROM_SOURCE ? '../../' : '../../../', import.meta.url));

/**
 * Absolute path of a file shipped at the package's root.
 *
 * @example
 * packagePath('fixtures', 'profiles') // '/…/node_modules/pokebench/fixtures/profiles'
 */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

let version: string | undefined;

/** The package's version, read once from its package.json: the one version `--version`, results and reports show. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/**
 * Node arguments that run a sibling module of `callerUrl` as its own process:
 * `relative` is the module's path without extension, resolved like an import.
 * In the build that is the compiled `.js`, run by plain node; from source the
 * `.ts`, run under tsx (a dev dependency, present wherever sources run).
 *
 * @example
 * spawn(process.execPath, [...moduleArgs(import.meta.url, './server-child'), 'slim'])
 */
export function moduleArgs(callerUrl: string, relative: string): string[] {
  const fromSource = callerUrl.endsWith('.ts');
  const file = fileURLToPath(new URL(`${relative}${fromSource ? '.ts' : '.js'}`, callerUrl));
  if (!fromSource) return [file];
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--import', tsx, file];
}
