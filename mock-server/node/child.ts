/**
 * Runs the mock server in a child process, so a benchmark's client and the
 * server it measures do not share one event loop (each gets its own core on
 * a 2-core machine, as a client and a remote API would).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { moduleArgs } from '../package-files.ts';
import type { PayloadSize } from '../data/index.ts';
import { ServerStartError } from './server.ts';

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
  /** Give up starting after this many ms. @defaultValue 30000 */
  startTimeoutMs?: number;
}

/** Starts `pokebench serve` in a child process and waits for its URL. */
export async function startChildMockServer(options: ChildMockServerOptions = {}): Promise<ChildMockServer> {
  const args = [...moduleArgs(import.meta.url, '../../src/cli/bin'), 'serve', '--profile', options.profile ?? 'instant', '--payload', options.payload ?? 'slim'];
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
