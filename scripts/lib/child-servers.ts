import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** URLs of the servers a benchmark child started. */
export interface ChildServers {
  mock: string;
  bare: string;
  bytes: number;
  /** CPU time the child has used so far, µs (its `process.cpuUsage()`); one query at a time. */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

/**
 * Starts `bench-servers.ts` in its own process (its own event loop and, when
 * the OS allows, its own core) and waits for its URLs.
 */
export async function startChildServers(profile: string): Promise<ChildServers> {
  const script = fileURLToPath(new URL('./bench-servers.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, profile], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('benchmark servers did not start within 30 s')), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`benchmark servers exited early (code ${code})`));
    });
  });
  const urls = JSON.parse(first) as { mock: string; bare: string; bytes: number };
  return {
    ...urls,
    cpuUsage: () =>
      new Promise<NodeJS.CpuUsage>((resolve) => {
        lines.once('line', (line) => resolve(JSON.parse(line) as NodeJS.CpuUsage));
        child.stdin!.write('cpu\n');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}
