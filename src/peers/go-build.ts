/**
 * Compiling the Go peer once, before any run, so a run's timing never
 * includes `go build`. The binary lives in a per-user cache directory under
 * the OS temp dir, named by a hash of the Go source and the compiler, so a
 * later process reuses it and an edited source gets a new one.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, constants, lstat, mkdir, mkdtemp, readdir, readFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { packagePath } from '../../mock-server/package-files/index.ts';

/** Where the shipped Go peer's module (go.mod, *.go) lives. */
export const GO_PEER_DIR = packagePath('peers', 'go');

/** Options of {@link buildGoPeer}. */
export interface GoBuildOptions {
  /** Environment for `go build` (HOME, PATH, GOCACHE...). @defaultValue `process.env` */
  env?: Record<string, string | undefined>;
  /** The module to build. @defaultValue {@link GO_PEER_DIR} */
  sourceDir?: string;
  /** Where binaries are kept. @defaultValue `<os.tmpdir()>/pokebench-peers-<uid>` */
  cacheDir?: string;
  /** How long `go build` may take (a cold build cache needs ~30 s on 2 cores). @defaultValue `300000` */
  timeoutMs?: number;
}

/** A built peer binary, or the compiler's complaint. */
export type GoBuild = { ok: true; binary: string; cached: boolean } | { ok: false; message: string };

const builds = new Map<string, Promise<GoBuild>>();
let uniqueSuffix = 0;

/**
 * Builds the Go peer with the Go at `go.path` (once per source and compiler;
 * later calls and later processes reuse the binary). Never throws: a missing
 * source or a compile error comes back as `{ ok: false, message }`.
 */
export async function buildGoPeer(go: { path: string; version?: string | undefined }, options: GoBuildOptions = {}): Promise<GoBuild> {
  const env = options.env ?? process.env;
  const sourceDir = options.sourceDir ?? GO_PEER_DIR;
  let hash: string;
  try {
    hash = await sourceHash(sourceDir, `${go.path} ${go.version ?? ''} ${process.platform}-${process.arch}`);
  } catch (error) {
    return { ok: false, message: `cannot read the Go peer's source in ${sourceDir}: ${(error as Error).message}` };
  }
  const key = `${hash} ${options.cacheDir ?? ''}`;
  let pending = builds.get(key);
  if (!pending) {
    pending = build(go.path, sourceDir, hash, env, options.cacheDir, options.timeoutMs ?? 300_000).catch(
      (error: unknown): GoBuild => ({ ok: false, message: `cannot build the Go peer: ${(error as Error).message}` }),
    );
    builds.set(key, pending);
    // A failed build is not remembered: the user may install what was missing and retry.
    void pending.then((result) => result.ok || builds.delete(key));
  }
  return pending;
}

async function build(
  goPath: string,
  sourceDir: string,
  hash: string,
  env: Record<string, string | undefined>,
  cacheDir: string | undefined,
  timeoutMs: number,
): Promise<GoBuild> {
  const dir = cacheDir ?? (await privateCacheDir());
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const binary = path.join(dir, `go-peer-${hash.slice(0, 16)}`);
  if (await isExecutable(binary)) return { ok: true, binary, cached: true };
  uniqueSuffix += 1;
  const partial = `${binary}.${process.pid}.${uniqueSuffix}.partial`;
  const buildEnv = {
    ...env,
    GOFLAGS: '-mod=mod',
    GO111MODULE: 'on',
    GOTOOLCHAIN: 'local',
    // Pure Go: no C compiler needed, and the peer only dials loopback (no cgo resolver).
    CGO_ENABLED: '0',
    ...(await writableGoDirs(env, dir)),
  };
  const result = await new Promise<{ ok: boolean; output: string }>((resolve) => {
    execFile(
      goPath,
      ['build', '-trimpath', '-o', partial, '.'],
      { cwd: sourceDir, env: buildEnv, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        if (!error) resolve({ ok: true, output });
        else if ((error as { killed?: boolean }).killed) resolve({ ok: false, output: `go build did not finish within ${timeoutMs} ms.` });
        else resolve({ ok: false, output: output.slice(-2048) || error.message });
      },
    );
  });
  if (!result.ok) return { ok: false, message: `go build failed in ${sourceDir}:\n${result.output}` };
  // Rename is atomic: a concurrent process sees either no binary or a whole one.
  await rename(partial, binary);
  return { ok: true, binary, cached: false };
}

/** sha256 of the module's go.mod and .go files (names and bytes) plus the compiler's identity. */
async function sourceHash(sourceDir: string, compiler: string): Promise<string> {
  const names = (await readdir(sourceDir)).filter((name) => name === 'go.mod' || name === 'go.sum' || name.endsWith('.go')).toSorted();
  if (!names.includes('go.mod')) throw new Error('no go.mod');
  const hash = createHash('sha256').update(compiler);
  for (const name of names) hash.update(`\0${name}\0`).update(await readFile(path.join(sourceDir, name)));
  return hash.digest('hex');
}

/**
 * `<tmp>/pokebench-peers-<uid>`, made private; if someone else owns it (a
 * shared /tmp), a fresh private directory instead, so no other user can plant
 * the binary we are about to run.
 */
async function privateCacheDir(): Promise<string> {
  const uid = process.getuid?.();
  const dir = path.join(os.tmpdir(), `pokebench-peers-${uid ?? 'user'}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  if (info.isDirectory() && !info.isSymbolicLink() && (uid === undefined || info.uid === uid) && (info.mode & 0o022) === 0) return dir;
  return mkdtemp(path.join(os.tmpdir(), 'pokebench-peers-'));
}

/**
 * Go's build cache defaults to `$XDG_CACHE_HOME/go-build` or
 * `$HOME/.cache/go-build`, and GOPATH to `$HOME/go`; where those are unset
 * (a bare CI user) or the cache is not writable (a read-only home), point
 * them into our cache directory.
 */
async function writableGoDirs(env: Record<string, string | undefined>, dir: string): Promise<Record<string, string>> {
  const home = env['HOME'];
  const extra: Record<string, string> = {};
  const cache = env['GOCACHE'] ?? (env['XDG_CACHE_HOME'] ? path.join(env['XDG_CACHE_HOME'], 'go-build') : home ? path.join(home, '.cache', 'go-build') : undefined);
  if (cache === undefined || !(await canWrite(cache))) extra['GOCACHE'] = path.join(dir, 'gocache');
  // The peer has no dependencies, so GOPATH is only needed to exist as a setting.
  if (!env['GOPATH'] && !home) extra['GOPATH'] = path.join(dir, 'gopath');
  return extra;
}

async function canWrite(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
