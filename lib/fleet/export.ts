import type { FleetClusterRow, FleetOverview } from '../model/fleet';
import { csvCell } from '../report/export/csv';
import { mdText } from '../report/export/markdown-escape';
import { formatDuration } from './period';
import { ageText, VERDICT_LABEL } from './labels';

export const FLEET_FORMATS = ['json', 'csv', 'md'] as const;
export type FleetFormat = (typeof FLEET_FORMATS)[number];

const COLUMNS = [
  'cluster_id',
  'name',
  'target',
  'verdict',
  'kubernetes',
  'blockers',
  'actions_before',
  'actions_after',
  'not_checked',
  'unreadable',
  'latest_report',
  'latest_at',
  'age',
  'schedule',
  'last_run',
] as const;

function values(c: FleetClusterRow): Record<(typeof COLUMNS)[number], string> {
  const l = c.latest;
  return {
    cluster_id: c.id,
    name: c.name,
    target: c.latest?.target ?? c.target,
    verdict: VERDICT_LABEL[c.verdict],
    kubernetes: l?.serverVersion ?? '',
    blockers: l ? String(l.blockers) : '',
    actions_before: l ? String(l.before) : '',
    actions_after: l ? String(l.after) : '',
    not_checked: l ? String(l.notChecked) : '',
    unreadable: l ? String(l.unreadable) : '',
    latest_report: l ? `/reports/${l.reportId}` : '',
    latest_at: l?.createdAt ?? '',
    age: l ? ageText(l.ageMs) : '',
    schedule:
      c.everyMs === undefined ? (c.modes.includes('agent') ? 'agent' : '') : `every ${formatDuration(c.everyMs)}`,
    last_run: c.lastRun ? `${c.lastRun.state}${c.lastRun.error ? `: ${c.lastRun.error}` : ''}` : '',
  };
}

/** One row per cluster, spreadsheet-safe. */
export function fleetCsv(rows: readonly FleetClusterRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((k) => csvCell(values(r)[k])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The fleet as Markdown: the clusters, then the changes that still bite and where. */
export function fleetMarkdown(overview: FleetOverview, rows: readonly FleetClusterRow[]): string {
  const shown = new Set(rows.map((r) => r.id));
  const head = [
    'Cluster',
    'Target',
    'Upgrade',
    'Kubernetes',
    'Blockers',
    'Before',
    'After',
    'Not checked',
    'Latest scan',
  ];
  const lines = [
    `## Release Lens fleet (${rows.length} clusters, ${overview.generatedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => {
      const v = values(r);
      return `| ${[mdText(r.name), v.target, v.verdict, mdText(v.kubernetes), v.blockers, v.actions_before, v.actions_after, v.not_checked, v.age ? `${v.age} ago` : ''].join(' | ')} |`;
    }),
  ];
  const changes = overview.changes
    .map((c) => ({ ...c, clusters: c.clusters.filter((id) => shown.has(id)) }))
    .filter((c) => c.clusters.length > 0);
  if (changes.length) {
    lines.push('', '### Changes that still affect these clusters', '');
    for (const c of changes) {
      lines.push(
        `- **${mdText(c.title)}** (${c.severity}): ${c.clusters.length} of ${rows.length}: ${c.clusters.map(mdText).join(', ')}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
