import v8 from 'node:v8';
import vm from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { startChildMockServer } from '../mock-server/node/child.ts';
import { createUndiciClient } from '../src/clients/undici-client.ts';
import { measureTrial } from '../src/measure/index.ts';
import { concurrent, workers, bounded } from '../src/strategies/index.ts';
import { readServerUsage, usageSince } from '../src/sweep/index.ts';
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const mode = process.argv[2] ?? 'plain';
const ns = (process.argv[3] ?? '400,800').split(',').map(Number);
const reps = Number(process.argv[4] ?? 12);
const server = await startChildMockServer({ profile: 'fast-jitter-30ms' });
const strategy = concurrent();
const rows: Record<number, string[]> = {};
const own: Record<number, number[]> = {};
for (let i = 0; i < 6; i++) await measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: server.url }), n: 800 });
async function quiet(): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < 40; i++) {
    const c0 = process.cpuUsage(); const s0 = await readServerUsage(server.url);
    await sleep(25);
    const c = process.cpuUsage(c0); const s = usageSince(s0, await readServerUsage(server.url));
    if ((c.user + c.system) / 1000 < 3 && s.cpuMs < 3) break;
  }
  return performance.now() - t0;
}
const waits: number[] = [];
for (let r = 0; r < reps; r++) for (const n of ns) {
  if (mode.includes('mixed') && n === ns[0]) { await measureTrial({ strategy: workers(6), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 80 }); await measureTrial({ strategy: bounded(6), fetchOne: createUndiciClient({ baseUrl: server.url }), n: 80 }); }
  if (mode.includes('quiet')) waits.push(await quiet());
  if (mode.includes('gc')) gc();
  if (mode.includes('sleep')) await sleep(100);
  const before = await readServerUsage(server.url);
  const t = await measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: server.url }), n });
  const s = usageSince(before, await readServerUsage(server.url));
  const rq = t.loopThread?.runQueueMs ?? 0;
  (own[n] ??= []).push(t.wallMs - rq);
  (rows[n] ??= []).push(`${t.wallMs.toFixed(0)}/${(t.loopThread?.cpuMs ?? 0).toFixed(0)}/${rq.toFixed(0)}/${s.cpuMs.toFixed(0)}`);
}
for (const n of ns) {
  const o = own[n]!.toSorted((a, b) => a - b);
  const med = o[Math.floor(o.length / 2)]!;
  console.log(mode, n, 'own med', med.toFixed(0), 'min', (o[0]! / med).toFixed(2), 'max', (o.at(-1)! / med).toFixed(2), '| wall/cpu/rq/srv', rows[n]!.join(' '));
}
if (waits.length) console.log('quiet waits', waits.map(w=>w.toFixed(0)).join(' '));
await server.close?.();
process.exit(0);
