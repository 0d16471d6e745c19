import { availableParallelism } from 'node:os';
import { isValidAdminToken, startMockServer } from '../../../mock-server/node/index.ts';
import { choiceFlag, type CommandIo, type EnvFlags, intFlag, parse, stringFlag, withEnvFlags } from '../index.ts';
import { UsageError } from '../../../mock-server/errors/index.ts';

export const SERVE_HELP = `Usage: pokebench serve [options]

Starts the mock PokeAPI on 127.0.0.1 and serves until Ctrl-C (SIGINT) or
SIGTERM, then lets in-flight requests finish and exits 0.

Options (each also read from its POKEBENCH_* variable; a flag wins):
  --port N                 port to listen on (default 0: the OS picks one)      POKEBENCH_PORT
  --host ADDR              address to bind (default 127.0.0.1); off loopback    POKEBENCH_HOST
                           only with an admin token or --admin off
  --profile NAME|PATH      latency profile (default pokeapi-like;               POKEBENCH_PROFILE
                           see 'pokebench profile list')
  --seed N                 override the profile's seed                          POKEBENCH_SEED
  --payload slim|realistic body size (default slim)                             POKEBENCH_PAYLOAD
  --workers N|auto         serve from N processes on one port (node:cluster,    POKEBENCH_WORKERS
                           round-robin; auto = one per core); default: this
                           process alone
  --admin on|off           the admin API (default on; health answers either way) POKEBENCH_ADMIN
  --admin-token TOKEN      admin requests must send "Authorization: Bearer      POKEBENCH_ADMIN_TOKEN
                           TOKEN" (default: no token)
  -h, --help               show this help

Every response carries the delay applied: x-mock-delay-ms and server-timing.
A client that sends "x-pokebench-draw: NAME" (a draw index, or a name such
as run-7/rep-2/41) gets a delay that depends only on the seed, the route,
the pokemon and NAME, whichever worker or replica answers. Without it, a
delay is the key's next draw in the process that answers.
Admin API: GET/PUT /__admin/profile, GET /__admin/stats, POST /__admin/reset,
GET /__admin/health (health needs no token). On loopback it answers loopback
peers only; off loopback, any peer with the token. With --workers the stats
are every worker's merged, and a profile change reaches every worker.
Prefer the environment variable to the flag for the token: a flag shows in 'ps'.
`;

/** The flags `serve` also reads from `POKEBENCH_*` variables. */
export const SERVE_ENV_FLAGS = ['port', 'host', 'profile', 'seed', 'payload', 'workers', 'admin', 'admin-token'] as const;

/** `pokebench serve`: runs until a signal arrives. */
export async function serve(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parse('serve', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    payload: { type: 'string' },
    workers: { type: 'string' },
    admin: { type: 'string' },
    'admin-token': { type: 'string' },
  });
  if (parsed.values['help']) {
    io.out(SERVE_HELP);
    return 0;
  }
  const flags = withEnvFlags(parsed.values, io.env, SERVE_ENV_FLAGS);
  const port = flags.check('port', (v) => intFlag(v, 'port', 0, 0, 65_535));
  const seed = flags.check('seed', (v) => (v['seed'] === undefined ? undefined : intFlag(v, 'seed', 0, Number.MIN_SAFE_INTEGER)));
  const payload = flags.check('payload', (v) => choiceFlag(v, 'payload', ['slim', 'realistic'] as const, 'slim'));
  const admin = flags.check('admin', (v) => choiceFlag(v, 'admin', ['on', 'off'] as const, 'on')) === 'on';
  const workers = flags.check('workers', (v) => workersFlag(v['workers']));
  const profile = stringFlag(flags.values, 'profile') ?? 'pokeapi-like';
  const host = stringFlag(flags.values, 'host') ?? '127.0.0.1';
  const adminToken = adminTokenFrom(flags);
  const options = { port, seed, payload, profile, host, warn: io.err, admin, ...(adminToken === undefined ? {} : { adminToken }) };

  let url: string;
  let profileLine: string;
  let close: (drainTimeoutMs: number) => Promise<void>;
  if (workers === undefined) {
    const handle = await startMockServer(options);
    const p = handle.api.profile;
    url = handle.url;
    profileLine = `  profile ${p.name ?? profile} (seed ${p.seed}), payload ${payload}\n`;
    close = (drainTimeoutMs) => handle.close({ drainTimeoutMs });
  } else {
    // Loaded only here: a single-process serve does not pay for node:cluster.
    const { startMockCluster } = await import('../../../mock-server/node/index.ts');
    const handle = await startMockCluster({ ...options, workers });
    url = handle.url;
    profileLine = `  profile ${profile}${seed === undefined ? '' : ` (seed ${seed})`}, payload ${payload}, ${handle.health().workers} workers (round-robin)\n`;
    close = (drainTimeoutMs) => handle.close({ drainTimeoutMs });
  }
  io.out(`pokebench mock PokeAPI listening on ${url}\n`);
  io.out(profileLine);
  io.out(`  try: curl -i ${url}/api/v2/pokemon/25\n`);
  if (!admin) io.out('  admin API: off (health only)\n');
  else if (adminToken !== undefined) io.out('  admin API: bearer token required\n');
  await io.untilSignal();
  io.err('pokebench: shutting down, letting in-flight requests finish...\n');
  await close(10_000);
  return 0;
}

/** `--workers N|auto`: undefined (one process, no cluster), or a worker count. */
function workersFlag(raw: string | boolean | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'auto') return availableParallelism();
  if (typeof raw === 'string' && /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 256) return Number(raw);
  throw new UsageError(`--workers must be 'auto' or a whole number from 1 to 256, got ${JSON.stringify(raw)}.`);
}

/** `--admin-token`, else `POKEBENCH_ADMIN_TOKEN`, checked like the server option. */
function adminTokenFrom(flags: EnvFlags): string | undefined {
  const token = stringFlag(flags.values, 'admin-token');
  if (token !== undefined && !isValidAdminToken(token)) {
    throw new UsageError(
      `${flags.source('admin-token')} must be a non-empty token of letters, digits and - . _ ~ + / (then optional =), as sent in "Authorization: Bearer <token>".`,
    );
  }
  return token;
}
