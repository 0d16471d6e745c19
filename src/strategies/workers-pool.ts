/**
 * The thread pool behind `workers(k)`: piscina with k threads, each running
 * one request at a time with its own client rebuilt from a
 * {@link WorkerClientSpec}, warmed before use and seen from the main thread
 * as a plain {@link FetchOne}.
 */
import { threadId } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { FetchResult, WorkerClientSpec } from '../types/index.ts';
import { WorkerStartError } from '../../mock-server/errors/index.ts';

/** The worker module (plain JS). */
export const WORKER_THREAD_MODULE: string = new URL('./workers-thread.mjs', import.meta.url).href;

/** How long the threads get to start and build their client. */
export const WARM_TIMEOUT_MS = 30_000;

/** A task sent to a worker. */
interface RequestTask {
  id: number;
  /** Unique within the pool: names the task in abort broadcasts. */
  task: number;
}

/** What a worker sends back for a task: plain data, never a thrown error. */
type Reply =
  | { ok: true; status: number; bytes: number; delayMs: number | undefined }
  | { ok: false; name: string; message: string; code: string | undefined };

/** One request handed to the pool. */
export interface PoolCall {
  /** Settles as the request did, like a `fetchOne` call. */
  result: Promise<FetchResult>;
  /** Resolves once the thread is done with the task (later than `result` when aborted: the thread still has to notice). */
  done: Promise<void>;
}

/** A started, warm pool. */
export interface WorkerPool {
  /** Threads in the pool, all started. */
  readonly threads: number;
  /** Thread ids that answered the warm-up, one per thread. */
  readonly threadIds: readonly number[];
  /** Run one request on a free thread; aborting `signal` aborts it inside the thread. */
  call(id: number, signal: AbortSignal): PoolCall;
  /** Stop every thread. */
  destroy(): Promise<void>;
  /** The piscina instance, for tests that check no thread outlives the pool. */
  readonly piscina: Piscina;
}

let poolsStarted = 0;

/**
 * Start `threads` worker threads, have each build its client from `spec`, and
 * wait until all are up (a barrier every thread must reach), so thread
 * startup is paid here and not inside a timed fan-out.
 *
 * Piscina settings, and why: min = max = `threads` with no idle timeout (a
 * fixed pool, like a ThreadPoolExecutor); `concurrentTasksPerWorker: 1` (one
 * request per thread); `maxQueue: threads` (callers keep at most `threads`
 * tasks submitted, so the queue stays empty; the cap only turns a bug into
 * a recorded error); `atomics: 'disabled'` (between tasks a thread keeps its
 * event loop running, so its kept-alive sockets and abort messages are served);
 * `execArgv: []` (threads load plain JS only, so they skip the parent's
 * loaders such as tsx, which doubled thread startup here).
 *
 * @throws WorkerStartError (code `ERR_WORKER_START`) when the threads or their clients cannot start.
 */
export async function startWorkerPool(strategy: string, spec: WorkerClientSpec, threads: number): Promise<WorkerPool> {
  poolsStarted += 1;
  const channelName = `pokebench:workers:${process.pid}:${threadId}:${poolsStarted}`;
  // Loaded on first use, so the kit's entry and the CLI's other commands start without it.
  const { Piscina } = await import('piscina');
  let piscina: Piscina;
  try {
    piscina = new Piscina({
      filename: WORKER_THREAD_MODULE,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      concurrentTasksPerWorker: 1,
      maxQueue: threads,
      atomics: 'disabled',
      recordTiming: false,
      execArgv: [],
      workerData: { client: spec, abortChannel: channelName },
    });
  } catch (error) {
    throw new WorkerStartError(strategy, describe(error), { cause: error });
  }
  // Piscina emits 'error' for a crash outside a task; unheard, it would crash this process.
  let crash: unknown;
  piscina.on('error', (error: unknown) => {
    crash ??= error;
  });

  const barrier = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  let threadIds: number[];
  try {
    const warm = { barrier, parties: threads, timeoutMs: WARM_TIMEOUT_MS };
    threadIds = await Promise.all(Array.from({ length: threads }, () => piscina.run(warm, { name: 'warm' }) as Promise<number>));
  } catch (error) {
    await piscina.destroy();
    throw new WorkerStartError(strategy, describe(crash ?? error), { cause: crash ?? error });
  }

  await settle();

  const channel = new BroadcastChannel(channelName);
  channel.unref();
  let tasks = 0;
  return {
    threads,
    threadIds,
    piscina,
    call(id, signal) {
      const task = (tasks += 1);
      // A BroadcastChannel has no target origin (the lint rule is about window.postMessage).
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      const onAbort = (): void => channel.postMessage(task);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      const reply = piscina.run({ id, task } satisfies RequestTask) as Promise<Reply>;
      const done = reply.then(
        () => undefined,
        () => undefined,
      );
      void done.then(() => signal.removeEventListener('abort', onAbort));
      return { result: reply.then(fromReply), done };
    },
    async destroy() {
      channel.close();
      await piscina.destroy();
    },
  };
}

/**
 * New threads keep compiling and collecting for 100-150 ms after they first
 * answer (measured here: a full core's worth of CPU in the first 50 ms, none
 * after 150 ms). Left alone, that work lands inside the timed fan-out as both
 * wall time and CPU. So wait, bounded, until a 20 ms window of the whole
 * process uses under 2 ms of CPU.
 */
async function settle(windowMs = 20, quietCpuMs = 2, maxMs = 1_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < quietCpuMs) return;
  }
}

function fromReply(reply: Reply): FetchResult {
  if (reply.ok) return { status: reply.status, bytes: reply.bytes, delayMs: reply.delayMs };
  throw Object.assign(new Error(reply.message), { name: reply.name, code: reply.code });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
