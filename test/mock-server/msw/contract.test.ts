import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { parseProfile } from '../../../mock-server/profile/index.ts';
import { useBothAdapters } from './both-adapters.ts';

// Both adapters answer for the same origin: msw intercepts global fetch, while
// undici's own `request` (not intercepted by msw) reaches the real server.
const profile = parseProfile({ seed: 9, delay: { type: 'uniform', min: 0, max: 3 } });
const adapters = useBothAdapters(profile);

const HEADERS_THAT_MATTER = ['content-type', 'cache-control', 'access-control-allow-origin', 'x-mock-delay-ms', 'server-timing', 'allow'];

const CASES: [method: string, path: string][] = [
  ['GET', '/api/v2/pokemon/1'],
  ['GET', '/api/v2/pokemon/pikachu/'],
  ['GET', '/api/v2/pokemon/1'], // the second request for a key gets the key's second delay
  ['GET', '/api/v2/pokemon/mr-mime'],
  ['GET', '/api/v2/pokemon/1025/'],
  ['GET', '/api/v2/pokemon/0'],
  ['GET', '/api/v2/pokemon/missingno'],
  ['GET', '/api/v2/pokemon'],
  ['GET', '/api/v2/pokemon/?offset=1020&limit=10'],
  ['GET', '/api/v2/pokemon?limit=-1'],
  ['GET', '/api/v2/pokemon/%E0%A4%A'],
  ['GET', '/api/v2/berry/1'],
  ['DELETE', '/api/v2/pokemon/1'],
  ['HEAD', '/api/v2/pokemon/4'],
];

describe('contract: msw handlers answer exactly like the real server', () => {
  it.each(CASES)('%s %s', async (method, path) => {
    const viaReal = await request(`${adapters.real.url}${path}`, { method: method as 'GET' });
    const realBody = await viaReal.body.text();
    const viaMsw = await fetch(`${adapters.real.url}${path}`, { method });
    const mswBody = await viaMsw.text();

    expect(viaMsw.status).toBe(viaReal.statusCode);
    for (const name of HEADERS_THAT_MATTER) {
      expect(viaMsw.headers.get(name) ?? undefined, name).toBe(viaReal.headers[name]);
    }
    expect(mswBody).toBe(realBody);
  });
});
