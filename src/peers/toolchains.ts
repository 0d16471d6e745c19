/**
 * Finding the toolchains the shipped peers need: a Python that imports httpx,
 * and Go. Each check tries its candidates in order and says what it found, or
 * what is missing and the exact command that installs it. Results are kept
 * for the life of the process (a toolchain does not appear mid-run).
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';

/** A toolchain the shipped peers use. */
export type ToolchainName = 'python' | 'go';

/** What one toolchain check found. */
export interface ToolchainCheck {
  toolchain: ToolchainName;
  /** True when a working candidate was found; then `path` and `version` are set. */
  available: boolean;
  /** Absolute path of the executable that works. */
  path?: string | undefined;
  /** `3.11.2, httpx 0.23.3` or `go1.19.8`. */
  version?: string | undefined;
  /** Why no candidate works, one clause per candidate tried. */
  problem?: string | undefined;
  /** The Debian command that installs this toolchain. */
  install: string;
}

/** Options of {@link findPython} and {@link findGo}. */
export interface FindToolchainOptions {
  /**
   * Environment to read `POKEBENCH_PYTHON` / `POKEBENCH_GO` and `PATH` from.
   * @defaultValue `process.env`
   */
  env?: Record<string, string | undefined>;
  /** How long one candidate may take to answer. @defaultValue `10000` */
  timeoutMs?: number;
}

/** The install command of each toolchain (Debian packages; no PyPI or module proxy needed). */
export const INSTALL_COMMANDS: Readonly<Record<ToolchainName, string>> = {
  python: 'sudo apt-get install -y python3-httpx',
  go: 'sudo apt-get install -y golang-go',
};

// Prints "3.11.2, httpx 0.23.3"; fails with ModuleNotFoundError where httpx is missing.
const PYTHON_PROBE = 'import sys, httpx; print(sys.version.split()[0] + ", httpx " + httpx.__version__)';

const found = new Map<string, Promise<ToolchainCheck>>();

/**
 * Finds a Python that imports httpx: `$POKEBENCH_PYTHON` alone when set,
 * otherwise `/usr/bin/python3` (Debian's, where python3-httpx installs), then
 * `python3` on PATH (often a pyenv or venv Python without httpx).
 */
export function findPython(options: FindToolchainOptions = {}): Promise<ToolchainCheck> {
  const env = options.env ?? process.env;
  const override = env['POKEBENCH_PYTHON'];
  const candidates = override ? [override] : ['/usr/bin/python3', 'python3'];
  return check('python', candidates, ['-c', PYTHON_PROBE], (out) => out.trim(), env, options.timeoutMs);
}

/** Finds Go: `$POKEBENCH_GO` alone when set, otherwise `go` on PATH, then `/usr/lib/go/bin/go`. */
export function findGo(options: FindToolchainOptions = {}): Promise<ToolchainCheck> {
  const env = options.env ?? process.env;
  const override = env['POKEBENCH_GO'];
  const candidates = override ? [override] : ['go', '/usr/lib/go/bin/go'];
  return check('go', candidates, ['version'], (out) => /\bgo\d+(\.\d+)*\S*/.exec(out)?.[0] ?? out.trim(), env, options.timeoutMs);
}

function check(
  toolchain: ToolchainName,
  candidates: readonly string[],
  probe: readonly string[],
  version: (stdout: string) => string,
  env: Record<string, string | undefined>,
  timeoutMs = 10_000,
): Promise<ToolchainCheck> {
  const key = JSON.stringify([toolchain, candidates, env['PATH'] ?? '']);
  let pending = found.get(key);
  if (!pending) {
    pending = firstWorking(toolchain, candidates, probe, version, env, timeoutMs);
    found.set(key, pending);
  }
  return pending;
}

async function firstWorking(
  toolchain: ToolchainName,
  candidates: readonly string[],
  probe: readonly string[],
  version: (stdout: string) => string,
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<ToolchainCheck> {
  const problems: string[] = [];
  for (const candidate of candidates) {
    const resolved = await which(candidate, env['PATH'] ?? '');
    if (resolved === undefined) {
      problems.push(`${candidate}: not found`);
      continue;
    }
    const answer = await probeOnce(resolved, probe, env, timeoutMs);
    if (answer.ok) return { toolchain, available: true, path: resolved, version: version(answer.stdout), install: INSTALL_COMMANDS[toolchain] };
    problems.push(`${resolved === candidate ? candidate : `${candidate} (${resolved})`}: ${answer.problem}`);
  }
  return { toolchain, available: false, problem: problems.join('; '), install: INSTALL_COMMANDS[toolchain] };
}

/** An absolute path for `command`: itself when it has a slash, else the first executable on `PATH`. */
async function which(command: string, searchPath: string): Promise<string | undefined> {
  const candidates = command.includes('/')
    ? [path.resolve(command)]
    : searchPath.split(path.delimiter).filter((dir) => dir !== '').map((dir) => path.join(dir, command));
  for (const file of candidates) {
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {
      // not here: try the next directory
    }
  }
  return undefined;
}

function probeOnce(
  file: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<{ ok: true; stdout: string } | { ok: false; problem: string }> {
  return new Promise((resolve) => {
    execFile(file, [...args], { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ ok: true, stdout });
        return;
      }
      const killed = (error as { killed?: boolean }).killed === true;
      const lastLine = stderr.trim().split('\n').at(-1) ?? '';
      resolve({ ok: false, problem: killed ? `did not answer within ${timeoutMs} ms` : lastLine || error.message });
    });
  });
}
