/** What a command may do to the outside world; the CLI entry gives the real one, tests a fake. */
export interface CommandIo {
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
  /** Resolves on the first SIGINT or SIGTERM. */
  untilSignal(): Promise<void>;
  /** Whether stderr is an interactive terminal (live progress) or a log (CI: one line per step). */
  isTTY: boolean;
  /** The terminal stream live progress is redrawn on, when `isTTY`. */
  liveStream?: NodeJS.WriteStream | undefined;
  /** Environment variables. */
  env: Record<string, string | undefined>;
  /** Working directory for relative paths. */
  cwd: string;
}

/** The process-backed {@link CommandIo}. Only the CLI entry calls this. */
export function processIo(): CommandIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    untilSignal: () =>
      new Promise((resolve) => {
        const done = () => {
          process.off('SIGINT', done);
          process.off('SIGTERM', done);
          resolve();
        };
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      }),
    isTTY: Boolean(process.stderr.isTTY) && !process.env['CI'],
    liveStream: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}
