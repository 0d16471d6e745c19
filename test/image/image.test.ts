import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile, sampleDelay } from '../../mock-server/profile/index.ts';
import { DRAW_HEADER } from '../../mock-server/core/draw-header.ts';
import { docker, dockerPossible, ensureDocker, importStandInNode } from './docker.ts';

// The real image: built from the Dockerfile on a stand-in for its Node base
// (this machine's Node, as no registry may be reachable), run as two replicas
// with --network host on two loopback ports. Skips where docker cannot run,
// unless POKEBENCH_REQUIRE_DOCKER=1 (CI), where that is a failure.
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RUN_ID = `${process.pid}-${Date.now()}`;
const BASE = `pokebench-test/node-standin:${RUN_ID}`;
const IMAGE = `pokebench-test/pokebench:${RUN_ID}`;
const TOKEN = 'image-test-token';
const PROFILE = 'jitter-100ms';

// Only looks at collection (listing the tests starts nothing); beforeAll starts dockerd if needed.
const possible = await dockerPossible();
const required = process.env['POKEBENCH_REQUIRE_DOCKER'] === '1';
const unavailable = (reason: string): string => {
  if (required) throw new Error(`POKEBENCH_REQUIRE_DOCKER=1 but docker cannot run here: ${reason}.`);
  console.warn(`skipping the image test: ${reason}. Set POKEBENCH_REQUIRE_DOCKER=1 to make this a failure.`);
  return reason;
};
if (!possible.ok) unavailable(possible.reason);

/** A free loopback port (bound, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
}

describe.runIf(possible.ok)('the OCI image', () => {
  let stopDocker = async () => {};
  /** Set when dockerd would not start after all: each test then skips with it. */
  let skipped: string | undefined;
  const containers: string[] = [];
  const replicas: string[] = [];
  // Every layer the build made (the build stage's are left untagged): removed at the end.
  const layers: string[] = [];

  beforeAll(async () => {
    const daemon = await ensureDocker();
    if (!daemon.ok) {
      skipped = unavailable(daemon.reason);
      return;
    }
    stopDocker = daemon.stop;
    await importStandInNode(BASE);
    const built = await docker(['build', '--network', 'host', '--build-arg', `NODE_IMAGE=${BASE}`, '-t', IMAGE, REPO], { timeoutMs: 240_000 });
    layers.push(...[...built.matchAll(/ ---> ([0-9a-f]{12})$/gm)].map((m) => m[1]!));
    expect(built).toContain('Successfully tagged');
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const id = await docker([
        'run', '-d', '--network', 'host',
        '-e', 'POKEBENCH_HOST=127.0.0.1', '-e', `POKEBENCH_PORT=${port}`,
        '-e', `POKEBENCH_PROFILE=${PROFILE}`, '-e', `POKEBENCH_ADMIN_TOKEN=${TOKEN}`,
        IMAGE,
      ]);
      containers.push(id);
      replicas.push(`http://127.0.0.1:${port}`);
    }
    for (const url of replicas) await waitFor(async () => (await fetch(`${url}/__admin/health`)).ok, `${url} to answer`, 30_000);
  }, 300_000);

  afterAll(async () => {
    if (skipped !== undefined) return;
    if (containers.length) await docker(['rm', '-f', ...containers]).catch(() => '');
    await docker(['rmi', '-f', IMAGE, BASE, ...layers.toReversed()]).catch(() => '');
    await stopDocker();
  }, 60_000);

  it('runs as a non-root user, with a HEALTHCHECK that turns healthy', async (ctx) => {
    if (skipped !== undefined) ctx.skip(skipped);
    expect(await docker(['inspect', '--format', '{{.Config.User}}', IMAGE])).toBe('1000:1000');
    const pid = await docker(['inspect', '--format', '{{.State.Pid}}', containers[0]!]);
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe('1000');
    await waitFor(async () => (await docker(['inspect', '--format', '{{.State.Health.Status}}', containers[0]!])) === 'healthy', 'the health check', 45_000);
  }, 60_000);

  it('answers health and a pokemon, with the profile set from the environment', async (ctx) => {
    if (skipped !== undefined) ctx.skip(skipped);
    for (const url of replicas) {
      expect(await (await fetch(`${url}/__admin/health`)).json()).toMatchObject({ status: 'ok' });
      const res = await fetch(`${url}/api/v2/pokemon/25`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { name: string }).name).toBe('pikachu');
      const profile = await fetch(`${url}/__admin/profile`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(((await profile.json()) as { name: string }).name).toBe(PROFILE);
    }
  });

  it('refuses the admin API without the token and accepts it with the token', async (ctx) => {
    if (skipped !== undefined) ctx.skip(skipped);
    const url = replicas[0]!;
    expect((await fetch(`${url}/__admin/stats`)).status).toBe(401);
    expect((await fetch(`${url}/__admin/stats`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${url}/__admin/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('gives the same delay to the same (key, draw) on both replicas', async (ctx) => {
    if (skipped !== undefined) ctx.skip(skipped);
    const profile = await loadProfile(PROFILE);
    for (const [key, draw] of [[1, '0'], [25, '3'], [151, 'ci/run-1/7']] as const) {
      const delays = await Promise.all(
        replicas.map(async (url) => {
          const res = await fetch(`${url}/api/v2/pokemon/${key}`, { headers: { [DRAW_HEADER]: draw } });
          await res.arrayBuffer();
          return Number(res.headers.get('x-mock-delay-ms'));
        }),
      );
      expect(delays[0]).toBe(delays[1]);
      if (/^\d+$/.test(draw)) expect(delays[0]).toBe(sampleDelay(profile, 'pokemon', String(key), Number(draw)));
    }
  });
});

