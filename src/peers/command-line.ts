/**
 * Splitting a user's peer command line (`python3 my_peer.py --fast`) into
 * argv without a shell: the peer is spawned directly, so nothing in the line
 * is expanded, globbed or piped. Quotes group words, as in a POSIX shell.
 */
import { InvalidOptionError } from '../../mock-server/errors/index.ts';

/**
 * Splits `line` into words: whitespace separates; `'…'` keeps everything
 * literally; `"…"` keeps everything but `\"` and `\\`; a backslash outside
 * quotes escapes the next character.
 *
 * @throws InvalidOptionError (`option`: `peer`) for an unterminated quote or an empty line.
 * @example parseCommandLine(`node "my peer.mjs" --n 3`) // ['node', 'my peer.mjs', '--n', '3']
 */
export function parseCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new InvalidOptionError('peer', `peer command line has an unterminated ${quote} quote: ${JSON.stringify(line)}.`);
  if (inWord) words.push(word);
  if (words.length === 0) throw new InvalidOptionError('peer', 'peer command line is empty: give a program to run, e.g. "python3 my_peer.py".');
  return words;
}
