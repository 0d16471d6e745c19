/**
 * The CLI entry: dispatches to a command and turns errors into exit codes.
 * Exit codes: 0 ok, 1 a regression (compare/run --baseline), 2 unusable
 * input, 3 the run itself failed (a sweep past its time limit, worker threads
 * that would not start, or a bug: a request that lost its record).
 */
import { ERROR_CODES, PokebenchError } from '../../mock-server/errors/index.ts';
import { packageVersion } from '../../mock-server/package-files/index.ts';
import { processIo, type CommandIo } from './io.ts';

export const MAIN_HELP = `pokebench: how much faster is async fan-out, really, and why?

Usage: pokebench <command> [options]

Commands:
  run            sweep the strategies against the mock (its own process) and report (npm start)
  serve          start the mock PokeAPI and serve until Ctrl-C
  merge          merge the results of a sharded sweep (run --shard I/N) into one report
  compare        gate: did CURRENT.json regress against BASELINE.json?
  baseline save  keep a results.json as the baseline
  profile        list latency profiles, show one's shape, or fit one to measured latencies
  calibrate      measure the mock on this machine: capacity, profile fidelity, safe concurrency
  peers          the external clients (Python, Go): check what is installed, list them
  reproduce      rerun the blog's experiment on the mock and explain it with the roofline

Run 'pokebench <command> --help' for a command's options.
`;

/** Codes of errors that are not the user's input: exit 3, not 2. */
const RUN_FAILURES = new Set<string>([ERROR_CODES.InternalError, ERROR_CODES.SweepTimeoutError, ERROR_CODES.WorkerStartError, ERROR_CODES.ServerStartError, ERROR_CODES.CalibrationRunError]);

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;

// Loaded on demand: `serve` should not pay for the charting library `run` needs.
const COMMANDS: Record<string, () => Promise<{ run: Command; help: string }>> = {
  run: async () => {
    const m = await import('./commands/run.ts');
    return { run: m.run, help: m.RUN_HELP };
  },
  compare: async () => {
    const m = await import('./commands/compare.ts');
    return { run: m.compare, help: m.COMPARE_HELP };
  },
  merge: async () => {
    const m = await import('./commands/merge.ts');
    return { run: m.merge, help: m.MERGE_HELP };
  },
  baseline: async () => {
    const m = await import('./commands/compare.ts');
    return { run: m.baseline, help: m.BASELINE_HELP };
  },
  serve: async () => {
    const m = await import('./commands/serve.ts');
    return { run: m.serve, help: m.SERVE_HELP };
  },
  profile: async () => {
    const m = await import('./commands/profile.ts');
    return { run: m.profile, help: m.PROFILE_HELP };
  },
  calibrate: async () => {
    const m = await import('./commands/calibrate.ts');
    return { run: m.calibrate, help: m.CALIBRATE_HELP };
  },
  peers: async () => {
    const m = await import('./commands/peers.ts');
    return { run: m.peers, help: m.PEERS_HELP };
  },
  reproduce: async () => {
    const m = await import('./commands/reproduce.ts');
    return { run: m.reproduce, help: m.REPRODUCE_HELP };
  },
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  const topic = name === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
  if (topic) {
    io.out((await topic()).help);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`pokebench ${packageVersion()}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`pokebench: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}. See 'pokebench --help'.\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof PokebenchError && RUN_FAILURES.has(error.code)) {
      io.err(`pokebench: the run failed: ${error.message}${error.code === ERROR_CODES.InternalError ? ' This is a bug in pokebench: please report it.' : ''}\n`);
      return 3;
    }
    if (error instanceof PokebenchError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
