/**
 * The machine's limits on a fan-out, read before a sweep: how many files this
 * process may hold open (every socket is one), how many local ports a client
 * may connect from, and how many connections a listening socket queues.
 * Linux exposes them under /proc; elsewhere they are unknown and not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Where the limits are read from; injected so tests fake a machine. */
export interface LimitSource {
  /** The text of a file, or undefined when it cannot be read (not Linux, no /proc). */
  readFile(path: string): string | undefined;
  /** Descriptors this process holds open now, or undefined when unknown. */
  openDescriptors(): number | undefined;
}

/** The limits that bound a cold fan-out; a field is undefined when this machine does not say. */
export interface MachineLimits {
  /** Open-file limit of this process (`ulimit -n`): soft (enforced) and hard (the most the soft one can be raised to); Infinity when unlimited. */
  openFiles: { soft: number; hard: number } | undefined;
  /** Descriptors already open in this process. */
  openNow: number | undefined;
  /** Local ports a client connects from (`net.ipv4.ip_local_port_range`), inclusive. */
  ephemeralPorts: { low: number; high: number; count: number } | undefined;
  /** The kernel's cap on any listen backlog (`net.core.somaxconn`). */
  somaxconn: number | undefined;
}

/** The files read on Linux. */
export const LIMIT_FILES = {
  limits: '/proc/self/limits',
  portRange: '/proc/sys/net/ipv4/ip_local_port_range',
  somaxconn: '/proc/sys/net/core/somaxconn',
  descriptors: '/proc/self/fd',
} as const;

/** This process's limits from /proc (undefined fields elsewhere). */
export const procLimitSource: LimitSource = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  openDescriptors() {
    try {
      return readdirSync(LIMIT_FILES.descriptors).length;
    } catch {
      return undefined;
    }
  },
};

/**
 * Read the limits from `source`.
 *
 * @example readMachineLimits().openFiles // { soft: 20000, hard: 20000 }
 */
export function readMachineLimits(source: LimitSource = procLimitSource): MachineLimits {
  return {
    openFiles: parseOpenFiles(source.readFile(LIMIT_FILES.limits)),
    openNow: source.openDescriptors(),
    ephemeralPorts: parsePortRange(source.readFile(LIMIT_FILES.portRange)),
    somaxconn: parseCount(source.readFile(LIMIT_FILES.somaxconn)),
  };
}

/** The `Max open files` row of /proc/self/limits. */
export function parseOpenFiles(text: string | undefined): MachineLimits['openFiles'] {
  const row = /^Max open files\s+(\S+)\s+(\S+)/m.exec(text ?? '');
  if (!row) return undefined;
  const value = (s: string) => (s === 'unlimited' ? Infinity : Number(s));
  const soft = value(row[1] as string);
  const hard = value(row[2] as string);
  return soft > 0 && hard > 0 ? { soft, hard } : undefined;
}

/** `low high` of ip_local_port_range. */
export function parsePortRange(text: string | undefined): MachineLimits['ephemeralPorts'] {
  const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(text ?? '');
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = Number(match[2]);
  return high >= low ? { low, high, count: high - low + 1 } : undefined;
}

function parseCount(text: string | undefined): number | undefined {
  const value = Number((text ?? '').trim());
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}
