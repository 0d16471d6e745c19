import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { parseCommandLine } from '../../src/peers/index.ts';

/** Quotes a word the POSIX way: in single quotes, with each ' written as '\''. */
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

describe('parseCommandLine', () => {
  it.each([
    ['python3 peer.py', ['python3', 'peer.py']],
    ['  node   "my peer.mjs"  --n 3 ', ['node', 'my peer.mjs', '--n', '3']],
    [`go run 'a b'"c d"e`, ['go', 'run', 'a bc de']],
    [String.raw`echo a\ b "say \"hi\"" ''`, ['echo', 'a b', 'say "hi"', '']],
    ['echo $HOME *.py | cat', ['echo', '$HOME', '*.py', '|', 'cat']],
  ])('splits %j without a shell', (line, words) => {
    expect(parseCommandLine(line)).toEqual(words);
  });

  it.each([['node "oops'], ["node 'oops"], ['   ']])('rejects %j, naming the peer option', (line) => {
    expect(() => parseCommandLine(line)).toThrow(InvalidOptionError);
  });

  it('gives back any words that were quoted and joined (law: parse(join(quote(w))) = w)', () =>
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (words) => {
        expect(parseCommandLine(words.map(quote).join(' '))).toEqual(words);
      }),
    ));
});
