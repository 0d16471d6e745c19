/**
 * `npm run bench:contention`: does the model read a busy machine as an
 * inefficient client? `concurrent` at N = 100 against the mock in its own
 * process (fast-jitter-30ms), each run a fresh client, alternating between a
 * quiet machine and one with a busy loop in another process (a neighbour on a
 * CI box). For each run it prints efficiency twice, from the same
 * measurements: with each event loop's serial time as its thread's CPU plus
 * its run-queue wait (what the kit uses on Linux), and as its busy time capped
 * by its process CPU (the fallback elsewhere). Bar: the median with the
 * run-queue wait moves by at most 0.05 when the neighbour starts.
 *
 * Prints figures; asserts nothing. Linux only (the run-queue wait is read
 * from /proc/thread-self/schedstat). Bounded: `--runs` runs per condition,
 * and the busy neighbour exits on its own after 120 s.
 *
 *   npx tsx scripts/bench-contention.ts [--runs 12] [--n 100]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startChildMockServer } from '../mock-server/node/child.ts';
import { createUndiciClient } from '../src/clients/undici-client.ts';
import { measureTrial } from '../src/measure/index.ts';
import { concurrent } from '../src/strategies/index.ts';
import { median } from '../src/stats/index.ts';
import { modelOfTrial, readServerUsage, usageSince } from '../src/sweep/index.ts';

const BAR = 0.05;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '12' }, n: { type: 'string', default: '100' } } });
const runs = Number(values.runs);
const n = Number(values.n);
if (!(Number.isInteger(runs) && runs >= 1 && Number.isInteger(n) && n >= 1)) throw new Error(`--runs and --n must be whole numbers >= 1, got ${values.runs} and ${values.n}.`);
if (process.platform !== 'linux') throw new Error('bench:contention reads /proc/thread-self/schedstat: run it on Linux.');

const strategy = concurrent();
const server = await startChildMockServer({ profile: 'fast-jitter-30ms' });
const context = { cpus: os.availableParallelism() };

/** A neighbour: another process spinning on one core, for at most 120 s. */
function startNeighbour(): ChildProcess {
  return spawn(process.execPath, ['-e', 'const end = Date.now() + 120_000; while (Date.now() < end) {}'], { stdio: 'ignore' });
}

async function once(): Promise<{ withWait: number; without: number; runQueueMs: number; serverRunQueueMs: number }> {
  const before = await readServerUsage(server.url);
  const run = await measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: server.url }), n });
  run.server = usageSince(before, await readServerUsage(server.url));
  if (!run.loopThread || !run.server.loopThread) throw new Error('no run-queue wait measured: is /proc/thread-self/schedstat readable here?');
  const withWait = modelOfTrial(strategy, run, context).idealMs / run.wallMs;
  const bare = { ...run, loopThread: undefined, server: { cpuMs: run.server.cpuMs, loopActiveMs: run.server.loopActiveMs } };
  const without = modelOfTrial(strategy, bare, context).idealMs / run.wallMs;
  return { withWait, without, runQueueMs: run.loopThread.runQueueMs, serverRunQueueMs: run.server.loopThread.runQueueMs };
}

const samples = { quiet: [] as Awaited<ReturnType<typeof once>>[], busy: [] as Awaited<ReturnType<typeof once>>[] };
try {
  // Warm the client's code paths once, unmeasured.
  await once();
  for (let r = 0; r < runs; r++) {
    samples.quiet.push(await once());
    const neighbour = startNeighbour();
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      samples.busy.push(await once());
    } finally {
      neighbour.kill();
    }
  }
} finally {
  await server.close();
}

const f = (x: number) => x.toFixed(2);
console.log(`concurrent, N = ${n}, ${runs} runs per condition, ${context.cpus} cores`);
console.log('condition  efficiency (run-queue wait billed)  efficiency (busy time)  client run-queue ms  mock run-queue ms');
const medians: Record<string, number> = {};
for (const [name, list] of Object.entries(samples)) {
  medians[name] = median(list.map((s) => s.withWait));
  console.log(
    `${name.padEnd(9)}  ${f(medians[name]!).padStart(34)}  ${f(median(list.map((s) => s.without))).padStart(22)}  ${median(list.map((s) => s.runQueueMs)).toFixed(1).padStart(19)}  ${median(list.map((s) => s.serverRunQueueMs)).toFixed(1).padStart(17)}`,
  );
}
const moved = Math.abs(medians.busy! - medians.quiet!);
console.log(`a busy neighbour moved the median efficiency by ${f(moved)} (bar ≤ ${BAR}): ${moved <= BAR ? 'met' : 'NOT met'}`);
