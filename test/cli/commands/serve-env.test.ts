import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { envName, withEnvFlags } from '../../../src/cli/env-flags.ts';
import { SERVE_ENV_FLAGS } from '../../../src/cli/commands/serve.ts';
import { startMockServer } from '../../../mock-server/node/server.ts';
import { fakeIo } from '../fake-io.ts';

/** Runs `pokebench serve` until it listens, hands over its URL and output, then stops it. */
async function serving(argv: string[], env: Record<string, string>, use: (url: string, stdout: string) => Promise<void>): Promise<number> {
  const f = fakeIo(env);
  const exit = main(['serve', ...argv], f.io);
  while (!f.stdout().includes('listening on')) {
    if (f.stderr()) throw new Error(f.stderr());
    await new Promise((r) => setTimeout(r, 10));
  }
  try {
    await use(/listening on (\S+)/.exec(f.stdout())?.[1] ?? '', f.stdout());
  } finally {
    f.signal();
  }
  return await exit;
}

describe('pokebench serve off loopback', () => {
  it.each([
    [['--host', '0.0.0.0'], {}],
    [[], { POKEBENCH_HOST: '0.0.0.0' }],
    [['--host', '::'], { POKEBENCH_ADMIN_TOKEN: '' }],
  ])('refuses %j %j without an admin token, naming the flags and variables that fix it (exit 2, nothing bound)', async (argv, env) => {
    const f = fakeIo(env);
    expect(await main(['serve', '--profile', 'instant', ...argv], f.io)).toBe(2);
    expect(f.stderr()).toContain('not loopback');
    for (const fix of ['--admin-token', 'POKEBENCH_ADMIN_TOKEN', '--admin off', 'POKEBENCH_ADMIN=off']) expect(f.stderr()).toContain(fix);
    expect(f.stdout()).not.toContain('listening on');
  });

  it('the library refuses the same, and starts off loopback with a token or with the admin API off', async () => {
    await expect(startMockServer({ host: '0.0.0.0' })).rejects.toMatchObject({ code: 'ERR_POKEBENCH_ADMIN_EXPOSED', message: expect.stringContaining('options.adminToken') });
    // 192.0.2.1 (TEST-NET-1) is on no interface: past the rule, the bind itself fails, so nothing is exposed.
    const bindFails = { code: 'ERR_POKEBENCH_SERVER_START_FAILED', message: expect.stringContaining('Failed to listen on 192.0.2.1') };
    await expect(startMockServer({ host: '192.0.2.1', adminToken: 't', warn: () => {} })).rejects.toMatchObject(bindFails);
    await expect(startMockServer({ host: '192.0.2.1', admin: false, warn: () => {} })).rejects.toMatchObject(bindFails);
  });
});

describe('pokebench serve options from POKEBENCH_* variables', () => {
  it('names each variable after its flag', () => {
    expect(SERVE_ENV_FLAGS.map(envName)).toEqual([
      'POKEBENCH_PORT',
      'POKEBENCH_HOST',
      'POKEBENCH_PROFILE',
      'POKEBENCH_SEED',
      'POKEBENCH_PAYLOAD',
      'POKEBENCH_WORKERS',
      'POKEBENCH_ADMIN',
      'POKEBENCH_ADMIN_TOKEN',
    ]);
  });

  it('reads profile, seed and admin from the environment; a flag wins over its variable', async () => {
    await serving([], { POKEBENCH_PROFILE: 'fixed-100ms', POKEBENCH_SEED: '42', POKEBENCH_ADMIN: 'off' }, async (url, stdout) => {
      expect(stdout).toContain('profile fixed-100ms (seed 42)');
      expect(stdout).toContain('admin API: off');
      expect((await fetch(`${url}/__admin/stats`)).status).toBe(404);
      expect((await fetch(`${url}/__admin/health`)).status).toBe(200);
    });
    await serving(['--profile', 'instant', '--seed', '7'], { POKEBENCH_PROFILE: 'fixed-100ms', POKEBENCH_SEED: '42' }, async (url, stdout) => {
      expect(stdout).toContain('profile instant (seed 7)');
      const profile = (await (await fetch(`${url}/__admin/profile`)).json()) as { name: string; seed: number };
      expect(profile).toMatchObject({ name: 'instant', seed: 7 });
    });
  });

  it('reads the port from POKEBENCH_PORT', async () => {
    const probe = await startMockServer();
    const port = probe.port;
    await probe.close();
    await serving(['--profile', 'instant'], { POKEBENCH_PORT: String(port) }, async (url) => {
      expect(url).toBe(`http://127.0.0.1:${port}`);
    });
  });

  it.each([
    [{ POKEBENCH_PORT: 'eighty' }, 'POKEBENCH_PORT must be a whole number from 0 to 65535'],
    [{ POKEBENCH_PAYLOAD: 'huge' }, 'POKEBENCH_PAYLOAD must be one of slim, realistic'],
    [{ POKEBENCH_WORKERS: 'many' }, "POKEBENCH_WORKERS must be 'auto' or a whole number"],
    [{ POKEBENCH_ADMIN: 'maybe' }, 'POKEBENCH_ADMIN must be one of on, off'],
  ])('a bad value from %j names the variable, not the flag (exit 2)', async (env, message) => {
    const f = fakeIo(env);
    expect(await main(['serve'], f.io)).toBe(2);
    expect(f.stderr()).toContain(message);
  });

  it('an empty variable counts as unset, and the flag keeps its own name in errors', () => {
    const flags = withEnvFlags({ port: 'x' }, { POKEBENCH_PORT: '80', POKEBENCH_HOST: '' }, ['port', 'host']);
    expect(flags.values).toEqual({ port: 'x' });
    expect(flags.source('port')).toBe('--port');
    expect(flags.source('host')).toBe('--host');
  });

  it('serves from cluster workers with --workers, and reports them', async () => {
    await serving(['--profile', 'instant', '--workers', '2'], {}, async (url, stdout) => {
      expect(stdout).toContain('2 workers (round-robin)');
      expect(await (await fetch(`${url}/__admin/health`)).json()).toMatchObject({ workers: 2, expected: 2 });
    });
  }, 60_000);
});
