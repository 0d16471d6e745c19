import { startMockServer } from '../../../mock-server/node/index.ts';
import { idealMakespan } from '../../model/index.ts';
import {
  declaredModelLabel,
  customPeer,
  findGo,
  findPython,
  findShippedPeer,
  runPeer,
  SHIPPED_PEERS,
  type PeerReport,
  type PeerSpec,
  type ToolchainCheck,
} from '../../peers/index.ts';
import { choiceFlag, type CommandIo, intFlag, parse, type Parsed, stringFlag } from '../index.ts';
import { UsageError } from '../../../mock-server/errors/index.ts';

export const PEERS_HELP = `Usage: pokebench peers <check|list|run> [options]

Peers are external clients (the blog's Python and Go programs, or your own)
that speak the pokebench peer protocol: see peers/README.md.

  pokebench peers check        which toolchains are installed, and how to install
                               the missing ones (exit 0 all found, 1 some missing)
  pokebench peers list         the shipped peers: name, toolchain, model, what they do
  pokebench peers run NAME     start the embedded mock, run one peer once, print its report
  pokebench peers run --command "python3 my_peer.py"
                               the same for your own program (run directly, no shell)

Options (run):
  --n N                    requests (default 100)
  --profile NAME|PATH      latency profile (default fixed-100ms; see 'pokebench profile list')
  --payload slim|realistic body size (default slim)
  --timeout MS             per-request timeout the peer applies (default 30000)
  --run-timeout MS         kill the peer after this long (default 300000)
  --pool K|unlimited       connection pool, for peers that have one (py-asyncio, go-goroutines);
                           default: the client's own (httpx: 100 connections)
  --workers K              threads, for py-threadpool (default min(32, cpus+4))
  --json                   print the peer's raw report line instead of the table
  -h, --help               show this help

Environment: POKEBENCH_PYTHON (a Python that imports httpx), POKEBENCH_GO.
`;

/** `pokebench peers check|list|run`. */
export async function peers(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('peers', argv, {
    n: { type: 'string' },
    profile: { type: 'string' },
    payload: { type: 'string' },
    timeout: { type: 'string' },
    'run-timeout': { type: 'string' },
    pool: { type: 'string' },
    workers: { type: 'string' },
    command: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values['help']) {
    io.out(PEERS_HELP);
    return 0;
  }
  const [sub, ...rest] = positionals;
  if (sub === 'check' && rest.length === 0) return check(io);
  if (sub === 'list' && rest.length === 0) return list(io);
  if (sub === 'run' && rest.length <= 1) return run(rest[0], values, io);
  throw new UsageError(`pokebench peers: expected 'check', 'list' or 'run NAME', got ${JSON.stringify(positionals.join(' '))}. See 'pokebench peers --help'.`);
}

async function check(io: CommandIo): Promise<number> {
  const [python, go] = await Promise.all([findPython({ env: io.env }), findGo({ env: io.env })]);
  const byToolchain: Record<string, ToolchainCheck> = { python, go };
  const rows = SHIPPED_PEERS.map((peer) => {
    const found = byToolchain[peer.toolchain] as ToolchainCheck;
    return [peer.name, peer.toolchain, found.available ? 'ok' : 'missing', found.available ? `${found.path} (${found.version})` : `install: ${found.install}`];
  });
  io.out(columns([['peer', 'toolchain', 'status', 'found'], ...rows]));
  const missing = [python, go].filter((t) => !t.available);
  const override = { python: 'POKEBENCH_PYTHON at a Python that imports httpx', go: 'POKEBENCH_GO at a go binary' };
  for (const t of missing) io.out(`\n${t.toolchain}: ${t.problem}\n  install: ${t.install}\n  (or point ${override[t.toolchain]})\n`);
  return missing.length === 0 ? 0 : 1;
}

function list(io: CommandIo): number {
  io.out(columns([['peer', 'toolchain', 'model', 'what it does'], ...SHIPPED_PEERS.map((p) => [p.name, p.toolchain, declaredModelLabel(p.model), p.description])]));
  return 0;
}

async function run(name: string | undefined, values: Parsed['values'], io: CommandIo): Promise<number> {
  const command = stringFlag(values, 'command');
  const peer = pickPeer(name, command);
  const n = intFlag(values, 'n', 100, 1, 1_000_000);
  const timeoutMs = intFlag(values, 'timeout', 30_000, 1);
  const runTimeoutMs = intFlag(values, 'run-timeout', 300_000, 1);
  const workers = values['workers'] === undefined ? undefined : intFlag(values, 'workers', 1, 1, 100_000);
  const pool = values['pool'] === 'unlimited' ? 'unlimited' : values['pool'] === undefined ? undefined : intFlag(values, 'pool', 1, 1, 100_000);
  const payload = choiceFlag(values, 'payload', ['slim', 'realistic'] as const, 'slim');
  const profile = stringFlag(values, 'profile') ?? 'fixed-100ms';

  const server = await startMockServer({ profile, payload, port: 0, warn: io.err });
  const stop = new AbortController();
  void io.untilSignal().then(() => stop.abort());
  try {
    const result = await runPeer(peer, { url: server.url, n, timeoutMs, runTimeoutMs, workers, pool, env: io.env, signal: stop.signal });
    if (result.kind === 'failed') {
      io.err(`pokebench peers run: ${result.message}`);
      if (result.stderrTail.trim() !== '') io.err(`--- last lines of its stderr ---\n${result.stderrTail.trimEnd().split('\n').slice(-10).join('\n')}`);
      return 3;
    }
    if (values['json']) io.out(`${JSON.stringify(result.report)}\n`);
    else io.out(renderReport(result.report, { n, profile: server.api.profile.name ?? profile, processWallMs: result.processWallMs }));
    return 0;
  } finally {
    stop.abort();
    await server.close();
  }
}

function pickPeer(name: string | undefined, command: string | undefined): PeerSpec {
  if (command !== undefined) {
    if (name !== undefined) throw new UsageError(`pokebench peers run: give a peer NAME or --command, not both (got ${JSON.stringify(name)} and --command).`);
    try {
      return customPeer(command);
    } catch (error) {
      throw new UsageError(`--command: ${(error as Error).message}`);
    }
  }
  if (name === undefined) throw new UsageError(`pokebench peers run: which peer? Give one of ${SHIPPED_PEERS.map((p) => p.name).join(', ')}, or --command "…".`);
  if (!findShippedPeer(name)) {
    throw new UsageError(`pokebench peers run: unknown peer ${JSON.stringify(name)}. Shipped peers: ${SHIPPED_PEERS.map((p) => p.name).join(', ')}; for your own program use --command "…".`);
  }
  return name;
}

/** The report as a short two-column table, with the wait roof the model predicts from the applied delays. */
function renderReport(report: PeerReport, context: { n: number; profile: string; processWallMs: number }): string {
  const { model, counts, cpuMs, delaysMs } = report;
  const modelText = model.kind === 'bounded' ? `bounded(${model.k})` : model.kind;
  const known = delaysMs.filter((d): d is number => d !== null);
  const roof = known.length === delaysMs.length ? idealMakespan(model.kind, model.kind === 'bounded' ? model.k : undefined, known) : undefined;
  const cpu = cpuMs.user + cpuMs.system;
  const rows: string[][] = [
    ['client', `${report.client}  (N = ${context.n}, profile ${context.profile})`],
    ['model', modelText],
    ['wall', `${ms(report.wallMs)}  (first request to last outcome)`],
    ['process', `${ms(context.processWallMs)}  (spawn to exit: start-up and imports included)`],
    ['cpu', `user ${ms(cpuMs.user)}, system ${ms(cpuMs.system)}  (${(cpu / context.n).toFixed(2)} ms per request)`],
    ['outcomes', `ok ${counts.ok}, http-error ${counts['http-error']}, network-error ${counts['network-error']}, timeout ${counts.timeout}`],
    roof === undefined
      ? ['wait roof', `n/a: ${delaysMs.length - known.length} requests got no x-mock-delay-ms`]
      : ['wait roof', `${ms(roof)}  (${modelText} over the applied delays; wait efficiency ${(roof / Math.max(report.wallMs, 1e-9)).toFixed(2)})`],
  ];
  for (const [message, count] of Object.entries(report.errors ?? {})) rows.push(['error', `${count} × ${message}`]);
  return columns(rows);
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Left-aligned columns, two spaces apart, trailing spaces trimmed. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}
