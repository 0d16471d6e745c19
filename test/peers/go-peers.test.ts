import { appendFile, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServerHandle } from '../../mock-server/index.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';
import { buildGoPeer, findGo, GO_PEER_DIR, runPeer, type PeerReport, type RunPeerOptions } from '../../src/peers/index.ts';
import { peerSuite } from '../helpers/require-peers.ts';

// Runs only where Go is installed (Debian's golang-go, or $POKEBENCH_GO); CI
// installs it and requires it (POKEBENCH_REQUIRE_PEERS=1). Wall-clock upper
// bounds live in test/perf/peers.test.ts; here only bounds the wait forces. The first build on a cold Go build cache takes ~30 s on 2
// cores, so beforeAll builds once with its own timeout and the runs reuse it.
const go = await findGo();
const N = 30;
const DELAY_MS = 100;

let server: MockServerHandle;

async function run(options: Partial<RunPeerOptions> = {}): Promise<PeerReport> {
  const result = await runPeer('go-goroutines', { url: server.url, n: N, runTimeoutMs: 30_000, ...options });
  if (result.kind !== 'ok') throw new Error(`${result.reason}: ${result.message}\n${result.stderrTail}`);
  expect(result.report.counts).toEqual({ ok: N, 'http-error': 0, 'network-error': 0, timeout: 0 });
  expect(result.report.delaysMs).toEqual(Array.from({ length: N }, () => DELAY_MS));
  // Linux tells each thread's run-queue wait, and the peer sums it over its window.
  if (process.platform === 'linux') expect(result.report.runQueueMs).toBeGreaterThanOrEqual(0);
  return result.report;
}

describe.runIf(peerSuite(go.available, 'Go', 'Install golang-go (apt-get install golang-go) or set POKEBENCH_GO.'))(`the shipped Go peer (${go.version ?? 'no go'})`, () => {
  beforeAll(async () => {
    server = await startMockServer({ profile: parseProfile({ name: 'fixed-100ms', seed: 1, delay: { type: 'fixed', ms: DELAY_MS } }), port: 0 });
    const built = await buildGoPeer({ path: go.path as string, version: go.version });
    if (!built.ok) throw new Error(built.message);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('go-goroutines sends all at once: concurrent, wall ≥ L', async () => {
    const report = await run();
    expect(report.client).toBe('go-goroutines');
    expect(report.model).toEqual({ kind: 'concurrent' });
    expect(report.wallMs).toBeGreaterThanOrEqual(DELAY_MS);
  });

  it('go-goroutines caps connections per host at POKEBENCH_POOL: bounded(3), wall ≥ ⌈N/3⌉·L', async () => {
    const report = await run({ pool: 3 });
    expect(report.model).toEqual({ kind: 'bounded', k: 3 });
    expect(report.wallMs).toBeGreaterThanOrEqual(Math.ceil(N / 3) * DELAY_MS);
  });

  it('keys the binary by the source: the same source builds once, an edited one builds anew', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pokebench-go-copy-'));
    try {
      for (const name of ['go.mod', 'main.go']) await copyFile(path.join(GO_PEER_DIR, name), path.join(dir, name));
      const options = { sourceDir: dir, cacheDir: path.join(dir, 'cache') };
      const first = await buildGoPeer({ path: go.path as string, version: go.version }, options);
      const again = await buildGoPeer({ path: go.path as string, version: go.version }, options);
      await appendFile(path.join(dir, 'main.go'), '\n// edited\n');
      const edited = await buildGoPeer({ path: go.path as string, version: go.version }, options);
      if (!first.ok || !again.ok || !edited.ok) throw new Error('build failed');
      expect(path.dirname(first.binary)).toBe(options.cacheDir);
      expect(again.binary).toBe(first.binary);
      expect(edited.binary).not.toBe(first.binary);
      expect(edited.cached).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports a build failure with the compiler's message, and no binary", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pokebench-go-broken-'));
    try {
      await writeFile(path.join(dir, 'go.mod'), 'module broken\n\ngo 1.19\n');
      await writeFile(path.join(dir, 'main.go'), 'package main\n\nfunc main() { x := }\n');
      const built = await buildGoPeer({ path: go.path as string, version: go.version }, { sourceDir: dir, cacheDir: path.join(dir, 'cache') });
      expect(built.ok).toBe(false);
      if (!built.ok) expect(built.message).toMatch(/^go build failed in .*:\n[\s\S]*main\.go:3:\d+: syntax error/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
