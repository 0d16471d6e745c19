import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServerHandle } from '../../mock-server/index.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { findPython, runPeer, type PeerReport, type RunPeerOptions } from '../../src/peers/index.ts';
import { peerSuite } from '../helpers/require-peers.ts';

// Runs only where Debian's python3-httpx (or $POKEBENCH_PYTHON) is installed;
// CI installs it and requires it (POKEBENCH_REQUIRE_PEERS=1). Wall-clock upper
// bounds live in test/perf/peers.test.ts. Each law below is a bound the wait alone forces, so it can
// only fail if a client is not doing what its model claims.
const python = await findPython();
const N = 30;
const DELAY_MS = 100;

let server: MockServerHandle;

async function run(peer: string, options: Partial<RunPeerOptions> = {}): Promise<PeerReport> {
  const result = await runPeer(peer, { url: server.url, n: N, runTimeoutMs: 30_000, ...options });
  if (result.kind !== 'ok') throw new Error(`${result.reason}: ${result.message}\n${result.stderrTail}`);
  const { counts, delaysMs } = result.report;
  expect(counts).toEqual({ ok: N, 'http-error': 0, 'network-error': 0, timeout: 0 });
  expect(delaysMs).toEqual(Array.from({ length: N }, () => DELAY_MS));
  expect(result.report.cpuMs.user + result.report.cpuMs.system).toBeGreaterThan(0);
  // Linux tells each thread's run-queue wait, and the peer sums it over its window.
  if (process.platform === 'linux') expect(result.report.runQueueMs).toBeGreaterThanOrEqual(0);
  return result.report;
}

describe.runIf(peerSuite(python.available, 'python3 with httpx', 'Install python3-httpx (apt-get install python3-httpx) or set POKEBENCH_PYTHON.'))(`the shipped Python peers (${python.path ?? 'no python with httpx'})`, () => {
  beforeAll(async () => {
    server = await startMockServer({ profile: parseProfile({ name: 'fixed-100ms', seed: 1, delay: { type: 'fixed', ms: DELAY_MS } }), port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('py-sync waits for each request in turn: sequential, wall ≥ N·L', async () => {
    const report = await run('py-sync');
    expect(report.client).toBe('py-sync');
    expect(report.model).toEqual({ kind: 'sequential' });
    expect(report.wallMs).toBeGreaterThanOrEqual(N * DELAY_MS);
    // One thread cannot wait for a CPU longer than the window it was measured over.
    if (process.platform === 'linux') expect(report.runQueueMs).toBeLessThanOrEqual(report.wallMs);
  });

  it("py-threadpool uses Python's default min(32, cpus+4) threads: bounded(k), wall ≥ ⌈N/k⌉·L", async () => {
    const k = Math.min(32, os.cpus().length + 4);
    const report = await run('py-threadpool');
    expect(report.model).toEqual({ kind: 'bounded', k });
    expect(report.wallMs).toBeGreaterThanOrEqual(Math.ceil(N / k) * DELAY_MS);
  });

  it('py-threadpool takes its thread count from POKEBENCH_WORKERS', async () => {
    const report = await run('py-threadpool', { workers: 3 });
    expect(report.model).toEqual({ kind: 'bounded', k: 3 });
    expect(report.wallMs).toBeGreaterThanOrEqual((N / 3) * DELAY_MS);
  });

  it("py-asyncio keeps httpx's default pool of 100 connections: bounded(100), wall ≥ L", async () => {
    const report = await run('py-asyncio');
    expect(report.model).toEqual({ kind: 'bounded', k: 100 });
    expect(report.wallMs).toBeGreaterThanOrEqual(DELAY_MS);
  });

  it('py-asyncio takes its pool size from POKEBENCH_POOL: bounded(5), wall ≥ ⌈N/5⌉·L', async () => {
    const report = await run('py-asyncio', { pool: 5 });
    expect(report.model).toEqual({ kind: 'bounded', k: 5 });
    expect(report.wallMs).toBeGreaterThanOrEqual(Math.ceil(N / 5) * DELAY_MS);
  });

  it('py-asyncio drops the pool limit for POKEBENCH_POOL=unlimited: concurrent', async () => {
    const report = await run('py-asyncio', { pool: 'unlimited' });
    expect(report.client).toBe('py-asyncio');
    expect(report.model).toEqual({ kind: 'concurrent' });
  });

  it('py-asyncio reports when each request left: N send times within its window', async () => {
    const report = await run('py-asyncio-unlimited');
    expect(report.sentMs).toHaveLength(N);
    for (const sent of report.sentMs!) {
      expect(sent).toBeGreaterThanOrEqual(0);
      // Each left at least one delay before the window closed: its response took L.
      expect(sent! + DELAY_MS).toBeLessThanOrEqual(report.wallMs + 1);
    }
  });

  it('py-asyncio-unlimited sends all at once: concurrent, wall ≥ L', async () => {
    const report = await run('py-asyncio-unlimited');
    expect(report.client).toBe('py-asyncio-unlimited');
    expect(report.model).toEqual({ kind: 'concurrent' });
    expect(report.wallMs).toBeGreaterThanOrEqual(DELAY_MS);
  });

  it('counts refused connections as network errors, one per request, with no delay', async () => {
    const closed = await startMockServer({ profile: 'instant', port: 0 });
    const url = closed.url;
    await closed.close();
    const result = await runPeer('py-sync', { url, n: 3 });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(result.report.counts).toEqual({ ok: 0, 'http-error': 0, 'network-error': 3, timeout: 0 });
    expect(result.report.delaysMs).toEqual([null, null, null]);
    expect(Object.keys(result.report.errors ?? {})[0]).toContain('ConnectError');
  });
});
