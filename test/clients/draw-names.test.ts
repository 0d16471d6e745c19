import { describe, expect, it } from 'vitest';
import { drawNamer } from '../../src/clients/draw-names.ts';
import { createUndiciClient } from '../../src/clients/undici-client.ts';
import { startMockServer } from '../../mock-server/node/server.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';

describe('drawNamer', () => {
  it('names the n-th request of each id under the prefix', () => {
    const name = drawNamer('run-3');
    expect([name(25), name(25), name(1), name(25)]).toEqual(['run-3/25.0', 'run-3/25.1', 'run-3/1.0', 'run-3/25.2']);
  });
});

describe('createUndiciClient({ drawPrefix })', () => {
  it('gets the same delays from two replicas, and other delays under another prefix', async () => {
    const profile = parseProfile({ seed: 9, delay: { type: 'uniform', min: 0, max: 5 } }, 'test');
    const [a, b] = await Promise.all([startMockServer({ profile }), startMockServer({ profile })]);
    const delays = async (url: string, prefix: string) => {
      const fetchOne = createUndiciClient({ baseUrl: url, drawPrefix: prefix });
      try {
        const out: (number | undefined)[] = [];
        for (const id of [1, 2, 1, 3]) out.push((await fetchOne(id, new AbortController().signal)).delayMs);
        return out;
      } finally {
        await fetchOne.close();
      }
    };
    try {
      const first = await delays(a.url, 'run-0');
      expect(await delays(b.url, 'run-0')).toEqual(first);
      // A replica that already served other requests still agrees: the name, not its counter, picks the draw.
      expect(await delays(a.url, 'run-0')).toEqual(first);
      expect(await delays(b.url, 'run-1')).not.toEqual(first);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
