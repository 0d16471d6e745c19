/**
 * Flags that may also come from the environment, as a container sets them:
 * `--port` ↔ `POKEBENCH_PORT`, `--admin-token` ↔ `POKEBENCH_ADMIN_TOKEN`. A
 * flag wins; an empty variable counts as unset; an error about a value that
 * came from a variable names the variable.
 */
import { UsageError, type Parsed } from './args.ts';

/** The environment variable of a flag: `admin-token` → `POKEBENCH_ADMIN_TOKEN`. */
export function envName(flag: string): string {
  return `POKEBENCH_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/** Parsed flags filled from the environment, and where each value came from. */
export interface EnvFlags {
  values: Parsed['values'];
  /** `--name` or `POKEBENCH_NAME`: what the user set, for error messages. */
  source(flag: string): string;
  /** Runs a flag check; a {@link UsageError} about a value from a variable names the variable instead of the flag. */
  check<T>(flag: string, read: (values: Parsed['values']) => T): T;
}

/** Fills each of `flags` that is not on the command line from its `POKEBENCH_*` variable. */
export function withEnvFlags(values: Parsed['values'], env: Record<string, string | undefined>, flags: readonly string[]): EnvFlags {
  const merged: Parsed['values'] = { ...values };
  const fromEnv = new Set<string>();
  for (const flag of flags) {
    if (merged[flag] !== undefined) continue;
    const raw = env[envName(flag)];
    if (raw === undefined || raw === '') continue;
    merged[flag] = raw;
    fromEnv.add(flag);
  }
  const source = (flag: string) => (fromEnv.has(flag) ? envName(flag) : `--${flag}`);
  return {
    values: merged,
    source,
    check(flag, read) {
      try {
        return read(merged);
      } catch (error) {
        if (error instanceof UsageError && fromEnv.has(flag)) throw new UsageError(error.message.replaceAll(`--${flag}`, envName(flag)));
        throw error;
      }
    },
  };
}
