/**
 * The peer protocol (`pokebench-peer/1`, peers/README.md): the one JSON line
 * an external client prints last on stdout, as a zod 4 schema, and the parse
 * that turns a peer's stdout into a report or a problem worth printing.
 */
import { z } from 'zod';
import { formatIssues, issueRule, preview } from '../../mock-server/errors/index.ts';

/** The protocol name and version every report line carries. */
export const PEER_PROTOCOL = 'pokebench-peer/1';

const nonNegative = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();

/** How a peer describes its own concurrency, for the scaling model. */
export const peerModelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sequential') }),
  z.object({ kind: z.literal('bounded'), k: z.number().int().positive() }),
  z.object({ kind: z.literal('concurrent') }),
]);

/** The report line. Unknown keys are allowed (and dropped), so a peer may add its own. */
export const peerReportSchema = z.object({
  protocol: z.literal(PEER_PROTOCOL),
  client: z.string().min(1),
  model: peerModelSchema,
  wallMs: nonNegative,
  cpuMs: z.object({ user: nonNegative, system: nonNegative }),
  /** Optional: the process's threads' run-queue wait over the same window, summed, ms (Linux). */
  runQueueMs: nonNegative.optional(),
  counts: z.object({ ok: count, 'http-error': count, 'network-error': count, timeout: count }),
  delaysMs: z.array(nonNegative.nullable()),
  /** Optional: when each request left (its headers written), ms from the window's start, in input order; null where it never did. */
  sentMs: z.array(nonNegative.nullable()).optional(),
  errors: z.record(z.string(), count).optional(),
});

/** A peer's concurrency: `sequential`, `bounded` with k slots, or `concurrent`. */
export type PeerModel = z.infer<typeof peerModelSchema>;

/**
 * What a peer measured about one run of N requests: wall and CPU time over
 * the fan-out, one outcome per request, and the delay the server applied to
 * each (null where no response said).
 */
export type PeerReport = z.infer<typeof peerReportSchema>;

/**
 * The result of parsing a peer's output: a report, or why not. `garbage`: no
 * line that is a report; `miscount`: a report whose counts or delays do not
 * account for exactly N requests.
 */
export type PeerParse =
  | { ok: true; report: PeerReport }
  | { ok: false; reason: 'garbage' | 'miscount'; problem: string };

/**
 * Parses one report line and checks it accounts for exactly `n` requests.
 *
 * @example
 * const parsed = parsePeerLine(line, 100);
 * if (parsed.ok) console.log(parsed.report.wallMs);
 * else console.error(parsed.problem); // 'counts sum to 99, expected N = 100'
 */
export function parsePeerLine(line: string, n: number): PeerParse {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'garbage', problem: `the last line is not JSON: ${preview(line)}` };
  }
  if (typeof json === 'object' && json !== null && 'protocol' in json && json.protocol !== PEER_PROTOCOL) {
    return { ok: false, reason: 'garbage', problem: `the report speaks ${JSON.stringify(json.protocol)}, expected "${PEER_PROTOCOL}"` };
  }
  const result = peerReportSchema.safeParse(json, { error: issueRule });
  if (!result.success) {
    const issues = formatIssues(result.error.issues)
      .slice(0, 5)
      .map((issue) => `${issue.path}: ${issue.rule}`);
    return { ok: false, reason: 'garbage', problem: `the last line is not a ${PEER_PROTOCOL} report: ${issues.join('; ')}` };
  }
  const report = result.data;
  const { counts } = report;
  const sum = counts.ok + counts['http-error'] + counts['network-error'] + counts.timeout;
  if (sum !== n) {
    return { ok: false, reason: 'miscount', problem: `counts sum to ${sum}, expected N = ${n} (one outcome per request)` };
  }
  if (report.delaysMs.length !== n) {
    return { ok: false, reason: 'miscount', problem: `delaysMs has ${report.delaysMs.length} entries, expected N = ${n} (one per request, in input order)` };
  }
  if (report.sentMs !== undefined && report.sentMs.length !== n) {
    return { ok: false, reason: 'miscount', problem: `sentMs has ${report.sentMs.length} entries, expected N = ${n} (one per request, in input order)` };
  }
  return { ok: true, report };
}

/**
 * Parses a peer's whole stdout: the report is its last non-empty line, and
 * anything before it is ignored.
 */
export function parsePeerOutput(stdout: string, n: number): PeerParse {
  const lines = stdout.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && (lines[last] ?? '').trim() === '') last -= 1;
  if (last < 0) return { ok: false, reason: 'garbage', problem: 'printed nothing on stdout' };
  return parsePeerLine((lines[last] ?? '').trim(), n);
}
