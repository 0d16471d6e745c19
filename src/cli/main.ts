/**
 * The CLI entry: dispatches to a command and turns errors into exit codes.
 * Exit codes: 0 ok, 1 a regression (compare/run --baseline), 2 unusable input.
 */
import { PokebenchError } from '../../mock-server/errors.ts';
import { processIo, type CommandIo } from './io.ts';
import { serve, SERVE_HELP } from './commands/serve.ts';
import { profile, PROFILE_HELP } from './commands/profile.ts';

export const MAIN_HELP = `pokebench: how much faster is async fan-out, really, and why?

Usage: pokebench <command> [options]

Commands:
  serve          start the mock PokeAPI and serve until Ctrl-C
  profile        list latency profiles, or show one's shape

Run 'pokebench <command> --help' for a command's options.
`;

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  serve: { run: serve, help: SERVE_HELP },
  profile: { run: profile, help: PROFILE_HELP },
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out('pokebench 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`pokebench: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}. See 'pokebench --help'.`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof PokebenchError) {
      io.err(`${error.message}`);
      return 2;
    }
    throw error;
  }
}
