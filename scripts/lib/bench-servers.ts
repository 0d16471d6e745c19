/**
 * Child process of the server benchmark: starts a bare node:http server that
 * answers the mock's bytes and the mock server itself, prints both URLs as one
 * JSON line, and serves until its parent closes stdin. Load runs in the parent
 * so the load generator never shares an event loop with the server it loads.
 * A `cpu` line on stdin is answered with this process's `process.cpuUsage()`
 * as one JSON line, so the parent can bill server CPU to each run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { startMockServer } from '../../mock-server/index.ts';

const profile = process.argv[2] ?? 'instant';
const mock = await startMockServer({ profile });
const sample = await fetch(`${mock.url}/api/v2/pokemon/25`);
const body = Buffer.from(await sample.arrayBuffer());
const headers: Record<string, string | number> = {};
sample.headers.forEach((value, name) => {
  if (!['date', 'connection', 'keep-alive'].includes(name)) headers[name] = value;
});
const delayMs = Number(sample.headers.get('x-mock-delay-ms') ?? 0);

// The physical limit: the same bytes after the same delay, no routing, no sampler, no stats.
const bare = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
  req.resume();
  const send = () => res.writeHead(200, headers).end(body);
  if (delayMs > 0) setTimeout(send, delayMs);
  else send();
});
await new Promise<void>((resolve) => bare.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

process.stdout.write(`${JSON.stringify({ mock: mock.url, bare: bareUrl, bytes: body.length })}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'cpu') process.stdout.write(`${JSON.stringify(process.cpuUsage())}\n`);
});
process.stdin.on('end', () => {
  bare.close();
  bare.closeAllConnections();
  void mock.close({ drainTimeoutMs: 100 }).then(() => process.exit(0));
});
