/**
 * Runs the mock server in a child process, so a benchmark's client and the
 * server it measures do not share one event loop (each gets its own core on
 * a 2-core machine, as a client and a remote API would).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { moduleArgs } from '../package-files/index.ts';
import type { PayloadSize } from '../data/index.ts';
import { ServerStartError } from '../errors/index.ts';

/** A mock server running in another process. */
export interface ChildMockServer {
  url: string;
  /** The child's process id (to read its memory, say). */
  pid: number;
  /** Whether the child is still running: a crash shows here. */
  readonly alive: boolean;
  /** Asks the child to drain and exit; resolves when it has. */
  close(): Promise<void>;
}

/** Options of {@link startChildMockServer}: a profile name or path, not an object (it crosses a process boundary). */
export interface ChildMockServerOptions {
  profile?: string;
  seed?: number;
  payload?: PayloadSize;
  /** Serve from this many cluster workers (`serve --workers`). @defaultValue one process, no cluster */
  workers?: number;
  /** More `serve` flags, e.g. `['--admin-token', 't']`. @defaultValue none */
  args?: readonly string[];
  /** Give up starting after this many ms. @defaultValue 30000 */
  startTimeoutMs?: number;
}

/** The `serve` variables a child does not inherit (its options come from {@link ChildMockServerOptions}). */
const CHILD_IGNORED_ENV = ['POKEBENCH_PORT', 'POKEBENCH_HOST', 'POKEBENCH_PROFILE', 'POKEBENCH_SEED', 'POKEBENCH_PAYLOAD', 'POKEBENCH_WORKERS', 'POKEBENCH_ADMIN'];

/** Starts `pokebench serve` in a child process and waits for its URL. */
export async function startChildMockServer(options: ChildMockServerOptions = {}): Promise<ChildMockServer> {
  const args = [...moduleArgs(import.meta.url, '../../src/cli/bin'), 'serve', '--profile', options.profile ?? 'instant', '--payload', options.payload ?? 'slim'];
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.workers !== undefined) args.push('--workers', String(options.workers));
  args.push(...(options.args ?? []));
  // The options are on the command line: a POKEBENCH_* variable this process happens to have (POKEBENCH_WORKERS is
  // also the peers' thread count) must not change the child. The admin token is still inherited, as before.
  const env = { ...process.env };
  for (const name of CHILD_IGNORED_ENV) delete env[name];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ServerStartError(`The mock server child did not start within ${options.startTimeoutMs ?? 30_000} ms. ${stderr}`));
    }, options.startTimeoutMs ?? 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new ServerStartError(`The mock server child exited with code ${code} before listening. ${stderr.trim()}`));
    });
  });
  return {
    url,
    pid: child.pid ?? -1,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
