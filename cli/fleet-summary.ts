import Table from 'cli-table3';
import type { Severity } from '../lib/model/catalog';
import type { ReadinessVerdict } from '../lib/report/readiness';
import { EXIT, type ExitCode } from './exit-codes';

/** One cluster of a fleet run: how it stands, or why it could not be scanned. */
export interface FleetRow {
  context: string;
  server?: string;
  /** The kube-system namespace's UID: two contexts of one cluster share it. */
  uid?: string;
  version?: string;
  verdict: ReadinessVerdict | 'failed';
  blockers: number;
  before: number;
  after: number;
  /** Gaps of the scan: blind checks, unreadable resource types. */
  notChecked: number;
  counts: Record<Severity, number>;
  exit: ExitCode;
  /** The report file, or the reason the cluster could not be scanned. */
  file?: string;
  error?: string;
  seconds: number;
}

/** Worst first: a cluster not scanned, then a wrong context, a scan that is no result, findings, nothing. */
const EXIT_RANK: Record<number, number> = {
  [EXIT.ok]: 0,
  [EXIT.findings]: 1,
  [EXIT.incomplete]: 2,
  [EXIT.usage]: 3,
  [EXIT.scanFailed]: 4,
};

/** The fleet's exit code: its worst cluster's. */
export function worstExit(rows: readonly FleetRow[]): ExitCode {
  let worst: ExitCode = EXIT.ok;
  for (const r of rows) if ((EXIT_RANK[r.exit] ?? 5) > (EXIT_RANK[worst] ?? 5)) worst = r.exit;
  return worst;
}

const VERDICT: Record<FleetRow['verdict'], string> = {
  blocked: 'blocked',
  'ready-with-actions': 'ready, with actions',
  ready: 'ready',
  unknown: 'cannot tell',
  failed: 'not scanned',
};

/** Blocked and failed clusters first, then by context name. */
export function sortRows(rows: readonly FleetRow[]): FleetRow[] {
  const order: FleetRow['verdict'][] = ['failed', 'blocked', 'unknown', 'ready-with-actions', 'ready'];
  return [...rows].sort(
    (a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || a.context.localeCompare(b.context),
  );
}

const HEAD = ['Cluster (context)', 'Kubernetes', 'Upgrade', 'Blockers', 'Before', 'After', 'Not checked', 'Report'];

function cells(r: FleetRow): string[] {
  const scanned = r.verdict !== 'failed';
  return [
    r.context,
    r.version ?? '',
    VERDICT[r.verdict],
    scanned ? String(r.blockers) : '',
    scanned ? String(r.before) : '',
    scanned ? String(r.after) : '',
    scanned ? String(r.notChecked) : '',
    r.error ?? r.file ?? '',
  ];
}

/** The clusters sharing one kube-system UID, when several contexts reached the same cluster. */
function sameClusters(rows: readonly FleetRow[]): string[] {
  const byUid = new Map<string, string[]>();
  for (const r of rows) if (r.uid) byUid.set(r.uid, [...(byUid.get(r.uid) ?? []), r.context]);
  return [...byUid.values()].filter((c) => c.length > 1).map((c) => c.join(', '));
}

/** The fleet summary for a terminal. */
export function fleetTable(rows: readonly FleetRow[], target: string): string {
  const table = new Table({ head: HEAD, wordWrap: true, style: { head: [], border: [] } });
  for (const r of sortRows(rows)) table.push(cells(r));
  return [`Upgrade to Kubernetes ${target}, ${rows.length} clusters`, table.toString(), ...sameNotes(rows)].join('\n');
}

function sameNotes(rows: readonly FleetRow[]): string[] {
  return sameClusters(rows).map((c) => `Same cluster (one kube-system UID): ${c}.`);
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The fleet summary as Markdown. */
export function fleetMarkdown(rows: readonly FleetRow[], target: string): string {
  const lines = [
    `## Release Lens fleet: upgrade to Kubernetes ${target}`,
    '',
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map(() => '---').join(' | ')} |`,
    ...sortRows(rows).map((r) => `| ${cells(r).map(mdCell).join(' | ')} |`),
  ];
  const notes = sameNotes(rows);
  return `${[...lines, ...(notes.length ? ['', ...notes] : [])].join('\n')}\n`;
}

/** The fleet summary as JSON: the target and every row, worst first. */
export function fleetJson(rows: readonly FleetRow[], target: string): string {
  return `${JSON.stringify({ target, exit: worstExit(rows), clusters: sortRows(rows) }, null, 2)}\n`;
}
