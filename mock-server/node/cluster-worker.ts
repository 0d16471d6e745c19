/**
 * One worker of `startMockCluster`: a plain mock server on the shared port
 * whose admin requests go to the primary, and which answers the primary's
 * requests for its stats, a new profile, a reset or a shutdown.
 */
import cluster from 'node:cluster';
import { startMockServer } from './server.ts';
import type { MockReply } from '../core/index.ts';
import { isPokebenchMessage, WORKER_CONFIG_ENV, type PrimaryMessage, type WireReply, type WorkerConfig, type WorkerMessage } from './cluster-messages.ts';

const config = JSON.parse(process.env[WORKER_CONFIG_ENV] ?? 'null') as WorkerConfig | null;
if (!cluster.isWorker || !cluster.worker || config === null) throw new Error(`cluster-worker runs only as a pokebench cluster worker (with ${WORKER_CONFIG_ENV} set).`);
const worker = cluster.worker;

const send = (message: WorkerMessage) => worker.send(message);
const waiting = new Map<number, (reply: WireReply) => void>();
let nextId = 0;

/** Hands an admin request to the primary and waits for its answer. */
function forward(method: string, path: string, body: string): Promise<MockReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, (reply) => resolve({ ...reply, delayMs: 0, route: null }));
    send({ type: 'pokebench:admin', id, method, path, body });
  });
}

const handle = await startMockServer({ ...config, adminHandler: forward, workerId: worker.id, warn: (m) => console.error(m) });

worker.on('message', (message: unknown) => {
  if (!isPokebenchMessage(message)) return;
  const m = message as PrimaryMessage;
  switch (m.type) {
    case 'pokebench:admin-reply':
      waiting.get(m.id)?.(m.reply);
      waiting.delete(m.id);
      return;
    case 'pokebench:get-stats':
      send({ type: 'pokebench:stats', id: m.id, stats: handle.api.stats() });
      return;
    case 'pokebench:set-profile':
      try {
        handle.api.setProfile(m.profile);
        send({ type: 'pokebench:done', id: m.id });
      } catch (error) {
        send({ type: 'pokebench:done', id: m.id, error: (error as Error).message });
      }
      return;
    case 'pokebench:reset':
      handle.api.reset();
      send({ type: 'pokebench:done', id: m.id });
      return;
    case 'pokebench:shutdown':
      void handle.close({ drainTimeoutMs: m.drainTimeoutMs }).then(() => process.exit(0));
      return;
  }
});

// The primary decides when to stop (Ctrl-C reaches the whole process group):
// a worker drains when told, or when the primary is gone.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
worker.on('disconnect', () => void handle.close({ drainTimeoutMs: 1_000 }).then(() => process.exit(0)));

send({ type: 'pokebench:ready', url: handle.url });
