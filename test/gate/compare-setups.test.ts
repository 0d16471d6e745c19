import { describe, expect, it } from 'vitest';
import { compareSetups } from '../../src/gate/compare-setups.ts';
import type { Results } from '../../src/results/types.ts';
import { buildResults } from './build-results.ts';

const baseline = buildResults();

function variant(change: (r: Results) => Results): Results {
  return change(buildResults());
}

describe('compareSetups', () => {
  it('finds nothing to say about two runs of the same setup', () => {
    expect(compareSetups(baseline, buildResults({ seed: 9 }))).toEqual({ blockers: [], notes: [] });
  });

  it('blocks on a different profile name, definition or payload, one reason each', () => {
    const other = variant((r) => ({ ...r, settings: { ...r.settings, payload: 'realistic', profile: { ...r.settings.profile, name: 'jittery' } } }));
    expect(compareSetups(baseline, other).blockers).toEqual([
      expect.stringMatching(/^profile differs: "fixed-100" in the baseline, "jittery" now; rerun with the baseline's profile \(--profile fixed-100\)\.$/),
      expect.stringMatching(/^payload differs/),
    ]);
  });

  it('notes client, server and seed differences without blocking', () => {
    const other = variant((r) => ({
      ...r,
      settings: { ...r.settings, url: 'http://127.0.0.1:8080', client: { ...r.settings.client, connections: 64, pipelining: 2 } },
    }));
    expect(compareSetups(baseline, other)).toEqual({
      blockers: [],
      notes: ['client settings differ (connections null → 64, pipelining 1 → 2).', 'server differs: embedded mock in the baseline, http://127.0.0.1:8080 now.'],
    });
  });

  it("notes a mock that moved between the client's process and its own", () => {
    const child = variant((r) => ({ ...r, settings: { ...r.settings, mock: 'child' as const } }));
    expect(compareSetups(baseline, child).notes).toEqual([
      "the mock ran in-process in the baseline and child now: an in-process mock's work is billed to the client, so part of any change is the mock's placement.",
    ]);
    expect(compareSetups(child, child).notes).toEqual([]);
  });

  it('notes a run that started on a busy machine (load average at or above the core count)', () => {
    const busy = variant((r) => ({ ...r, machine: { ...r.machine, loadAverage1m: 3.5 } }));
    expect(compareSetups(baseline, busy).notes).toEqual(['the current run started on a busy machine (load average 3.5 on 2 cpus): expect noise.']);
  });
});
