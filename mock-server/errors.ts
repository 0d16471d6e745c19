/**
 * The error base class of the kit (undici's `lib/core/errors.js` style): one
 * small base with a stable `code`, one subclass per failure, so callers can
 * branch on `error.code` instead of parsing messages.
 */

/**
 * Base class of every error the kit throws on purpose.
 *
 * @example
 * class ServerStartError extends PokebenchError {
 *   constructor(message: string, options?: ErrorOptions) {
 *     super('SERVER_START_FAILED', message, options);
 *   }
 * }
 */
export class PokebenchError extends Error {
  /** Stable, machine-readable reason (`PROFILE_INVALID`, `SERVER_START_FAILED`...). */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * A caller passed an option outside its documented range. The message names
 * the option (`options.samples must be a positive integer, got 0.`).
 */
export class InvalidOptionError extends PokebenchError {
  /** The offending option, e.g. `options.samples`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super('INVALID_OPTION', message);
    this.option = option;
  }
}
