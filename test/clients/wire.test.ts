import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonParseError, parseDelayMs, pokemonPath } from '../../src/clients/wire.mjs';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseDelayMs', () => {
  it('reads the number the server stamps, as text with two decimals', () =>
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (ms) => {
        const stamped = ms.toFixed(2);
        expect(parseDelayMs(stamped)).toBe(Number(stamped));
      }),
    ));

  it.each([undefined, null, '', '  ', 'soon', '-1', 'NaN', 'Infinity'])('is undefined for %j', (raw) => {
    expect(parseDelayMs(raw)).toBeUndefined();
  });

  it('takes the first of a repeated header', () => {
    expect(parseDelayMs(['12.5', '99'])).toBe(12.5);
  });
});

describe('jsonParseError', () => {
  it('parses only a 2xx other than 204, like a client that checks the status first', () => {
    const text = bytes('Not Found');
    expect(jsonParseError(200, text, true)).toBeInstanceOf(SyntaxError);
    expect(jsonParseError(201, text, true)).toBeInstanceOf(SyntaxError);
    for (const status of [204, 301, 404, 429, 500]) expect(jsonParseError(status, text, true)).toBeUndefined();
  });

  it('accepts any JSON body and skips parsing when parse is off', () => {
    expect(jsonParseError(200, bytes('{"id":1}'), true)).toBeUndefined();
    expect(jsonParseError(200, bytes('{"id":'), false)).toBeUndefined();
  });

  it('treats an empty 200 body as malformed', () => {
    expect(jsonParseError(200, bytes(''), true)).toBeInstanceOf(SyntaxError);
  });
});

describe('pokemonPath', () => {
  it('puts the id under the base path', () => {
    expect(pokemonPath('', 25)).toBe('/api/v2/pokemon/25');
    expect(pokemonPath('/mock', 25)).toBe('/mock/api/v2/pokemon/25');
  });
});
