/**
 * The facts about a run a reader needs to trust or compare its numbers
 * (profile, seed, payload, client, machine), as label/value pairs that each
 * report lays out its own way: a definition list, a Markdown line, a log line.
 */
import type { Results } from '../results/index.ts';
import { median } from '../stats/index.ts';
import { formatPercent } from './format.ts';

/** One fact: a short label and its value, both plain text (escape when embedding). */
export interface RunFact {
  label: string;
  value: string;
}

/** Every fact, in reading order. */
export function runFacts(results: Results): RunFact[] {
  const { settings, machine } = results;
  const waiting = contention(results);
  const { client, profile } = settings;
  return [
    { label: 'profile', value: `${profile.name} (seed ${profile.seed})` },
    ...(profile.description === undefined ? [] : [{ label: 'profile description', value: profile.description }]),
    { label: 'payload', value: settings.payload },
    {
      label: 'client',
      value: `${client.kind}, connections ${client.connections ?? 'unlimited'}, pipelining ${client.pipelining}, timeout ${client.timeoutMs === null ? 'none' : `${client.timeoutMs} ms`}`,
    },
    { label: 'repeats', value: `${settings.repeats} per point (+${settings.warmup} warmup)` },
    { label: 'server', value: serverFact(results) },
    { label: 'node', value: machine.node },
    { label: 'cpus', value: `${machine.cpus} (${machine.cpuModel})` },
    { label: 'machine', value: `${machine.platform}/${machine.arch}, ${machine.totalMemoryMb} MB, load ${machine.loadAverage1m.toFixed(2)} (1 min) at start` },
    ...(waiting === undefined ? [] : [{ label: 'waiting for a CPU', value: waiting }]),
    { label: 'created', value: results.createdAt },
    { label: 'sweep time', value: `${(results.durationMs / 1000).toFixed(1)} s` },
    { label: 'tool', value: `${results.tool.name} ${results.tool.version}` },
    ...(strategyMachines(results) === undefined ? [] : [{ label: 'machines', value: strategyMachines(results)! }]),
  ];
}

/** Where the mock ran: a reader must know whether its work was billed to the client. */
function serverFact(results: Results): string {
  const settings = results.settings;
  if (settings.mock === 'child') return 'mock in a child process of its own (127.0.0.1)';
  if (settings.mock === 'in-process') return "mock in the client's process (127.0.0.1): its work is billed to the client";
  return settings.url === null ? 'embedded mock (127.0.0.1)' : `${settings.url}${targetWorkers(results)}`;
}

/** ` (2 workers)` for a target whose admin API said how many served it, else empty. */
function targetWorkers(results: Results): string {
  const workers = results.settings.target?.workers;
  if (workers === undefined) return '';
  return workers === null ? ' (workers unknown: no pokebench admin API answered)' : ` (${workers} worker${workers === 1 ? '' : 's'})`;
}

/**
 * In merged results (`pokebench merge`), which machine measured each
 * strategy (`sequential, bounded(6) on ci-1 (2 cpus, EPYC) · concurrent on
 * ci-2 (...)`); undefined for a run on one machine.
 */
export function strategyMachines(results: Results): string | undefined {
  if (results.merged === undefined) return undefined;
  const groups = new Map<string, string[]>();
  for (const s of results.strategies) {
    const m = s.machine ?? results.machine;
    const label = `${m.hostname ?? 'unnamed host'} (${m.cpus} cpus, ${m.cpuModel}, Node ${m.node})`;
    groups.set(label, [...(groups.get(label) ?? []), s.name]);
  }
  const parts = [...groups].map(([label, names]) => `${names.join(', ')} on ${label}`);
  return `${results.merged.shards} shards: ${parts.join(' · ')}`;
}

/**
 * The short form for one line: profile, seed, payload, client, Node and
 * cores (`fast-jitter-30ms seed 1 · slim payload · undici · Node v20.20.0 · 2 cpus`).
 */
export function runLine(results: Results): string {
  const { settings, machine } = results;
  const waiting = contention(results);
  return [
    `${settings.profile.name} seed ${settings.profile.seed}`,
    `${settings.payload} payload`,
    `${settings.client.kind} client`,
    ...(settings.mock === undefined ? [] : [settings.mock === 'external' ? 'external server' : `mock ${settings.mock}`]),
    settings.maxRepeats === undefined ? `${settings.repeats} repeats` : `${settings.repeats}-${settings.maxRepeats} repeats`,
    `Node ${machine.node}`,
    `${machine.platform}/${machine.arch}`,
    `${machine.cpus} cpus`,
    `load ${machine.loadAverage1m.toFixed(2)}`,
    ...(waiting === undefined ? [] : [`waiting for a CPU: ${waiting}`]),
  ].join(' · ');
}

/**
 * How much of the client's run time its loop spent ready to run with no CPU
 * free (each run's `runQueueMs` over its wall), over every run, and the worst
 * point's median: `client 4.1% of its run time (worst: concurrent N = 100,
 * 12.0%); the model bills it`. Undefined when no run measured it (not Linux,
 * older files). A busy machine shows here, not as an inefficient client.
 */
export function contention(results: Results): string | undefined {
  let waited = 0;
  let ran = 0;
  let worst: { name: string; n: number; share: number } | undefined;
  for (const s of results.strategies) {
    for (const p of s.points) {
      const shares = p.runs.flatMap((r) => (r.runQueueMs === undefined ? [] : [r.runQueueMs / r.wallMs]));
      if (shares.length === 0) continue;
      for (const r of p.runs) {
        if (r.runQueueMs === undefined) continue;
        waited += r.runQueueMs;
        ran += r.wallMs;
      }
      const share = median(shares);
      if (worst === undefined || share > worst.share) worst = { name: s.name, n: p.n, share };
    }
  }
  if (worst === undefined || !(ran > 0)) return undefined;
  return `client ${formatPercent(waited / ran)} of its run time (worst: ${worst.name} N = ${worst.n}, ${formatPercent(worst.share)}); the model bills it`;
}
