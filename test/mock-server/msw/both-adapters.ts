/**
 * The msw ⇄ node contract tests' setup: one profile served by the real
 * server and by msw handlers for the same origin. msw intercepts global
 * fetch, while undici's own `request` (not intercepted by msw) reaches the
 * real server, so a test can ask both the same thing.
 */
import { afterAll, beforeAll } from 'vitest';
import { setupServer } from 'msw/node';
import { createMswHandlers, startMockServer, type MockServerHandle } from '../../../mock-server/index.ts';
import type { Profile } from '../../../mock-server/profile/index.ts';

/** Both adapters of one profile, started before the file's tests and closed after them. */
export function useBothAdapters(profile: Profile, close: { drainTimeoutMs?: number } = {}): { readonly real: MockServerHandle } {
  let real: MockServerHandle | undefined;
  let msw: ReturnType<typeof setupServer> | undefined;
  beforeAll(async () => {
    real = await startMockServer({ profile });
    const { handlers } = await createMswHandlers({ profile, origin: real.url });
    msw = setupServer(...handlers);
    msw.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(async () => {
    msw?.close();
    await real?.close(close);
  });
  return {
    get real() {
      if (real === undefined) throw new Error('useBothAdapters: the servers start in beforeAll; read `real` inside a test.');
      return real;
    },
  };
}
