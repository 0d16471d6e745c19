import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from './fake-io.ts';

describe('pokebench (no command)', () => {
  it('prints the command list and exits 2 when no command is given, 0 for --help', async () => {
    const none = fakeIo();
    expect(await main([], none.io)).toBe(2);
    expect(none.stdout()).toContain('Commands:');
    const help = fakeIo();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('serve');
  });

  it('names an unknown command and exits 2', async () => {
    const f = fakeIo();
    expect(await main(['srve'], f.io)).toBe(2);
    expect(f.stderr()).toContain("unknown command 'srve'");
  });
});

describe('pokebench serve', () => {
  it('prints its help', async () => {
    const f = fakeIo();
    expect(await main(['serve', '--help'], f.io)).toBe(0);
    expect(f.stdout()).toContain('--profile NAME|PATH');
  });

  it.each([
    [['--port', 'eighty'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['--payload', 'huge'], '--payload must be one of slim, realistic'],
    [['--prot', '1'], "Unknown option '--prot'"],
    [['--profile', 'no-such-profile'], 'no-such-profile'],
  ])('rejects %j with a message naming the flag, exit 2', async (argv, message) => {
    const f = fakeIo();
    expect(await main(['serve', ...argv], f.io)).toBe(2);
    expect(f.stderr()).toContain(message);
  });

  it('serves until a signal, then drains and exits 0', async () => {
    const f = fakeIo();
    const exit = main(['serve', '--profile', 'instant', '--seed', '7'], f.io);
    while (!f.stdout().includes('listening on')) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (\S+)/.exec(f.stdout())?.[1];
    const res = await fetch(`${url}/api/v2/pokemon/25`);
    expect(res.status).toBe(200);
    expect(f.stdout()).toContain('seed 7');
    f.signal();
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/api/v2/pokemon/25`)).rejects.toThrow();
  });
});

describe('pokebench profile', () => {
  it('lists the shipped profiles with their descriptions', async () => {
    const f = fakeIo();
    expect(await main(['profile', 'list'], f.io)).toBe(0);
    for (const name of ['instant', 'fixed-100ms', 'jitter-100ms', 'pokeapi-like', 'bimodal']) expect(f.stdout()).toContain(name);
  });

  it('shows a profile: percentiles and a histogram', async () => {
    const f = fakeIo();
    expect(await main(['profile', 'show', 'jitter-100ms', '--samples', '2000'], f.io)).toBe(0);
    expect(f.stdout()).toMatch(/p99/);
  });

  it('rejects a missing or unknown profile, exit 2', async () => {
    const missing = fakeIo();
    expect(await main(['profile', 'show'], missing.io)).toBe(2);
    const unknown = fakeIo();
    expect(await main(['profile', 'show', 'nope'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('fixed-100ms');
  });
});
