/**
 * The mock across cores: `node:cluster` workers on one port, round-robin
 * (the primary accepts and hands connections out in turn). Workers share no
 * state; the primary holds the profile, broadcasts a replacement to every
 * worker, merges their stats, and restarts a worker that dies. A delay is
 * the same whichever worker answers when the client names the draw
 * (`x-pokebench-draw`); without it each worker counts its own draws.
 */
import cluster, { type Worker } from 'node:cluster';
import { moduleArgs } from '../package-files/index.ts';
import { availableParallelism } from 'node:os';
import type { PayloadSize } from '../data/index.ts';
import { ADMIN_PREFIX, json, type MockReply, type MockStats, parseProfileBody } from '../core/index.ts';
import { loadProfile, type Profile } from '../profile/index.ts';
import { mergeStats } from '../stats/index.ts';
import { checkAdminExposure } from './admin-exposure.ts';
import { ServerStartError, type StartMockServerOptions } from './server.ts';
import { resolveServerLimits } from './server-limits.ts';
import { isPokebenchMessage, WORKER_CONFIG_ENV, type PrimaryMessage, type WorkerConfig, type WorkerMessage } from './cluster-messages.ts';

/** Options of {@link startMockCluster}: the server's, plus how many workers. */
export interface StartMockClusterOptions extends Omit<StartMockServerOptions, 'adminHandler' | 'workerId'> {
  /** Worker processes; `'auto'` is `os.availableParallelism()`. @defaultValue `'auto'` */
  workers?: number | 'auto';
  /** How long a worker may take to start, ms. @defaultValue `30000` */
  startTimeoutMs?: number;
  /** How long the primary waits for every worker to answer an admin broadcast, ms. @defaultValue `5000` */
  broadcastTimeoutMs?: number;
}

/** A worker that died while the cluster was serving: its stats since the last reset are gone. */
export interface LostWorker {
  workerId: number;
  pid: number;
  /** Exit code, or the signal that ended it. */
  exit: string;
  at: string;
}

/** What `GET /__admin/health` says about a cluster. */
export interface ClusterHealth {
  status: 'ok' | 'degraded';
  /** Workers serving now. */
  workers: number;
  /** Workers asked for. */
  expected: number;
  /** Workers restarted since start. */
  restarts: number;
  pids: number[];
}

/** `GET /__admin/stats` of a cluster: the workers' stats merged, and what the merge is missing. */
export interface ClusterStats extends MockStats {
  cluster: {
    workers: number;
    restarts: number;
    /** Workers that died since the last reset: their requests are not in these counts. */
    lost: LostWorker[];
    /** False when a worker died since the last reset or did not answer: the counts are a lower bound. */
    complete: boolean;
  };
}

/** A running cluster. */
export interface MockClusterHandle {
  url: string;
  port: number;
  /** Health as the admin API reports it. */
  health(): ClusterHealth;
  /** The workers' stats merged (asks every worker). */
  stats(): Promise<ClusterStats>;
  /** The process ids of the serving workers. */
  pids(): number[];
  /** Resolves once `count` workers have been restarted in total (for tests and supervisors). */
  restarted(count: number): Promise<void>;
  /** Stops every worker after it drained its in-flight requests. */
  close(options?: { drainTimeoutMs?: number }): Promise<void>;
}

// The worker's entry: compiled JS in the package, the TypeScript source under tsx in the repository.
const WORKER_ARGS = moduleArgs(import.meta.url, './cluster-worker');

/** The worker count `--workers` asks for: a number from 1, or `auto` (the cores this process may use). */
export function resolveWorkers(workers: number | 'auto' | undefined): number {
  if (workers === undefined || workers === 'auto') return availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) {
    throw new ServerStartError(`options.workers must be 'auto' or a whole number from 1 to 256, got ${String(workers)}.`);
  }
  return workers;
}

/**
 * Starts the mock on `workers` processes sharing one port. Only one cluster
 * per process (node:cluster has one primary).
 *
 * @example
 * const { url, stats, close } = await startMockCluster({ workers: 2, profile: 'fixed-100ms' });
 * await fetch(`${url}/api/v2/pokemon/25`, { headers: { 'x-pokebench-draw': 'run-1/0' } });
 * (await stats()).requests; // 1, whichever worker answered
 * await close();
 */
export async function startMockCluster(options: StartMockClusterOptions = {}): Promise<MockClusterHandle> {
  if (!cluster.isPrimary) throw new ServerStartError('startMockCluster must run in the primary process, not in a cluster worker.');
  const expected = resolveWorkers(options.workers);
  const host = options.host ?? '127.0.0.1';
  const admin = options.admin ?? true;
  checkAdminExposure(host, admin, options.adminToken);
  resolveServerLimits(options); // fail here, once, rather than in every worker
  const source = options.profile ?? 'instant';
  let profile: Profile = typeof source === 'string' ? await loadProfile(source) : source;
  if (options.seed !== undefined) profile = { ...profile, seed: options.seed };
  const payload: PayloadSize = options.payload ?? 'slim';
  const base: Omit<WorkerConfig, 'profile'> = {
    payload,
    port: options.port ?? 0,
    host,
    backlog: options.backlog,
    admin,
    ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
    ...(options.maxHeaderSize === undefined ? {} : { maxHeaderSize: options.maxHeaderSize }),
    ...(options.maxUrlLength === undefined ? {} : { maxUrlLength: options.maxUrlLength }),
    ...(options.headersTimeoutMs === undefined ? {} : { headersTimeoutMs: options.headersTimeoutMs }),
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
  };
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const broadcastTimeoutMs = options.broadcastTimeoutMs ?? 5_000;

  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({ exec: WORKER_ARGS.at(-1)!, execArgv: WORKER_ARGS.slice(0, -1), silent: false });

  const serving = new Map<number, Worker>();
  const lost: LostWorker[] = [];
  const onRestart = new Set<{ count: number; resolve: () => void }>();
  let restarts = 0;
  let closing = false;
  let url = '';
  let nextId = 0;
  const pending = new Map<number, { workerId: number; resolve: (m: WorkerMessage) => void }>();

  function fork(): Promise<Worker> {
    const worker = cluster.fork({ [WORKER_CONFIG_ENV]: JSON.stringify({ ...base, profile }) });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.process.kill('SIGKILL');
        reject(new ServerStartError(`A mock cluster worker did not start within ${startTimeoutMs} ms.`));
      }, startTimeoutMs);
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new ServerStartError(`A mock cluster worker exited (${signal ?? `code ${code}`}) before listening; see its error above.`));
      };
      worker.once('exit', onExit);
      worker.on('message', (message: unknown) => {
        if (!isPokebenchMessage(message)) return;
        const m = message as WorkerMessage;
        if (m.type === 'pokebench:ready') {
          clearTimeout(timer);
          worker.off('exit', onExit);
          url = m.url;
          serving.set(worker.id, worker);
          worker.once('exit', (code, signal) => onWorkerExit(worker, code, signal));
          resolve(worker);
        } else if (m.type === 'pokebench:admin') {
          void answerAdmin(m.method, m.path, m.body).then((reply) =>
            sendTo(worker, { type: 'pokebench:admin-reply', id: m.id, reply: { status: reply.status, headers: reply.headers, body: String(reply.body) } }),
          );
        } else {
          const waiter = pending.get(m.id);
          pending.delete(m.id);
          waiter?.resolve(m);
        }
      });
    });
  }

  function onWorkerExit(worker: Worker, code: number | null, signal: string | null): void {
    serving.delete(worker.id);
    for (const [id, waiter] of pending) {
      if (waiter.workerId === worker.id) {
        pending.delete(id);
        waiter.resolve({ type: 'pokebench:done', id, error: 'the worker exited' });
      }
    }
    if (closing) return;
    lost.push({ workerId: worker.id, pid: worker.process.pid ?? -1, exit: signal ?? `code ${code}`, at: new Date().toISOString() });
    warn(`pokebench: mock cluster worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting a replacement.`);
    fork().then(
      () => {
        restarts += 1;
        for (const waiter of onRestart) {
          if (restarts < waiter.count) continue;
          onRestart.delete(waiter);
          waiter.resolve();
        }
      },
      (error: Error) => warn(`pokebench: could not restart a mock cluster worker: ${error.message}`),
    );
  }

  function sendTo(worker: Worker, message: PrimaryMessage): void {
    if (worker.isConnected()) worker.send(message);
  }

  /** Sends one request to every serving worker and collects the answers (a worker that does not answer in time counts as failed). */
  async function broadcast(make: (id: number) => PrimaryMessage): Promise<{ workerId: number; answer: WorkerMessage | undefined }[]> {
    const workers = [...serving.values()];
    return Promise.all(
      workers.map(async (worker) => {
        const id = nextId++;
        const answer = await new Promise<WorkerMessage | undefined>((resolve) => {
          const timer = setTimeout(() => {
            pending.delete(id);
            resolve(undefined);
          }, broadcastTimeoutMs);
          pending.set(id, {
            workerId: worker.id,
            resolve: (m) => {
              clearTimeout(timer);
              resolve(m);
            },
          });
          sendTo(worker, make(id));
        });
        return { workerId: worker.id, answer };
      }),
    );
  }

  function health(): ClusterHealth {
    const workers = serving.size;
    return { status: workers === expected ? 'ok' : 'degraded', workers, expected, restarts, pids: pids() };
  }

  function pids(): number[] {
    return [...serving.values()].map((w) => w.process.pid ?? -1);
  }

  async function stats(): Promise<ClusterStats> {
    const answers = await broadcast((id) => ({ type: 'pokebench:get-stats', id }));
    const parts = answers.flatMap(({ answer }) => (answer?.type === 'pokebench:stats' ? [answer.stats] : []));
    const merged = mergeStats(parts);
    return { ...merged, cluster: { workers: parts.length, restarts, lost: [...lost], complete: lost.length === 0 && parts.length === answers.length } };
  }

  /** Applies to every worker; names the workers that did not take it. */
  async function everyWorker(make: (id: number) => PrimaryMessage, what: string): Promise<MockReply | undefined> {
    const answers = await broadcast(make);
    const failed = answers.filter(({ answer }) => answer?.type !== 'pokebench:done' || answer.error !== undefined);
    if (failed.length === 0) return undefined;
    return json(503, {
      error: 'CLUSTER_PARTIAL',
      message: `Failed to ${what} on every worker: ${failed.length} of ${answers.length} did not confirm (workers ${failed.map((f) => f.workerId).join(', ')}). Workers now disagree; send the request again.`,
    });
  }

  async function answerAdmin(method: string, path: string, body: string): Promise<MockReply> {
    const route = path.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
    if (route === '/health' && method === 'GET') return json(200, health());
    if (route === '/profile' && method === 'GET') return json(200, profile);
    if (route === '/stats' && method === 'GET') return json(200, await stats());
    if (route === '/reset' && method === 'POST') {
      lost.length = 0;
      return (await everyWorker((id) => ({ type: 'pokebench:reset', id }), 'reset')) ?? json(200, { reset: true, workers: serving.size });
    }
    if (route === '/profile' && method === 'PUT') {
      const parsed = parseProfileBody(body);
      if (!parsed.ok) return parsed.reply;
      profile = parsed.profile; // restarted workers start from it too
      return (await everyWorker((id) => ({ type: 'pokebench:set-profile', id, profile }), 'replace the profile')) ?? json(200, profile);
    }
    return json(['/health', '/profile', '/stats', '/reset'].includes(route) ? 405 : 404, { error: 'NOT_FOUND', message: `No admin route ${method} ${path}.` });
  }

  try {
    await Promise.all(Array.from({ length: expected }, () => fork()));
  } catch (error) {
    closing = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    throw error;
  }
  const port = Number(new URL(url).port);

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    health,
    stats,
    pids,
    restarted: (count) => (restarts >= count ? Promise.resolve() : new Promise<void>((resolve) => void onRestart.add({ count, resolve }))),
    close({ drainTimeoutMs = 5_000 } = {}) {
      closed ??= (async () => {
        closing = true;
        const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
        const exited = workers.map((w) => (w.isDead() ? Promise.resolve() : new Promise<void>((resolve) => w.once('exit', () => resolve()))));
        for (const w of workers) sendTo(w, { type: 'pokebench:shutdown', drainTimeoutMs });
        const hardStop = setTimeout(() => workers.forEach((w) => w.process.kill('SIGKILL')), drainTimeoutMs + 2_000);
        await Promise.all(exited);
        clearTimeout(hardStop);
      })();
      return closed;
    },
  };
}
