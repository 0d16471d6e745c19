/**
 * One run of a peer: resolve it (toolchain, Go build), spawn a fresh process
 * with the protocol's environment, and turn whatever it does into a tagged
 * outcome. A misbehaving peer (missing, crashing, hanging, printing garbage or
 * miscounting) is a `failed` result, never an exception.
 */
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { parsePeerOutput, type PeerReport } from './protocol.ts';
import { resolvePeerCommand, type PeerSpec } from './registry.ts';
import { spawnPeer } from './spawn-peer.ts';
import { DEFAULT_TIMEOUT_MS } from '../types/index.ts';

/** Options of {@link runPeer}. */
export interface RunPeerOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:40123` (a trailing slash is dropped). */
  url: string;
  /** Requests: the peer fetches `/api/v2/pokemon/{id}` for i = 1..n. */
  n: number;
  /** Per-request timeout the peer applies (`POKEBENCH_TIMEOUT_MS`). @defaultValue `30000` */
  timeoutMs?: number;
  /**
   * Connection-pool size, for peers that have one (`POKEBENCH_POOL`); `'unlimited'` for no limit.
   * @defaultValue the peer's own (httpx's AsyncClient: 100 connections)
   */
  pool?: number | 'unlimited';
  /** Worker count, for the thread-pool peer (`POKEBENCH_WORKERS`). @defaultValue the peer's own */
  workers?: number;
  /** Extra environment for the peer, over `process.env` (the protocol's variables win). */
  env?: Record<string, string | undefined>;
  /** Kill the peer's whole process group after this long. @defaultValue `300000` */
  runTimeoutMs?: number;
  /** Stop the peer (killed like a timeout; the result is `failed` with reason `aborted`). */
  signal?: AbortSignal;
  /** Stdout beyond this is an error (a report for a million requests is ~10 MB). @defaultValue `33554432` (32 MB) */
  maxStdoutBytes?: number;
}

/** Why a peer run produced no report. `aborted` is the caller's own `signal`. */
export type PeerFailureReason = 'spawn' | 'exit' | 'timeout' | 'garbage' | 'miscount' | 'aborted';

/** The result of {@link runPeer}: a tagged union on `kind`. */
export type PeerRun =
  | {
      kind: 'ok';
      peer: string;
      report: PeerReport;
      /** Spawn to exit, as the parent saw it: the peer's start-up (interpreter, imports) included. */
      processWallMs: number;
      stderrTail: string;
    }
  | {
      kind: 'failed';
      peer: string;
      reason: PeerFailureReason;
      /** What went wrong and, where it helps, what to do. */
      message: string;
      /** The last ~4 KB of the peer's stderr. */
      stderrTail: string;
      /** The exit code, when the peer exited by itself. */
      exitCode: number | null;
    };

/** {@link RunPeerOptions} with every default filled in. */
export interface ResolvedRunPeerOptions {
  url: string;
  n: number;
  timeoutMs: number;
  pool: number | 'unlimited' | undefined;
  workers: number | undefined;
  env: Record<string, string | undefined>;
  runTimeoutMs: number;
  signal: AbortSignal | undefined;
  maxStdoutBytes: number;
}

/** The protocol's input variables: never inherited from the parent, only set by the run. */
export const PROTOCOL_ENV = ['POKEBENCH_URL', 'POKEBENCH_N', 'POKEBENCH_TIMEOUT_MS', 'POKEBENCH_POOL', 'POKEBENCH_WORKERS'] as const;

const STDERR_TAIL_BYTES = 4096;

/**
 * Fills defaults and checks every option.
 *
 * @throws InvalidOptionError naming the option (`options.n must be…`).
 */
export function resolveRunPeerOptions(options: RunPeerOptions): ResolvedRunPeerOptions {
  let url: URL | undefined;
  try {
    url = new URL(options.url);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidOptionError('options.url', `options.url must be an http(s) URL such as http://127.0.0.1:40123, got ${JSON.stringify(options.url)}.`);
  }
  const positive = (name: string, value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
    if (value === undefined && !Number.isNaN(fallback)) return fallback;
    if (value === undefined || !Number.isSafeInteger(value) || value < 1 || value > max) {
      throw new InvalidOptionError(`options.${name}`, `options.${name} must be a whole number from 1 to ${max}, got ${String(value)}.`);
    }
    return value;
  };
  const pool = options.pool === 'unlimited' ? 'unlimited' : options.pool === undefined ? undefined : positive('pool', options.pool, 1);
  return {
    url: options.url.replace(/\/+$/, ''),
    n: positive('n', options.n, Number.NaN, 10_000_000),
    timeoutMs: positive('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS),
    pool,
    workers: options.workers === undefined ? undefined : positive('workers', options.workers, 1, 100_000),
    env: options.env ?? {},
    runTimeoutMs: positive('runTimeoutMs', options.runTimeoutMs, 300_000),
    signal: options.signal,
    maxStdoutBytes: positive('maxStdoutBytes', options.maxStdoutBytes, 32 * 1024 * 1024),
  };
}

/**
 * Runs `peer` once in a fresh process and returns its report or why there is none.
 *
 * @throws InvalidOptionError for bad options or a malformed custom peer; never for the peer's behaviour.
 * @example
 * const { url, close } = await startMockServer({ profile: 'fixed-100ms' });
 * const run = await runPeer('py-asyncio', { url, n: 400 });
 * if (run.kind === 'ok') console.log(run.report.wallMs, run.report.counts);
 * else console.error(run.reason, run.message);
 * await close();
 */
export async function runPeer(peer: PeerSpec, options: RunPeerOptions): Promise<PeerRun> {
  const o = resolveRunPeerOptions(options);
  const env = peerEnv(o);
  const resolved = await resolvePeerCommand(peer, env);
  if (!resolved.ok) return { kind: 'failed', peer: resolved.name, reason: 'spawn', message: resolved.message, stderrTail: '', exitCode: null };
  const name = resolved.name;
  const failed = (reason: PeerFailureReason, message: string, stderrTail: string, exitCode: number | null = null): PeerRun => ({
    kind: 'failed',
    peer: name,
    reason,
    message: `${name}: ${message}`,
    stderrTail,
    exitCode,
  });

  const outcome = await spawnPeer(resolved.command, {
    env,
    runTimeoutMs: o.runTimeoutMs,
    maxStdoutBytes: o.maxStdoutBytes,
    stderrTailBytes: STDERR_TAIL_BYTES,
    signal: o.signal,
  });
  switch (outcome.kind) {
    case 'spawn-error':
      return failed('spawn', `could not start ${JSON.stringify(resolved.command[0])}: ${outcome.message}.`, outcome.stderrTail);
    case 'stopped':
      if (outcome.why === 'timeout') {
        return failed('timeout', `did not finish within ${o.runTimeoutMs} ms (runTimeoutMs); its process group was killed.`, outcome.stderrTail);
      }
      if (outcome.why === 'aborted') return failed('aborted', 'stopped by the caller; its process group was killed.', outcome.stderrTail);
      return failed('garbage', `printed more than ${o.maxStdoutBytes} bytes on stdout; its process group was killed.`, outcome.stderrTail);
    case 'exited': {
      if (outcome.exitCode !== 0) {
        const how = outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.exitCode}`;
        const hint = lastLine(outcome.stderrTail);
        return failed('exit', `${how}${hint ? `: ${hint}` : '.'}`, outcome.stderrTail, outcome.exitCode);
      }
      const parsed = parsePeerOutput(outcome.stdout, o.n);
      if (!parsed.ok) return failed(parsed.reason, `${parsed.problem}.`, outcome.stderrTail, 0);
      return { kind: 'ok', peer: name, report: parsed.report, processWallMs: outcome.wallMs, stderrTail: outcome.stderrTail };
    }
  }
}

/** The peer's environment: the parent's, less stale protocol variables, plus `env`, plus the protocol's. */
function peerEnv(o: ResolvedRunPeerOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !(PROTOCOL_ENV as readonly string[]).includes(key)) env[key] = value;
  }
  for (const [key, value] of Object.entries(o.env)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  env['POKEBENCH_URL'] = o.url;
  env['POKEBENCH_N'] = String(o.n);
  env['POKEBENCH_TIMEOUT_MS'] = String(o.timeoutMs);
  if (o.pool !== undefined) env['POKEBENCH_POOL'] = String(o.pool);
  if (o.workers !== undefined) env['POKEBENCH_WORKERS'] = String(o.workers);
  return env;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}
