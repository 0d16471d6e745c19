/**
 * The IPC between the cluster's primary and its workers. The workers share
 * no state: the primary holds the profile, answers the admin API for all of
 * them (a worker forwards what it receives) and asks each for its stats.
 */
import type { PayloadSize } from '../data/index.ts';
import type { MockStats } from '../core/index.ts';
import type { Profile } from '../profile/index.ts';
import type { ServerLimitsOptions } from './server-limits.ts';

/** What a worker starts from (the primary passes it in the environment). */
export interface WorkerConfig extends ServerLimitsOptions {
  profile: Profile;
  payload: PayloadSize;
  port: number;
  host: string;
  backlog: number | undefined;
  admin: boolean;
}

/** The environment variable holding a worker's {@link WorkerConfig} as JSON. */
export const WORKER_CONFIG_ENV = 'POKEBENCH_CLUSTER_WORKER_CONFIG';

/** A reply crossing IPC (bodies are strings: admin replies are JSON). */
export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Worker → primary. */
export type WorkerMessage =
  | { type: 'pokebench:ready'; url: string }
  | { type: 'pokebench:admin'; id: number; method: string; path: string; body: string }
  | { type: 'pokebench:stats'; id: number; stats: MockStats }
  | { type: 'pokebench:done'; id: number; error?: string | undefined };

/** Primary → worker. */
export type PrimaryMessage =
  | { type: 'pokebench:admin-reply'; id: number; reply: WireReply }
  | { type: 'pokebench:get-stats'; id: number }
  | { type: 'pokebench:set-profile'; id: number; profile: Profile }
  | { type: 'pokebench:reset'; id: number }
  | { type: 'pokebench:shutdown'; drainTimeoutMs: number };

/** Whether an IPC message is one of ours (other libraries may use the channel too). */
export function isPokebenchMessage(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && (message as { type: string }).type.startsWith('pokebench:');
}
