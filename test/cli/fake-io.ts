import type { CommandIo } from '../../src/cli/io.ts';

/** A CommandIo that records output; `signal()` releases `untilSignal`. */
export function fakeIo(env: Record<string, string | undefined> = {}) {
  let release: () => void = () => {};
  const signalled = new Promise<void>((resolve) => (release = resolve));
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    untilSignal: () => signalled,
    isTTY: false,
    env,
    cwd: process.cwd(),
  };
  return { io, out, err, signal: () => release(), stdout: () => out.join(''), stderr: () => err.join('') };
}
