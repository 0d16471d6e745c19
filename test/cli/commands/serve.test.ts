import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fakeIo } from '../fake-io.ts';

/** Runs `pokebench serve` until it listens, hands its URL to `use`, then stops it; resolves to the exit code. */
async function serving(argv: string[], env: Record<string, string>, use: (url: string, f: ReturnType<typeof fakeIo>) => Promise<void>): Promise<number> {
  const f = fakeIo(env);
  const exit = main(['serve', '--profile', 'instant', ...argv], f.io);
  while (!f.stdout().includes('listening on')) {
    if (f.stderr()) throw new Error(f.stderr());
    await new Promise((r) => setTimeout(r, 10));
  }
  try {
    await use(/listening on (\S+)/.exec(f.stdout())?.[1] ?? '', f);
  } finally {
    f.signal();
  }
  return await exit;
}

const stats = (url: string, token?: string) =>
  fetch(`${url}/__admin/stats`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('pokebench serve --admin-token', () => {
  it('documents the flag and its environment variable', async () => {
    const f = fakeIo();
    expect(await main(['serve', '--help'], f.io)).toBe(0);
    expect(f.stdout()).toContain('--admin-token TOKEN');
    expect(f.stdout()).toContain('POKEBENCH_ADMIN_TOKEN');
  });

  it('makes the admin API ask for the token, without printing it', async () => {
    const code = await serving(['--admin-token', 'flag-token'], {}, async (url, f) => {
      expect(await stats(url)).toBe(401);
      expect(await stats(url, 'flag-token')).toBe(200);
      expect(f.stdout()).toContain('bearer token required');
      expect(f.stdout() + f.stderr()).not.toContain('flag-token');
    });
    expect(code).toBe(0);
  });

  it('reads POKEBENCH_ADMIN_TOKEN, and the flag wins over it', async () => {
    await serving([], { POKEBENCH_ADMIN_TOKEN: 'env-token' }, async (url) => {
      expect(await stats(url, 'env-token')).toBe(200);
      expect(await stats(url)).toBe(401);
    });
    await serving(['--admin-token', 'flag-token'], { POKEBENCH_ADMIN_TOKEN: 'env-token' }, async (url) => {
      expect(await stats(url, 'flag-token')).toBe(200);
      expect(await stats(url, 'env-token')).toBe(401);
    });
  });

  it('leaves the admin API token-free when neither is set (an empty variable counts as unset)', async () => {
    await serving([], { POKEBENCH_ADMIN_TOKEN: '' }, async (url) => {
      expect(await stats(url)).toBe(200);
    });
  });

  it.each([
    [['--admin-token', 'has space'], {}, '--admin-token must be a non-empty token'],
    [[], { POKEBENCH_ADMIN_TOKEN: 'bad token' }, 'POKEBENCH_ADMIN_TOKEN must be a non-empty token'],
  ])('rejects an unusable token %j %j naming where it came from, exit 2', async (argv, env, message) => {
    const f = fakeIo(env);
    expect(await main(['serve', ...argv], f.io)).toBe(2);
    expect(f.stderr()).toContain(message);
    expect(f.stderr()).not.toMatch(/has space|bad token/);
  });
});
