import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createMswHandlers } from '../../../mock-server/index.ts';
import { parseProfile } from '../../../mock-server/profile/index.ts';

// The msw adapter injects the same faults as the real server, where msw can
// express them: statuses and bodies as they are, broken connections as msw's network error.
const origin = 'http://faults.mock';
let msw: ReturnType<typeof setupServer>;
let api: Awaited<ReturnType<typeof createMswHandlers>>['api'];

beforeAll(async () => {
  const built = await createMswHandlers({ origin, profile: 'instant' });
  api = built.api;
  msw = setupServer(...built.handlers);
  msw.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => msw.close());

const withFaults = (faults: unknown[]) => api.setProfile(parseProfile({ seed: 1, delay: { type: 'fixed', ms: 0 }, faults }));

describe('msw adapter: faults', () => {
  it('answers an http-error fault with its status and a 429 with Retry-After', async () => {
    withFaults([{ kind: 'http-error', probability: 1, status: 500 }]);
    expect((await fetch(`${origin}/api/v2/pokemon/1`)).status).toBe(500);
    withFaults([{ kind: 'rate-limited', probability: 1, retryAfterSeconds: 2 }]);
    const limited = await fetch(`${origin}/api/v2/pokemon/1`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
  });

  it('cuts a malformed-json body in half with status 200', async () => {
    withFaults([{ kind: 'malformed-json', probability: 1 }]);
    const res = await fetch(`${origin}/api/v2/pokemon/1`);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it.each(['reset', 'empty'] as const)('turns %s into a network error', async (kind) => {
    withFaults([{ kind, probability: 1 }]);
    await expect(fetch(`${origin}/api/v2/pokemon/1`)).rejects.toThrow();
  });

  it('holds a hang until the client aborts', async () => {
    withFaults([{ kind: 'hang', probability: 1 }]);
    await expect(fetch(`${origin}/api/v2/pokemon/1`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });
});
