/**
 * `npm run soak`: mixed load against a misbehaving mock, bounded in time and
 * count, then the books. autocannon and the `concurrent` strategy load the
 * mock (its own process, the `overloaded` profile: 5% faults, a concurrency
 * cap of 32 with a queue of 256, 2 MB/s) at the same time.
 *
 * Prints: requests served, outcomes per kind, injected faults per kind, the
 * server's RSS before and after, and the unaccounted requests. Bars: 0
 * unaccounted, 0 crashes, RSS growth < 50 MB.
 *
 * Unaccounted = strategy requests whose outcome count is missing (Σ outcomes
 * ≠ N for a run) + responses the server still holds once every client has
 * gone (its live in-flight, running and queued counters must return to 0).
 *
 * Usage: npm run soak [-- --seconds 60 --profile overloaded]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startChildMockServer, type MockStats } from '../mock-server/index.ts';
import { createUndiciClient } from '../src/clients/undici-client.ts';
import { MeasurementInvariantError, measureTrial } from '../src/measure/index.ts';
import { concurrent } from '../src/strategies/index.ts';
import { OUTCOMES, type Outcome } from '../src/types/index.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, profile: { type: 'string', default: 'overloaded' } } });
const seconds = Number(values.seconds);
if (!(Number.isInteger(seconds) && seconds >= 5 && seconds <= 3600)) {
  console.error(`soak: --seconds must be a whole number from 5 to 3600, got ${values.seconds}`);
  process.exit(2);
}
const N = 400; // with 32 autocannon connections, more than the cap and its queue hold: some see 503 queue-full
const MAX_RUNS = seconds * 20; // a hard count bound beside the time bound
const TIMEOUT_MS = 2_000;

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

async function stats(url: string): Promise<MockStats> {
  const res = await fetch(`${url}/__admin/stats`, { signal: AbortSignal.timeout(5_000) });
  return (await res.json()) as MockStats;
}

const server = await startChildMockServer({ profile: values.profile });
let crashed = false;
try {
  console.log(`pokebench soak: ${seconds} s of autocannon (32 connections) + concurrent(N=${N}) against '${values.profile}' at ${server.url}`);
  // Warm the server's JIT and heap before the "before" reading, so growth means a leak, not start-up.
  await autocannon({ url: `${server.url}/api/v2/pokemon/25`, connections: 16, duration: 2, timeout: TIMEOUT_MS / 1000 });
  await fetch(`${server.url}/__admin/reset`, { method: 'POST' });
  const rssBefore = await rssMb(server.pid);

  const deadline = performance.now() + seconds * 1000;
  const outcomes: Record<Outcome, number> = { ok: 0, 'http-error': 0, 'network-error': 0, timeout: 0 };
  let runs = 0;
  let missing = 0;
  const strategyLoad = (async () => {
    while (performance.now() < deadline && runs < MAX_RUNS) {
      runs += 1;
      let run;
      try {
        run = await measureTrial({ strategy: concurrent(), fetchOne: createUndiciClient({ baseUrl: server.url }), n: N, timeoutMs: TIMEOUT_MS });
      } catch (error) {
        // measureTrial checks every request ended as exactly one outcome; a run that broke that counts whole.
        if (!(error instanceof MeasurementInvariantError)) throw error;
        console.log(`  run ${runs}: ${error.message}`);
        missing += N;
        continue;
      }
      for (const o of OUTCOMES) outcomes[o] += run.counts[o];
      if (runs % 25 === 0) {
        const left = Math.max(0, (deadline - performance.now()) / 1000).toFixed(0);
        console.log(`  ${runs} strategy runs, ${left} s left, server RSS ${(await rssMb(server.pid)).toFixed(1)} MB`);
      }
    }
  })();
  const ids = Array.from({ length: 50 }, (_, i) => ({ method: 'GET' as const, path: `/api/v2/pokemon/${i * 20 + 1}` }));
  const cannon = autocannon({ url: server.url, requests: ids, connections: 32, duration: seconds, timeout: TIMEOUT_MS / 1000 });
  const [load] = await Promise.all([cannon, strategyLoad]);

  // Every client has gone; give the server a moment to see the last sockets close.
  let live = (await stats(server.url)).live;
  for (let i = 0; i < 50 && live && live.inFlight + live.running + live.queued > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    live = (await stats(server.url)).live;
  }
  const final = await stats(server.url);
  const rssAfter = await rssMb(server.pid);
  crashed = !server.alive;
  const held = live ? live.inFlight + live.running + live.queued : Number.NaN;
  const unaccounted = missing + held;

  const faults: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  for (const route of Object.values(final.routes)) {
    for (const [kind, n] of Object.entries(route.faults)) faults[kind] = (faults[kind] ?? 0) + n;
    for (const [status, n] of Object.entries(route.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  }
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .toSorted((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  console.log('');
  console.log(`server   received ${final.requests} requests; statuses: ${list(statuses)}`);
  console.log(`         injected: ${list(faults) || 'none'}`);
  console.log(`strategy ${runs} runs × ${N} = ${runs * N} requests; outcomes: ${list(outcomes)}`);
  console.log(`autocannon ${load.requests.sent} sent, 2xx ${load['2xx']}, non-2xx ${load.non2xx}, errors ${load.errors} (timeouts ${load.timeouts}, resets ${load.resets})`);
  console.log(`RSS      before ${rssBefore.toFixed(1)} MB, after ${rssAfter.toFixed(1)} MB, growth ${(rssAfter - rssBefore).toFixed(1)} MB (bar < 50 MB: ${rssAfter - rssBefore < 50 ? 'met' : 'NOT met'})`);
  console.log(`crashes  ${crashed ? 1 : 0} (bar 0: ${crashed ? 'NOT met' : 'met'})`);
  console.log(`unaccounted ${unaccounted} (outcomes missing ${missing}; still held by the server ${held}: in-flight ${live?.inFlight}, running ${live?.running}, queued ${live?.queued}) (bar 0: ${unaccounted === 0 ? 'met' : 'NOT met'})`);
  process.exitCode = unaccounted === 0 && !crashed && rssAfter - rssBefore < 50 ? 0 : 1;
} finally {
  await server.close();
}
