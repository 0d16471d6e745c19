/**
 * Which peers there are: the blog's clients shipped in peers/ (Python with
 * httpx, Go with net/http), and any program a user brings, given as a command
 * line or `{ name, command }`. Resolving a peer turns it into an argv, finding
 * its toolchain and building it first where needed.
 */
import path from 'node:path';
import { packagePath } from '../../mock-server/package-files/index.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { parseCommandLine } from './command-line.ts';
import { buildGoPeer } from './go-build.ts';
import { findGo, findPython, type ToolchainName } from './toolchains.ts';

/** Where the shipped Python peers live. */
export const PYTHON_PEER_DIR = packagePath('peers', 'python');

/** Names of the shipped peers. */
export const SHIPPED_PEER_NAMES = ['py-sync', 'py-threadpool', 'py-asyncio', 'py-asyncio-unlimited', 'go-goroutines'] as const;

/** A shipped peer's name. */
export type ShippedPeerName = (typeof SHIPPED_PEER_NAMES)[number];

/** The concurrency a shipped peer declares before it has run (its reports then say for sure). */
export type DeclaredModel = { kind: 'sequential' } | { kind: 'concurrent' } | { kind: 'bounded'; k: number | 'workers' };

/** A declared model as the peers table prints it: `sequential`, `bounded(100)`, `bounded(workers)`. */
export function declaredModelLabel(model: DeclaredModel): string {
  return model.kind === 'bounded' ? `bounded(${model.k})` : model.kind;
}

/** A peer shipped with the kit: one of the blog's clients. */
export interface ShippedPeer {
  name: ShippedPeerName;
  /** One line: what the client does. */
  description: string;
  /** The toolchain it needs. */
  toolchain: ToolchainName;
  /** The concurrency it has with defaults; a thread pool's k follows its `workers` option. */
  model: DeclaredModel;
  /** Its argv, given the toolchain's executable (Python) or the built binary (Go). */
  command(executable: string): string[];
}

/** A user's own peer: any program that speaks the protocol (peers/README.md). */
export interface CustomPeer {
  /** Shown in reports and messages. */
  name: string;
  /** argv: the program and its arguments; run directly, never through a shell. */
  command: readonly string[];
}

/**
 * What `runPeer` accepts: a shipped peer's name, a command line
 * (`"python3 my_peer.py"`, split without a shell), or a {@link CustomPeer}.
 */
export type PeerSpec = ShippedPeerName | string | CustomPeer;

/** A peer ready to spawn, or why it cannot be. */
export type PeerCommand = { ok: true; name: string; command: string[] } | { ok: false; name: string; message: string };

const python = (file: string, ...args: string[]) => (exe: string) => [exe, '-B', path.join(PYTHON_PEER_DIR, file), ...args];

/** The shipped peers, in the order the blog measured them. */
export const SHIPPED_PEERS: readonly ShippedPeer[] = [
  {
    name: 'py-sync',
    description: 'one httpx.Client, a plain for loop: one request at a time',
    toolchain: 'python',
    model: { kind: 'sequential' },
    command: python('py_sync.py'),
  },
  {
    name: 'py-threadpool',
    description: 'ThreadPoolExecutor, default workers min(32, cpus+4), a shared httpx.Client',
    toolchain: 'python',
    model: { kind: 'bounded', k: 'workers' },
    command: python('py_threadpool.py'),
  },
  {
    name: 'py-asyncio',
    description: 'httpx.AsyncClient with its default limits (100 connections), asyncio.gather over all N',
    toolchain: 'python',
    model: { kind: 'bounded', k: 100 },
    command: python('py_asyncio.py'),
  },
  {
    name: 'py-asyncio-unlimited',
    description: 'httpx.AsyncClient with no connection limit, asyncio.gather over all N',
    toolchain: 'python',
    model: { kind: 'concurrent' },
    command: python('py_asyncio.py', '--unlimited'),
  },
  {
    name: 'go-goroutines',
    description: 'one goroutine per request, net/http default Transport, encoding/json, sync.WaitGroup',
    toolchain: 'go',
    model: { kind: 'concurrent' },
    command: (binary) => [binary],
  },
];

/** The shipped peer called `name`, if there is one. */
export function findShippedPeer(name: string): ShippedPeer | undefined {
  return SHIPPED_PEERS.find((peer) => peer.name === name);
}

/**
 * Turns a command line or `{ name, command }` into a checked {@link CustomPeer}.
 *
 * @throws InvalidOptionError (`option`: `peer`) for an empty command, a non-string word or an unterminated quote.
 */
export function customPeer(spec: string | CustomPeer): CustomPeer {
  if (typeof spec === 'string') {
    const command = parseCommandLine(spec);
    return { name: spec.trim(), command };
  }
  if (!Array.isArray(spec.command) || spec.command.length === 0 || !spec.command.every((word) => typeof word === 'string')) {
    throw new InvalidOptionError('peer', `peer.command must be a non-empty array of strings (argv), got ${JSON.stringify(spec.command)}.`);
  }
  if (typeof spec.name !== 'string' || spec.name === '') throw new InvalidOptionError('peer', 'peer.name must be a non-empty string.');
  return { name: spec.name, command: [...spec.command] };
}

/**
 * Resolves a peer to the argv to spawn. Shipped peers find their toolchain
 * (and the Go peer is compiled, once) here, so a run's timing never includes
 * either. Never throws for a missing toolchain or a failed build: that is an
 * `{ ok: false, message }` naming the install command.
 *
 * @throws InvalidOptionError for a malformed custom peer (see {@link customPeer}).
 */
export async function resolvePeerCommand(peer: PeerSpec, env: Record<string, string | undefined> = process.env): Promise<PeerCommand> {
  const shipped = typeof peer === 'string' ? findShippedPeer(peer) : undefined;
  if (!shipped) {
    const custom = customPeer(peer);
    return { ok: true, name: custom.name, command: [...custom.command] };
  }
  if (shipped.toolchain === 'python') {
    const found = await findPython({ env });
    if (!found.available || found.path === undefined) {
      return { ok: false, name: shipped.name, message: `${shipped.name} needs a Python that imports httpx (${found.problem}). Install it with: ${found.install} (or set POKEBENCH_PYTHON).` };
    }
    return { ok: true, name: shipped.name, command: shipped.command(found.path) };
  }
  const go = await findGo({ env });
  if (!go.available || go.path === undefined) {
    return { ok: false, name: shipped.name, message: `${shipped.name} needs Go (${go.problem}). Install it with: ${go.install} (or set POKEBENCH_GO).` };
  }
  const built = await buildGoPeer({ path: go.path, version: go.version }, { env });
  if (!built.ok) return { ok: false, name: shipped.name, message: built.message };
  return { ok: true, name: shipped.name, command: shipped.command(built.binary) };
}
