import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_DEFAULTS, resolveClientOptions } from '../../src/clients/client-options.ts';
import type { ClientOptions } from '../../src/clients/client-options.ts';
import { createFetchClient } from '../../src/clients/fetch-client.ts';
import { createUndiciClient } from '../../src/clients/undici-client.ts';

const baseUrl = 'http://127.0.0.1:3000';

describe('resolveClientOptions', () => {
  it('fills every default from CLIENT_DEFAULTS', () => {
    expect(resolveClientOptions({ baseUrl })).toEqual({ ...CLIENT_DEFAULTS, baseUrl, origin: baseUrl, basePath: '' });
  });

  it('treats an undefined option as the default', () => {
    expect(resolveClientOptions({ baseUrl, connections: undefined, parse: undefined })).toEqual(resolveClientOptions({ baseUrl }));
  });

  it('keeps a path prefix without its trailing slash and accepts a URL object', () => {
    expect(resolveClientOptions({ baseUrl: new URL(`${baseUrl}/mock/`) })).toMatchObject({
      baseUrl: `${baseUrl}/mock`,
      origin: baseUrl,
      basePath: '/mock',
    });
  });

  it.each<[keyof ClientOptions, unknown]>([
    ['baseUrl', 'not a url'],
    ['baseUrl', 'ftp://127.0.0.1/'],
    ['baseUrl', `${baseUrl}/?page=2`],
    ['baseUrl', 3000],
    ['connections', 0],
    ['connections', 2.5],
    ['pipelining', -1],
    ['connectTimeoutMs', 0],
    ['headersTimeoutMs', -1],
    ['bodyTimeoutMs', Number.NaN],
    ['keepAliveTimeoutMs', 0],
    ['parse', 'yes'],
  ])('rejects options.%s = %s with INVALID_OPTION naming it', (option, value) => {
    const options = { baseUrl, [option]: value } as unknown as ClientOptions;
    expect(() => resolveClientOptions(options)).toThrowError(
      expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option, message: expect.stringContaining(`options.${option} must be`) }),
    );
  });

  it('is idempotent: resolving resolved options changes nothing', () =>
    fc.assert(
      fc.property(
        fc.record(
          {
            connections: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constant(Infinity)),
            pipelining: fc.integer({ min: 0, max: 10 }),
            connectTimeoutMs: fc.integer({ min: 1, max: 60_000 }),
            headersTimeoutMs: fc.integer({ min: 0, max: 60_000 }),
            bodyTimeoutMs: fc.integer({ min: 0, max: 60_000 }),
            keepAliveTimeoutMs: fc.integer({ min: 1, max: 60_000 }),
            parse: fc.boolean(),
            prefix: fc.constantFrom('', '/', '/mock', '/a/b/'),
          },
          { requiredKeys: ['prefix'] },
        ),
        ({ prefix, ...rest }) => {
          const once = resolveClientOptions({ baseUrl: baseUrl + prefix, ...rest });
          expect(resolveClientOptions(once)).toEqual(once);
        },
      ),
    ));
});

describe.each([
  ['createUndiciClient', createUndiciClient],
  ['createFetchClient', createFetchClient],
])('%s', (_name, create) => {
  it('validates its options at the entry, before opening anything', () => {
    expect(() => create({ baseUrl, connections: -3 })).toThrowError(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option: 'connections' }));
  });
});
