/**
 * Like with like: before any wall time is compared, check that the two runs
 * measured the same thing (profile, payload) on comparable machines and clients.
 * A different profile or payload makes the comparison meaningless; anything
 * else is named in a note so the reader can judge.
 */
import type { MachineInfo, Results, RunSettings } from '../results/index.ts';

/** What differs between the two runs' setups. */
export interface SetupComparison {
  /** Differences that make wall times incomparable (the gate answers `unusable`). */
  blockers: string[];
  /** Differences worth knowing about that do not stop the comparison. */
  notes: string[];
}

/**
 * Compare machines and settings of two runs.
 *
 * @example compareSetups(baseline, current).blockers // ['profile differs: "fixed-100" in the baseline, "lognormal-90" now…']
 */
export function compareSetups(baseline: Results, current: Results): SetupComparison {
  const blockers = settingBlockers(baseline.settings, current.settings);
  const notes = [...machineNotes(baseline.machine, current.machine), ...settingNotes(baseline.settings, current.settings)];
  return { blockers, notes };
}

function settingBlockers(b: RunSettings, c: RunSettings): string[] {
  const out: string[] = [];
  if (b.profile.name !== c.profile.name) {
    out.push(`profile differs: ${JSON.stringify(b.profile.name)} in the baseline, ${JSON.stringify(c.profile.name)} now; rerun with the baseline's profile (--profile ${b.profile.name}).`);
  } else if (canonicalJson(b.profile.definition) !== canonicalJson(c.profile.definition)) {
    out.push(`profile ${JSON.stringify(b.profile.name)} has a different definition than in the baseline; the delays are not the same, so neither are the wall times. Renew the baseline.`);
  }
  if (b.payload !== c.payload) {
    out.push(`payload differs: ${b.payload} in the baseline, ${c.payload} now; rerun with --payload ${b.payload}.`);
  }
  return out;
}

function settingNotes(b: RunSettings, c: RunSettings): string[] {
  const out: string[] = [];
  if (b.profile.seed !== c.profile.seed) {
    out.push(`profile seed differs (${b.profile.seed} in the baseline, ${c.profile.seed} now): the server drew other delays, so part of any change is the delays, not the client.`);
  }
  const client = (['kind', 'connections', 'pipelining', 'timeoutMs'] as const)
    .filter((key) => b.client[key] !== c.client[key])
    .map((key) => `${key} ${String(b.client[key])} → ${String(c.client[key])}`);
  if (client.length > 0) out.push(`client settings differ (${client.join(', ')}).`);
  if (b.url !== c.url) {
    out.push(`server differs: ${b.url ?? 'embedded mock'} in the baseline, ${c.url ?? 'embedded mock'} now.`);
  }
  // A file written before the mock could run apart had it on the client's loop.
  const placement = (s: RunSettings) => s.mock ?? (s.url === null ? 'in-process' : 'external');
  if (b.url === c.url && placement(b) !== placement(c)) {
    out.push(`the mock ran ${placement(b)} in the baseline and ${placement(c)} now: an in-process mock's work is billed to the client, so part of any change is the mock's placement.`);
  }
  return out;
}

function machineNotes(b: MachineInfo, c: MachineInfo): string[] {
  const diffs: string[] = [];
  if (b.cpus !== c.cpus) diffs.push(`cpus ${b.cpus} → ${c.cpus}`);
  if (nodeMajor(b.node) !== nodeMajor(c.node)) diffs.push(`node ${b.node} → ${c.node}`);
  if (b.cpuModel !== c.cpuModel) diffs.push(`cpu model ${JSON.stringify(b.cpuModel)} → ${JSON.stringify(c.cpuModel)}`);
  if (b.platform !== c.platform || b.arch !== c.arch) diffs.push(`platform ${b.platform}-${b.arch} → ${c.platform}-${c.arch}`);
  const out: string[] = [];
  if (diffs.length > 0) {
    out.push(
      `machines differ (${diffs.join('; ')}): the baseline was measured on ${b.platform}-${b.arch}, ${b.cpus} × ${b.cpuModel}, node ${b.node}. ` +
        'Pool defaults follow the core count; for a fair gate run both builds on one machine.',
    );
  }
  for (const [side, m] of [['baseline', b], ['current', c]] as const) {
    if (Number.isFinite(m.loadAverage1m) && m.loadAverage1m >= m.cpus) {
      out.push(`the ${side} run started on a busy machine (load average ${m.loadAverage1m} on ${m.cpus} cpus): expect noise.`);
    }
  }
  return out;
}

/** The major version of a `process.version` string (`v20.20.0` → 20); the string itself when unparsable. */
function nodeMajor(version: string): string {
  return /^v?(\d+)\./.exec(version)?.[1] ?? version;
}

/** JSON with object keys sorted, so two equal definitions compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'undefined';
}
