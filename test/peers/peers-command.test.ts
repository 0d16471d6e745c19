import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { findGo, findPython, SHIPPED_PEER_NAMES } from '../../src/peers/index.ts';
import { fakeIo } from '../cli/fake-io.ts';

const goodPeer = fileURLToPath(new URL('../fixtures/peers/good.mjs', import.meta.url));

describe('pokebench peers check', () => {
  it('lists every shipped peer with its toolchain, and exits 1 with the install commands when none is found', async () => {
    const f = fakeIo({ PATH: '/nonexistent-dir', POKEBENCH_PYTHON: '/nonexistent/python3', POKEBENCH_GO: '/nonexistent/go' });
    expect(await main(['peers', 'check'], f.io)).toBe(1);
    const out = f.stdout();
    for (const name of SHIPPED_PEER_NAMES) expect(out).toMatch(new RegExp(`^${name} +(python|go) +missing +install: sudo apt-get install -y`, 'm'));
    expect(out).toContain('sudo apt-get install -y python3-httpx');
    expect(out).toContain('sudo apt-get install -y golang-go');
    expect(out).toContain('/nonexistent/python3: not found');
  });

  it('exits 0 exactly when both toolchains are found on this machine, showing where', async () => {
    const f = fakeIo(process.env);
    const [python, go] = await Promise.all([findPython(), findGo()]);
    expect(await main(['peers', 'check'], f.io)).toBe(python.available && go.available ? 0 : 1);
    if (python.available) expect(f.stdout()).toMatch(new RegExp(`^py-sync +python +ok +${python.path}`, 'm'));
    if (go.available) expect(f.stdout()).toMatch(new RegExp(`^go-goroutines +go +ok +${go.path}`, 'm'));
  });
});

describe('pokebench peers list', () => {
  it('shows each shipped peer with its model and exits 0', async () => {
    const f = fakeIo();
    expect(await main(['peers', 'list'], f.io)).toBe(0);
    expect(f.stdout()).toMatch(/^py-asyncio +python +bounded\(100\) +httpx\.AsyncClient/m);
    expect(f.stdout()).toMatch(/^py-sync +python +sequential/m);
    expect(f.stdout()).toMatch(/^go-goroutines +go +concurrent/m);
  });
});

describe('pokebench peers run', () => {
  it('runs a program given with --command against the embedded mock and prints the report', async () => {
    const f = fakeIo(process.env);
    const code = await main(['peers', 'run', '--command', `"${process.execPath}" "${goodPeer}"`, '--n', '5', '--profile', 'instant'], f.io);
    expect(f.stderr()).toBe('');
    expect(code).toBe(0);
    expect(f.stdout()).toMatch(/^client +node-fetch-fixture +\(N = 5, profile instant\)/m);
    expect(f.stdout()).toMatch(/^outcomes +ok 5, http-error 0, network-error 0, timeout 0$/m);
    expect(f.stdout()).toMatch(/^wait roof +0\.0 ms +\(concurrent/m);
  });

  it('prints the raw report with --json', async () => {
    const f = fakeIo(process.env);
    expect(await main(['peers', 'run', '--command', `"${process.execPath}" "${goodPeer}"`, '--n', '3', '--profile', 'instant', '--json'], f.io)).toBe(0);
    const report = JSON.parse(f.stdout()) as { protocol: string; counts: { ok: number } };
    expect(report.protocol).toBe('pokebench-peer/1');
    expect(report.counts.ok).toBe(3);
  });

  it('exits 3 with the reason when the peer fails', async () => {
    const f = fakeIo(process.env);
    expect(await main(['peers', 'run', '--command', `"${process.execPath}" -e "process.exit(4)"`, '--n', '1', '--profile', 'instant'], f.io)).toBe(3);
    expect(f.stderr()).toContain('exited with code 4');
  });

  it.each([
    [['run', 'py-sink'], 'unknown peer "py-sink"'],
    [['run'], 'which peer?'],
    [['run', 'py-sync', '--n', '0'], '--n must be a whole number from 1'],
    [['run', 'py-sync', '--n', 'many'], '--n must be a whole number'],
    [['run', 'py-sync', '--pool', 'lots'], '--pool must be a whole number'],
    [['run', 'py-sync', '--payload', 'huge'], '--payload must be one of slim, realistic'],
    [['run', 'py-sync', '--command', 'node x.mjs'], 'not both'],
    [['run', '--command', 'node "x.mjs'], '--command: peer command line has an unterminated'],
    [['frobnicate'], "expected 'check', 'list' or 'run NAME'"],
    [['list', '--nn', '3'], "Unknown option '--nn'"],
  ])('rejects peers %j with exit 2 and a message naming the problem', async (argv, message) => {
    const f = fakeIo(process.env);
    expect(await main(['peers', ...argv], f.io)).toBe(2);
    expect(f.stderr()).toContain(message);
  });

  it('prints its help for --help, on each subcommand', async () => {
    for (const argv of [['--help'], ['check', '--help'], ['run', 'py-sync', '--help']]) {
      const f = fakeIo();
      expect(await main(['peers', ...argv], f.io)).toBe(0);
      expect(f.stdout()).toContain('Usage: pokebench peers <check|list|run>');
      expect(f.stdout()).toContain('--n N');
    }
  });
});
