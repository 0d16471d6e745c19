import { startMockServer } from '../../../mock-server/node/server.ts';
import { isValidAdminToken } from '../../../mock-server/node/admin-auth.ts';
import { choiceFlag, intFlag, parse, stringFlag, type Parsed } from '../args.ts';
import { UsageError } from '../../../mock-server/errors.ts';
import type { CommandIo } from '../io.ts';

export const SERVE_HELP = `Usage: pokebench serve [options]

Starts the mock PokeAPI on 127.0.0.1 and serves until Ctrl-C (SIGINT) or
SIGTERM, then lets in-flight requests finish and exits 0.

Options:
  --port N                 port to listen on (default 0: the OS picks one)
  --host ADDR              address to bind (default 127.0.0.1; others warn)
  --profile NAME|PATH      latency profile (default pokeapi-like; see 'pokebench profile list')
  --seed N                 override the profile's seed
  --payload slim|realistic body size (default slim)
  --admin-token TOKEN      admin requests must send "Authorization: Bearer TOKEN"
                           (default: $POKEBENCH_ADMIN_TOKEN, else no token)
  -h, --help               show this help

Every response carries the delay applied: x-mock-delay-ms and server-timing.
Admin API (loopback only): GET/PUT /__admin/profile, GET /__admin/stats,
POST /__admin/reset, GET /__admin/health (health needs no token).
Prefer the environment variable to the flag: a flag shows in 'ps'.
`;

/** `pokebench serve`: runs until a signal arrives. */
export async function serve(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parse('serve', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    payload: { type: 'string' },
    'admin-token': { type: 'string' },
  });
  if (values['help']) {
    io.out(SERVE_HELP);
    return 0;
  }
  const port = intFlag(values, 'port', 0, 0, 65_535);
  const seed = values['seed'] === undefined ? undefined : intFlag(values, 'seed', 0, Number.MIN_SAFE_INTEGER);
  const payload = choiceFlag(values, 'payload', ['slim', 'realistic'] as const, 'slim');
  const profile = stringFlag(values, 'profile') ?? 'pokeapi-like';
  const adminToken = adminTokenFrom(values, io.env);
  const handle = await startMockServer({ port, seed, payload, profile, host: stringFlag(values, 'host') ?? '127.0.0.1', warn: io.err, adminToken });
  const p = handle.api.profile;
  io.out(`pokebench mock PokeAPI listening on ${handle.url}\n`);
  io.out(`  profile ${p.name ?? profile} (seed ${p.seed}), payload ${payload}\n`);
  io.out(`  try: curl -i ${handle.url}/api/v2/pokemon/25\n`);
  if (adminToken !== undefined) io.out('  admin API: bearer token required\n');
  await io.untilSignal();
  io.err('pokebench: shutting down, letting in-flight requests finish...\n');
  await handle.close({ drainTimeoutMs: 10_000 });
  return 0;
}

/** `--admin-token`, else `POKEBENCH_ADMIN_TOKEN` (an empty variable counts as unset), checked like the server option. */
function adminTokenFrom(values: Parsed['values'], env: Record<string, string | undefined>): string | undefined {
  const fromFlag = stringFlag(values, 'admin-token');
  const token = fromFlag ?? (env['POKEBENCH_ADMIN_TOKEN'] || undefined);
  if (token !== undefined && !isValidAdminToken(token)) {
    const source = fromFlag === undefined ? 'POKEBENCH_ADMIN_TOKEN' : '--admin-token';
    throw new UsageError(`${source} must be a non-empty token of letters, digits and - . _ ~ + / (then optional =), as sent in "Authorization: Bearer <token>".`);
  }
  return token;
}
