import { readFile } from 'node:fs/promises';
import { validateResults } from '../gate/index.ts';
import type { Results } from '../results/types.ts';
import { UsageError } from '../../mock-server/errors.ts';

/** Reads and validates a results.json; errors name the file. Kept apart from `run` so `compare` does not load the charting stack. */
export async function readResults(file: string): Promise<Results> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Failed to read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Failed to read ${file}: not JSON (${(error as Error).message}).`);
  }
  return validateResults(json, file);
}

/** Runs a file write; a failure becomes a usage error that names the path, not a stack trace. */
export async function writable<T>(write: () => Promise<T>, file: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new UsageError(`Failed to write ${file}: ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim());
  }
}
