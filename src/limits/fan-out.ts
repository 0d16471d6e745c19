/**
 * What a sweep's largest fan-out needs of the machine, checked against its
 * limits before the first request: a cold fan-out of N opens N sockets at
 * once, each one a file descriptor and a local port, and with the mock in
 * the same process each connection costs a second descriptor (its side).
 */
import type { MachineLimits } from './machine-limits.ts';
import { MachineLimitError } from '../../mock-server/errors/index.ts';

/**
 * Descriptors kept free beside the sockets: the runtime's own (stdio, the
 * event loop, worker threads, files being written) and a margin.
 */
export const DESCRIPTOR_HEADROOM = 64;

/** One strategy of a sweep, as far as its fan-out goes. */
export interface FanOutStrategy {
  name: string;
  kind: 'sequential' | 'concurrent' | 'bounded' | 'batched' | 'workers';
  k?: number | undefined;
  /** An external client (a peer process): its sockets are not this process's. */
  external?: boolean | undefined;
}

/** The largest fan-out of a sweep and where its sockets live. */
export interface FanOutPlan {
  /** What runs it, for messages: `concurrent at N = 20000`. */
  label: string;
  /** Connections open at once to the server, from every process. */
  connections: number;
  /** Of those, the client sockets in this process. */
  clientSockets: number;
  /** Whether the server shares this process (its side of each connection is a descriptor here too). */
  serverInProcess: boolean;
  /** The server's listen backlog, when known (the kernel caps it at somaxconn). */
  serverBacklog?: number | undefined;
}

/**
 * The most connections any run of the sweep opens at once: N for
 * `concurrent` and a peer, min(k, N) for a pool, 1 for `sequential`; the
 * kit's own client opens at most `connections` (--connections).
 *
 * @example largestFanOut([{ name: 'concurrent', kind: 'concurrent' }], () => [1, 100, 20000], { serverInProcess: true }).connections // 20000
 */
export function largestFanOut(
  strategies: readonly FanOutStrategy[],
  ladder: (strategy: FanOutStrategy) => readonly number[],
  options: { connections?: number | undefined; serverInProcess: boolean; serverBacklog?: number | undefined },
): FanOutPlan {
  let plan: FanOutPlan = { label: 'no strategy', connections: 0, clientSockets: 0, serverInProcess: options.serverInProcess, serverBacklog: options.serverBacklog };
  for (const s of strategies) {
    const n = Math.max(0, ...ladder(s));
    const inFlight = s.kind === 'sequential' ? Math.min(1, n) : s.kind === 'concurrent' || s.external ? n : Math.min(s.k ?? n, n);
    const connections = s.external ? inFlight : Math.min(inFlight, options.connections ?? Infinity);
    if (connections > plan.connections) {
      plan = { ...plan, label: `${s.name} at N = ${n}`, connections, clientSockets: s.external ? 0 : connections };
    }
  }
  return plan;
}

/** What a plan needs of each limit. */
export interface FanOutNeeds {
  /** Descriptors in this process: client sockets, the server's side if it is here, those open now, and {@link DESCRIPTOR_HEADROOM}. */
  descriptors: number;
  /** Local ports at once. */
  ports: number;
}

/** What `plan` needs of the machine. */
export function fanOutNeeds(plan: FanOutPlan, limits: MachineLimits): FanOutNeeds {
  const serverSide = plan.serverInProcess ? plan.connections : 0;
  return { descriptors: plan.clientSockets + serverSide + (limits.openNow ?? 0) + DESCRIPTOR_HEADROOM, ports: plan.connections };
}

/** The largest N a concurrent fan-out can open at once here, and the limit that sets it. */
export interface LargestN {
  n: number;
  /** The limit that binds, or undefined when this machine states none. */
  bound: 'open files' | 'local ports' | undefined;
}

/**
 * The largest N this machine can fan out at once from this process, with the
 * server in it or not: open files / (2 with the server here, else 1), and the
 * local port range.
 *
 * @example largestN({ openFiles: { soft: 20000, hard: 20000 }, openNow: 36, ephemeralPorts: { low: 32768, high: 60999, count: 28232 }, somaxconn: 4096 }, true)
 * // { n: 9950, bound: 'open files' }
 */
export function largestN(limits: MachineLimits, serverInProcess: boolean): LargestN {
  const files = limits.openFiles
    ? Math.max(0, Math.floor((limits.openFiles.soft - (limits.openNow ?? 0) - DESCRIPTOR_HEADROOM) / (serverInProcess ? 2 : 1)))
    : Infinity;
  const ports = limits.ephemeralPorts?.count ?? Infinity;
  if (files === Infinity && ports === Infinity) return { n: Infinity, bound: undefined };
  return files <= ports ? { n: files, bound: 'open files' } : { n: ports, bound: 'local ports' };
}

/**
 * Check `plan` against `limits`. Returns notes that do not stop a sweep (a
 * fan-out past the listen backlog stalls connection setups by about 1 s;
 * the report shows it, nothing is lost).
 *
 * @throws MachineLimitError naming the limit, the number needed and the ways out, when the fan-out cannot open its sockets.
 */
export function checkFanOut(plan: FanOutPlan, limits: MachineLimits): string[] {
  const needs = fanOutNeeds(plan, limits);
  const largest = largestN(limits, plan.serverInProcess);
  const ways = (extra: string[]) =>
    [
      `a lower N (at most ${largest.n} at once here)`,
      `--connections ${Math.max(1, largest.n)} (requests past it wait for a free socket)`,
      ...extra,
    ].join('; ');
  const problems: string[] = [];
  const files = limits.openFiles;
  if (files && needs.descriptors > files.soft) {
    const serverPart = plan.serverInProcess ? ` + ${plan.connections} for the mock's side (it runs in this process)` : '';
    const raise = files.hard > files.soft ? `a higher open-file limit (ulimit -n ${Math.min(files.hard, needs.descriptors)}; the hard limit is ${files.hard})` : `a higher open-file limit (the hard limit is ${files.hard} too: raise it as root, e.g. in /etc/security/limits.conf)`;
    problems.push(
      `open files: ${plan.label} needs ${needs.descriptors} file descriptors (${plan.clientSockets} client sockets${serverPart} + ${(limits.openNow ?? 0) + DESCRIPTOR_HEADROOM} for the runtime), but this process may hold ${files.soft} (ulimit -n). Ways out: ${ways([
        raise,
        ...(plan.serverInProcess ? ['the mock in another process (pokebench serve, then run --url), which halves what this process needs'] : []),
      ])}.`,
    );
  }
  const ports = limits.ephemeralPorts;
  if (ports && needs.ports > ports.count) {
    problems.push(
      `local ports: ${plan.label} opens ${needs.ports} connections at once, but the ephemeral port range (net.ipv4.ip_local_port_range ${ports.low}-${ports.high}) has ${ports.count} ports. Ways out: ${ways([
        'a wider range (sysctl -w net.ipv4.ip_local_port_range="1024 65535")',
      ])}.`,
    );
  }
  if (problems.length > 0) {
    throw new MachineLimitError(`Refusing to start the sweep: this machine cannot open its largest fan-out at once, so its runs would lose requests and measure nothing.\n  ${problems.join('\n  ')}`);
  }
  const backlog = Math.min(plan.serverBacklog ?? Infinity, limits.somaxconn ?? Infinity);
  return plan.connections > backlog
    ? [
        `${plan.label} opens ${plan.connections} connections at once, past the listen backlog (${backlog}${limits.somaxconn !== undefined && backlog === limits.somaxconn ? ', net.core.somaxconn' : ''}): setups the server does not accept in time are retried after about 1 s, which shows as a slow run. A larger net.core.somaxconn, or --connections ${backlog}, avoids it.`,
      ]
    : [];
}
