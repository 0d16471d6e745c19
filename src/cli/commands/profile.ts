import { listProfiles, loadProfile, renderProfile } from '../../../mock-server/profile/index.ts';
import { intFlag, parse, UsageError } from '../args.ts';
import type { CommandIo } from '../io.ts';

export const PROFILE_HELP = `Usage: pokebench profile <list|show> [options]

  pokebench profile list               the shipped latency profiles
  pokebench profile show NAME|PATH     percentiles (theoretical and sampled) and a
                                       histogram of sampled delays, to see a
                                       profile's shape before running anything

Options (show):
  --samples N    delays to draw for the histogram (default 10000)
  -h, --help     show this help
`;

/** `pokebench profile list|show`. */
export async function profile(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('profile', argv, { samples: { type: 'string' } });
  if (values['help']) {
    io.out(PROFILE_HELP);
    return 0;
  }
  const [sub, target, ...rest] = positionals;
  if (sub === 'list' && target === undefined) {
    for (const name of await listProfiles()) {
      const p = await loadProfile(name);
      io.out(`${name.padEnd(18)} ${p.description ?? ''}\n`);
    }
    return 0;
  }
  if (sub === 'show' && target !== undefined && rest.length === 0) {
    const samples = intFlag(values, 'samples', 10_000, 100, 10_000_000);
    io.out(renderProfile(await loadProfile(target), { samples }));
    return 0;
  }
  throw new UsageError(`pokebench profile: expected 'list' or 'show NAME', got ${JSON.stringify(positionals.join(' '))}. See 'pokebench profile --help'.`);
}
