import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { customPeer, findShippedPeer, GO_PEER_DIR, PYTHON_PEER_DIR, SHIPPED_PEER_NAMES, SHIPPED_PEERS } from '../../src/peers/index.ts';

describe('the shipped peers', () => {
  it('are the blog four clients, five entries, each named once', () => {
    expect(SHIPPED_PEERS.map((p) => p.name)).toEqual([...SHIPPED_PEER_NAMES]);
    expect(SHIPPED_PEER_NAMES).toEqual(['py-sync', 'py-threadpool', 'py-asyncio', 'py-asyncio-unlimited', 'go-goroutines']);
  });

  it('point at files that exist in peers/', () => {
    for (const peer of SHIPPED_PEERS.filter((p) => p.toolchain === 'python')) {
      const [exe, flag, script] = peer.command('/usr/bin/python3');
      expect([exe, flag]).toEqual(['/usr/bin/python3', '-B']);
      expect(path.dirname(script ?? '')).toBe(path.resolve(PYTHON_PEER_DIR));
      expect(existsSync(script ?? '')).toBe(true);
    }
    expect(existsSync(path.join(GO_PEER_DIR, 'go.mod'))).toBe(true);
    expect(existsSync(path.join(PYTHON_PEER_DIR, 'pokebench_peer.py'))).toBe(true);
  });

  it('runs the unlimited asyncio peer as the asyncio file with --unlimited', () => {
    expect(findShippedPeer('py-asyncio-unlimited')?.command('py').slice(2)).toEqual([path.join(PYTHON_PEER_DIR, 'py_asyncio.py'), '--unlimited']);
  });

  it('tells shipped names from anything else', () => {
    expect(findShippedPeer('go-goroutines')?.name).toBe('go-goroutines');
    expect(findShippedPeer('go-routines')).toBeUndefined();
    expect(findShippedPeer('nope')).toBeUndefined();
  });
});

describe('customPeer', () => {
  it('splits a command line into argv and names the peer after it', () => {
    expect(customPeer(' python3 my_peer.py --fast ')).toEqual({ name: 'python3 my_peer.py --fast', command: ['python3', 'my_peer.py', '--fast'] });
  });

  it('keeps a { name, command } as given, copied', () => {
    const command = ['./peer', '-x'];
    const peer = customPeer({ name: 'mine', command });
    expect(peer).toEqual({ name: 'mine', command });
    expect(peer.command).not.toBe(command);
  });

  it.each([
    [{ name: 'x', command: [] }],
    [{ name: '', command: ['a'] }],
    [{ name: 'x', command: ['a', 3] as unknown as string[] }],
  ])('rejects %j with InvalidOptionError', (spec) => {
    expect(() => customPeer(spec)).toThrow(InvalidOptionError);
  });
});
