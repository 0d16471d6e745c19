import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATE_HELP, calibrate, calibrateOptionsFromFlags } from '../../src/cli/commands/calibrate.ts';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from '../cli/fake-io.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-calibrate-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pokebench calibrate (command line)', () => {
  it('prints its help, stating the rules and the time bounds', async () => {
    const { io, stdout } = fakeIo();
    expect(await calibrate(['--help'], io)).toBe(0);
    expect(stdout()).toBe(CALIBRATE_HELP);
    expect(CALIBRATE_HELP).toMatch(/max\(1 ms, 5% of theory\) of theory's 95% sampling band\s+for the responses measured; p99.9 is reported, not judged/);
    expect(CALIBRATE_HELP).toContain('mock p99 - bare p99 < budget (1 ms)');
    expect(CALIBRATE_HELP).toMatch(/bounded under 2 minutes.*--quick\s+takes 10-25 s/s);
  });

  it('maps flags to options', () => {
    expect(calibrateOptionsFromFlags({ profile: 'fixed-100ms', quick: true, connections: '4', ladder: '1, 8,64', budget: '2.5', payload: 'realistic' })).toEqual({
      profile: 'fixed-100ms',
      quick: true,
      payload: 'realistic',
      fidelityConnections: 4,
      ladder: [1, 8, 64],
      budgetMs: 2.5,
    });
    expect(calibrateOptionsFromFlags({})).toEqual({ profile: undefined, quick: false, payload: 'slim' });
  });

  it('rejects bad flag values with exit 2, naming the flag', async () => {
    for (const [argv, message] of [
      [['--ladder', '8,1'], '--ladder must be ascending'],
      [['--ladder', '1,x'], '--ladder must list whole numbers'],
      [['--budget=-1'], '--budget must be a number'],
      [['--budget', 'soon'], '--budget must be a number'],
      [['--connections', '0'], '--connections must be a whole number'],
      [['--payload', 'huge'], '--payload must be one of slim, realistic'],
      [['--bogus'], "Unknown option '--bogus'"],
      [['extra'], 'unexpected argument "extra"'],
    ] as const) {
      const { io, stderr } = fakeIo();
      expect(await main(['calibrate', ...argv], io), argv.join(' ')).toBe(2);
      expect(stderr()).toContain(message);
    }
  });

  it('fails on an unknown profile before starting any server', async () => {
    const { io, stderr } = fakeIo();
    expect(await main(['calibrate', '--profile', 'no-such-profile', '--out', dir], io)).toBe(2);
    expect(stderr()).toContain('no shipped profile has that name');
    expect(stderr()).not.toContain('starting the mock');
  });
});
