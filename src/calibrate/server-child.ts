/**
 * The child process of a calibration: the mock PokeAPI and a bare node:http
 * server answering the mock's bytes, in one process of their own, so the load
 * generator (autocannon, in the parent) never shares their event loop.
 *
 * Protocol: argv[2] is the payload size, argv[3] the ladder's fixed delay in
 * ms. Prints one JSON line `{ "mock": url, "bare": url, "bareDelayed": url,
 * "bytes": n }` once all listen; serves until
 * its stdin closes (the parent ended it, or died), then closes both servers
 * and exits. The parent switches the mock's profile through the admin API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer } from '../../mock-server/node/index.ts';

const payload = process.argv[2] === 'realistic' ? 'realistic' : 'slim';
const ladderDelayMs = Number(process.argv[3] ?? 50);
const mock = await startMockServer({ profile: 'instant', payload, warn: () => {} });
const sample = await fetch(`${mock.url}/api/v2/pokemon/25`);
const body = Buffer.from(await sample.arrayBuffer());
const headers: Record<string, string | number> = {};
sample.headers.forEach((value, name) => {
  if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) headers[name] = value;
});
headers['content-length'] = body.length;
// The cleared sample request must not count in the mock's stats or delay streams.
mock.api.reset();

// The physical limit: the same bytes at once, no routing, no sampler, no stats.
const bare = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
  req.resume();
  res.writeHead(200, headers).end(body);
});
await new Promise<void>((resolve) => bare.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

// The ladder's physical limit: the same bytes after the same fixed delay, on a plain timer. What
// this server adds at p99 (timer granularity, the machine, the load generator) the mock is not blamed for.
const bareDelayed = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
  req.resume();
  setTimeout(() => res.writeHead(200, headers).end(body), ladderDelayMs);
});
await new Promise<void>((resolve) => bareDelayed.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve));
const bareDelayedUrl = `http://127.0.0.1:${(bareDelayed.address() as AddressInfo).port}`;

process.stdout.write(`${JSON.stringify({ mock: mock.url, bare: bareUrl, bareDelayed: bareDelayedUrl, bytes: body.length })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  for (const server of [bare, bareDelayed]) {
    server.close();
    server.closeAllConnections();
  }
  void mock.close({ drainTimeoutMs: 100 }).then(() => process.exit(0));
});
