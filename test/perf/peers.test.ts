/**
 * The peers' wall-clock upper bounds: a client that claims to send all N at
 * once must finish well below a pool's time. Timed, so it lives in the perf
 * project (one file at a time); the unit peer tests keep only the lower bounds
 * the wait forces. Peers are required where POKEBENCH_REQUIRE_PEERS=1 (CI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServerHandle } from '../../mock-server/index.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { buildGoPeer, findGo, findPython, runPeer } from '../../src/peers/index.ts';
import { peerSuite } from '../helpers/require-peers.ts';

const N = 30;
const DELAY_MS = 100;
// All N at once takes about one L; a pool of 4 would take ⌈N/4⌉·L = 8 L. N·L/4
// (7.5 L) leaves a loaded 2-core box several hundred ms of process start-up.
const ALL_AT_ONCE_BOUND_MS = (N * DELAY_MS) / 4;
const python = await findPython();
const go = await findGo();

let server: MockServerHandle;
beforeAll(async () => {
  server = await startMockServer({ profile: parseProfile({ name: 'fixed-100ms', seed: 1, delay: { type: 'fixed', ms: DELAY_MS } }), port: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function wallMs(peer: string, options: { pool?: number | 'unlimited' } = {}): Promise<number> {
  const result = await runPeer(peer, { url: server.url, n: N, runTimeoutMs: 30_000, ...options });
  if (result.kind !== 'ok') throw new Error(`${result.reason}: ${result.message}\n${result.stderrTail}`);
  expect(result.report.counts.ok).toBe(N);
  return result.report.wallMs;
}

describe.runIf(peerSuite(python.available, 'python3 with httpx', 'Install python3-httpx (apt-get install python3-httpx) or set POKEBENCH_PYTHON.'))('Python peers on the wall clock', () => {
  it("py-asyncio with httpx's pool of 100 sends all 30 in one round: wall below N·L/4", async () => {
    expect(await wallMs('py-asyncio')).toBeLessThan(ALL_AT_ONCE_BOUND_MS);
  });

  it('py-asyncio-unlimited sends all at once: wall below N·L/4', async () => {
    expect(await wallMs('py-asyncio-unlimited')).toBeLessThan(ALL_AT_ONCE_BOUND_MS);
  });
});

describe.runIf(peerSuite(go.available, 'Go', 'Install golang-go (apt-get install golang-go) or set POKEBENCH_GO.'))('the Go peer on the wall clock', () => {
  beforeAll(async () => {
    const built = await buildGoPeer({ path: go.path as string, version: go.version });
    if (!built.ok) throw new Error(built.message);
  }, 180_000);

  it('go-goroutines sends all at once: wall below N·L/4', async () => {
    expect(await wallMs('go-goroutines')).toBeLessThan(ALL_AT_ONCE_BOUND_MS);
  });
});
