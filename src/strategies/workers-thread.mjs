// One piscina worker of `workers(k)`: rebuilds the client from the
// WorkerClientSpec in workerData, then runs one request per task. Plain JS:
// worker threads load no TypeScript.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId, workerData } from 'node:worker_threads';

const { client, abortChannel } = workerData;

// A failed build is kept and thrown from each task rather than at load: a
// module that fails to load makes piscina respawn the thread in a loop.
let fetchOne;
let buildError;
try {
  const url = isAbsolute(client.module) ? pathToFileURL(client.module).href : client.module;
  const create = (await import(url)).default;
  if (typeof create !== 'function') throw new TypeError(`${client.module} has no default export to build a client with.`);
  fetchOne = await create(client.options);
  if (typeof fetchOne !== 'function') throw new TypeError(`The default export of ${client.module} did not return a fetchOne function.`);
} catch (error) {
  buildError = error;
}

// The main thread aborts a task by broadcasting its number: piscina's own
// `signal` would terminate the whole thread. An abort may arrive before its
// task (two channels, no order between them), so unknown numbers are kept.
const controllers = new Map();
const abortedEarly = new Set();
const channel = new BroadcastChannel(abortChannel);
channel.addEventListener('message', ({ data: task }) => {
  const controller = controllers.get(task);
  if (controller === undefined) abortedEarly.add(task);
  else controller.abort(new DOMException('Aborted by the main thread', 'AbortError'));
});
channel.unref();

/**
 * Warm-up: every thread of the pool checks in on a shared counter and waits
 * until all `parties` have, so k tasks provably ran on k distinct, ready
 * threads. Returns this thread's id. (If another thread fails, the main
 * thread destroys the pool: terminating a thread interrupts Atomics.wait.)
 */
export async function warm({ barrier, parties, timeoutMs }) {
  if (buildError !== undefined) throw buildError;
  await fetchOne.warmUp?.();
  const cell = new Int32Array(barrier);
  Atomics.add(cell, 0, 1);
  Atomics.notify(cell, 0);
  const deadline = performance.now() + timeoutMs;
  for (let seen = Atomics.load(cell, 0); seen < parties; seen = Atomics.load(cell, 0)) {
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`Only ${seen} of ${parties} worker threads started within ${timeoutMs} ms.`);
    Atomics.wait(cell, 0, seen, left);
  }
  return threadId;
}

/**
 * One request. Never throws: the outcome crosses back as plain data (error
 * classes and their `code` do not survive the thread boundary).
 */
export default async function request({ id, task }) {
  if (buildError !== undefined) return failure(buildError);
  const controller = new AbortController();
  if (abortedEarly.delete(task)) controller.abort(new DOMException('Aborted by the main thread', 'AbortError'));
  controllers.set(task, controller);
  try {
    // Copied field by field: only plain data crosses; the main thread checks it as it would any FetchResult.
    const result = await fetchOne(id, controller.signal);
    return { ok: true, status: result?.status, bytes: result?.bytes, delayMs: result?.delayMs };
  } catch (error) {
    return failure(error);
  } finally {
    controllers.delete(task);
  }
}

function failure(error) {
  const e = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  return { ok: false, name: String(e.name ?? 'Error'), message: String(e.message ?? error), code };
}
