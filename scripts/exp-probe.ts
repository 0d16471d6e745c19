import { startChildMockServer } from '../mock-server/node/child.ts';
import { createUndiciClient } from '../src/clients/undici-client.ts';
import { measureTrial } from '../src/measure/index.ts';
import { speedProbe } from '../src/measure/speed-probe.ts';
import { concurrent } from '../src/strategies/index.ts';
const server = await startChildMockServer({ profile: 'fast-jitter-30ms' });
const strategy = concurrent();
const med = (a: number[]) => a.toSorted((x, y) => x - y)[Math.floor(a.length / 2)]!;
for (let i = 0; i < 6; i++) { speedProbe(); await measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: server.url }), n: 800 }); }
const data: Record<number, { cpu: number; probe: number }[]> = {};
for (let r = 0; r < 15; r++) for (const n of [100, 400, 800]) {
  const a = speedProbe();
  const t = await measureTrial({ strategy, fetchOne: createUndiciClient({ baseUrl: server.url }), n });
  const b = speedProbe();
  (data[n] ??= []).push({ cpu: t.loopThread!.cpuMs, probe: (a + b) / 2 });
}
const probes = Object.values(data).flat().map((d) => d.probe);
console.log(JSON.stringify({ probe: med(probes), ...Object.fromEntries(Object.entries(data).map(([n, d]) => [n, [med(d.map((x) => x.cpu)), med(d.map((x) => x.cpu / x.probe))]])) }));
await server.close();
process.exit(0);
