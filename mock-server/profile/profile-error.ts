/**
 * The two ways getting a profile fails: it is not valid (`PROFILE_INVALID`),
 * or there is no such profile (`PROFILE_NOT_FOUND`).
 */
import { PokebenchError } from '../errors.ts';

/** One problem in a profile: the field's JSON path and the rule it breaks. */
export interface ProfileIssue {
  /** e.g. `routes.pokemon.delay.sigma`, `delay.components[0].weight`, `(root)`. */
  path: string;
  /** e.g. `must be > 0`. */
  rule: string;
}

/**
 * A profile that does not parse or does not follow the rules. The message
 * names the source and lists every issue on its own line as `path: rule`.
 */
export class ProfileError extends PokebenchError {
  /** Every problem found, in document order. */
  readonly issues: ProfileIssue[];
  /** Where the profile came from (a file path, `PUT /__admin/profile`), if known. */
  readonly source: string | undefined;

  constructor(issues: ProfileIssue[], source?: string, options?: ErrorOptions) {
    const where = source === undefined ? '' : ` from ${source}`;
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.rule}`);
    super(
      'PROFILE_INVALID',
      [
        `Failed to load the latency profile${where}: ${count}.`,
        ...lines,
        'Fix the fields above; the shipped profiles in fixtures/profiles/ are working examples.',
      ].join('\n'),
      options,
    );
    this.issues = issues;
    this.source = source;
  }
}

/** No shipped profile has that name, or no file is at that path. */
export class ProfileNotFoundError extends PokebenchError {
  /** The name or path asked for. */
  readonly requested: string;
  /** The shipped profile names, for "did you mean". */
  readonly available: string[];

  constructor(requested: string, message: string, available: string[], options?: ErrorOptions) {
    super('PROFILE_NOT_FOUND', message, options);
    this.requested = requested;
    this.available = available;
  }
}
