/**
 * Running one peer process: spawned directly (no shell) as the leader of its
 * own process group, stdout collected up to a bound, the tail of stderr kept,
 * and the whole group killed on timeout, abort, overflow, and after exit (so a
 * child the peer left behind does not outlive the run). Never throws.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Options of {@link spawnPeer}; all resolved by the caller. */
export interface SpawnPeerOptions {
  env: Record<string, string>;
  runTimeoutMs: number;
  maxStdoutBytes: number;
  stderrTailBytes: number;
  signal?: AbortSignal | undefined;
}

/** How the process ended. `wallMs` runs from spawn to exit (or to the kill). */
export type SpawnOutcome =
  | { kind: 'exited'; exitCode: number | null; signal: NodeJS.Signals | null; stdout: string; stderrTail: string; wallMs: number }
  | { kind: 'stopped'; why: 'timeout' | 'aborted' | 'overflow'; stderrTail: string; wallMs: number }
  | { kind: 'spawn-error'; message: string; stderrTail: string };

// After a kill, how long to wait for the pipes to close before closing them ourselves
// (a grandchild that left the group may still hold them open).
const PIPE_GRACE_MS = 1000;

// Process groups of peers still running. If this process exits mid-run, they
// die with it: a detached group gets no Ctrl-C from the terminal on its own.
const running = new Set<number>();
let exitHookInstalled = false;

function killRunningGroups(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Spawns `command` and resolves once it has exited and its pipes have closed. */
export function spawnPeer(command: readonly string[], options: SpawnPeerOptions): Promise<SpawnOutcome> {
  const [file, ...args] = command;
  if (options.signal?.aborted) return Promise.resolve({ kind: 'stopped', why: 'aborted', stderrTail: '', wallMs: 0 });
  return new Promise((resolve) => {
    const started = performance.now();
    let child: ChildProcess;
    try {
      child = spawn(file ?? '', args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (error) {
      resolve({ kind: 'spawn-error', message: (error as Error).message, stderrTail: '' });
      return;
    }
    const pid = child.pid;
    if (pid !== undefined) {
      running.add(pid);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', killRunningGroups);
      }
    }
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail = Buffer.alloc(0);
    let stopped: 'timeout' | 'aborted' | 'overflow' | undefined;
    let exitedAt: number | undefined;
    let settled = false;

    const killGroup = () => {
      if (pid === undefined) return;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const stop = (why: 'timeout' | 'aborted' | 'overflow') => {
      stopped ??= why;
      killGroup();
      setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, PIPE_GRACE_MS).unref();
    };
    const timer = setTimeout(stop, options.runTimeoutMs, 'timeout');
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (outcome: SpawnOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      killGroup();
      if (pid !== undefined) running.delete(pid);
      resolve(outcome);
    };
    const tail = () => stderrTail.toString('utf8');

    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxStdoutBytes) stop('overflow');
      else stdout.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = Buffer.concat([stderrTail, chunk]);
      if (stderrTail.length > options.stderrTailBytes) stderrTail = stderrTail.subarray(stderrTail.length - options.stderrTailBytes);
    });
    child.on('error', (error) => {
      // Only a failed spawn has no pid; later errors (a failed kill) end in 'close' as usual.
      if (child.pid === undefined) finish({ kind: 'spawn-error', message: error.message, stderrTail: tail() });
    });
    child.on('exit', () => {
      exitedAt = performance.now();
      // The leader is gone; anything it started still holds our pipes, so end it now.
      killGroup();
    });
    child.on('close', (exitCode, signal) => {
      const wallMs = (exitedAt ?? performance.now()) - started;
      if (stopped) finish({ kind: 'stopped', why: stopped, stderrTail: tail(), wallMs });
      else finish({ kind: 'exited', exitCode, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderrTail: tail(), wallMs });
    });
  });
}
