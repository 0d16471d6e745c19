import { describe, expect, it } from 'vitest';
import { findGo, findPython, INSTALL_COMMANDS } from '../../src/peers/index.ts';

describe('findPython', () => {
  it('uses POKEBENCH_PYTHON alone when set, and says what is missing and how to install it', async () => {
    const found = await findPython({ env: { POKEBENCH_PYTHON: '/nonexistent/python3', PATH: '/usr/bin' } });
    expect(found).toEqual({
      toolchain: 'python',
      available: false,
      problem: '/nonexistent/python3: not found',
      install: 'sudo apt-get install -y python3-httpx',
    });
  });

  it('rejects an executable that cannot import httpx, with its complaint', async () => {
    // node is executable but is no Python: `-c` is not an option it knows.
    const found = await findPython({ env: { POKEBENCH_PYTHON: process.execPath } });
    expect(found.available).toBe(false);
    expect(found.problem).toContain(process.execPath);
    expect(found.install).toBe(INSTALL_COMMANDS.python);
  });

  it('tries /usr/bin/python3 and then python3 on PATH when no override is set', async () => {
    const found = await findPython({ env: { PATH: '/nonexistent-dir' } });
    if (found.available) {
      expect(found.path).toBe('/usr/bin/python3');
      expect(found.version).toMatch(/^3\.\d+\.\d+, httpx \d+\.\d+/);
    } else {
      expect(found.problem).toContain('/usr/bin/python3');
      expect(found.problem).toContain('python3: not found');
    }
  });
});

describe('findGo', () => {
  it('uses POKEBENCH_GO alone when set, and names the install command when it does not work', async () => {
    const found = await findGo({ env: { POKEBENCH_GO: '/nonexistent/go', PATH: '/usr/bin' } });
    expect(found).toMatchObject({ toolchain: 'go', available: false, problem: '/nonexistent/go: not found', install: 'sudo apt-get install -y golang-go' });
  });

  it('tries go on PATH, then /usr/lib/go/bin/go', async () => {
    const found = await findGo({ env: { PATH: '/nonexistent-dir' } });
    if (found.available) {
      expect(found.path).toBe('/usr/lib/go/bin/go');
      expect(found.version).toMatch(/^go\d+\.\d+/);
    } else {
      expect(found.problem).toBe('go: not found; /usr/lib/go/bin/go: not found');
    }
  });
});
