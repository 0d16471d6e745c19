/** Types of slowed-worker-client.mjs (plain JS so worker threads can load it). */

/** Keeps this thread busy for `ms`: CPU the client spends, as slower code would. */
export declare function spin(ms: number): void;

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export declare function pause(ms: number, signal: AbortSignal): Promise<void>;

/** Builds the slowed client in a worker thread from its spec. */
declare function createSlowedClient(options: { inner: { module: string; options: unknown }; fraction: number; spinMs?: number }): Promise<unknown>;
export default createSlowedClient;
