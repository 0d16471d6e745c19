import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as errors from '../mock-server/errors/index.ts';
import { INVALID_JSON } from '../src/clients/wire.mjs';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const codes = Object.values(errors.ERROR_CODES);

describe('the error codes', () => {
  it('are unique and follow one convention', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^ERR_POKEBENCH_[A-Z_]+$/);
  });

  it('are each documented in the README with the class that throws it', () => {
    for (const [name, code] of Object.entries(errors.ERROR_CODES)) {
      expect(README).toMatch(new RegExp(`\\| \`${code}\` \\| [^|]*\`${name}\``));
    }
  });

  it('name a class of mock-server/errors/ that extends PokebenchError', () => {
    const classes = errors as unknown as Record<string, unknown>;
    for (const name of Object.keys(errors.ERROR_CODES)) {
      const ctor = classes[name] as { prototype: unknown } | undefined;
      expect(ctor?.prototype, name).toBeInstanceOf(errors.PokebenchError);
    }
  });

  it('give every exported error class a code of the list', () => {
    const thrown = [
      new errors.InvalidOptionError('options.x', 'm'),
      new errors.InvalidArgumentError('k', 'm'),
      new errors.UsageError('m'),
      new errors.ConfigError('m'),
      new errors.ProfileError([{ path: 'delay', rule: 'must be > 0' }]),
      new errors.ProfileNotFoundError('x', 'm', []),
      new errors.FixtureError('m'),
      new errors.ServerStartError('m'),
      new errors.InvalidJsonError(200, 'm'),
      new errors.InvalidPoolSizeError('bounded', 0),
      new errors.InvalidStrategyOptionError('timeoutMs', 'm'),
      new errors.InvalidStrategySpecError('x', 'r', []),
      new errors.WorkerSpecMissingError('workers(2)'),
      new errors.WorkerStartError('workers(2)', 'r'),
      new errors.InternalError('m'),
      new errors.MeasurementInvariantError('m'),
      new errors.SweepTimeoutError(1000),
      new errors.ResultsInvalidError('f', 'version', 'r'),
      new errors.InvalidReportOptionError('width', 'm'),
      new errors.CalibrationFileError('f', 'm'),
      new errors.CalibrationRunError('m'),
      new errors.SamplesInvalidError('f', 'm'),
      new errors.TooFewSamplesError('f', 3, 20),
      new errors.SamplesUnreadableError('f', 'm'),
      new errors.AdminExposedError('m'),
      new errors.ServerUsageError('http://127.0.0.1:1', 'r'),
      new errors.MachineLimitError('m'),
      new errors.MergeRefusedError('m'),
    ];
    for (const error of thrown) {
      expect(codes).toContain(error.code);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(new Set(thrown.map((e) => e.constructor.name))).toEqual(
      // Every class the module exports (PascalCase; its camelCase functions format zod issues).
      new Set(Object.entries(errors).filter(([k, v]) => typeof v === 'function' && /^[A-Z]/.test(k) && v !== errors.PokebenchError).map(([k]) => k)),
    );
  });

  it('are the codes a worker thread records for a malformed body, too', () => {
    expect(INVALID_JSON).toBe(errors.ERROR_CODES.InvalidJsonError);
  });
});
