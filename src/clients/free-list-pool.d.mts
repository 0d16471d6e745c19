/** Types of free-list-pool.mjs (plain JS so worker threads can load it). */
import { Dispatcher } from 'undici';
import type { Pool } from 'undici';

/**
 * A `Dispatcher` over undici `Client`s whose dispatch costs O(1) whatever the
 * number of connections: free connections sit on a stack, requests past
 * `connections` wait in a FIFO queue. Takes undici `Pool`'s options.
 */
export declare class FreeListPool extends Dispatcher {
  constructor(origin: string | URL, options?: Pool.Options);
  /** Connections open or opening. */
  get size(): number;
  /** Requests waiting for a connection. */
  get queued(): number;
  get closed(): boolean;
  get destroyed(): boolean;
}
