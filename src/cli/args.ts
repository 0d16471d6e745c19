/**
 * Argument parsing shared by every command: node's `parseArgs` in strict
 * mode (an unknown flag is an error that names it), plus value checks that
 * name the flag and the rule.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../mock-server/errors/index.ts';

export { UsageError };

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed flags and positionals of one command. */
export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `argv` against `options`; unknown flags and missing values become {@link UsageError}s. */
export function parse(command: string, argv: readonly string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(`pokebench ${command}: ${message} See 'pokebench ${command} --help'.`);
  }
}

/** An integer flag in [min, max], or its default. */
export function intFlag(values: Parsed['values'], name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}.`);
  }
  return value;
}

/** A flag that takes one of `choices`. */
export function choiceFlag<T extends string>(values: Parsed['values'], name: string, choices: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}.`);
  }
  return raw as T;
}

/** A string flag, or undefined. */
export function stringFlag(values: Parsed['values'], name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/**
 * A comma-separated list flag, or undefined. Commas inside parentheses do
 * not split (`bounded(4),sequential`); blanks are dropped.
 */
export function listFlag(values: Parsed['values'], name: string): string[] | undefined {
  return stringFlag(values, name)
    ?.split(/,(?![^(]*\))/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A comma-separated list of whole numbers from 1 to `max`, or undefined; a bad entry names the flag. */
export function intListFlag(values: Parsed['values'], name: string, max = Number.MAX_SAFE_INTEGER): number[] | undefined {
  return listFlag(values, name)?.map((s) => {
    if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? '>= 1' : `from 1 to ${max}`;
      throw new UsageError(`--${name} must list whole numbers ${range}, got ${JSON.stringify(s)}.`);
    }
    return Number(s);
  });
}

/**
 * The gate's noise threshold from a flag: `10%` or `0.1`; `undefined` when
 * the flag is absent.
 *
 * @throws {UsageError} for anything else, or a value outside (0, 1).
 */
export function parseThreshold(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(raw);
  const value = pct ? Number(pct[1]) / 100 : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value > 0 && value < 1)) throw new UsageError(`--threshold must be a percentage below 100% like 10% (or a fraction below 1 like 0.1), got ${JSON.stringify(raw)}.`);
  return value;
}
