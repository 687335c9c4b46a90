import { SEVERITIES, type Severity } from '../../model/catalog';
import type { Change } from '../../catalog/schema';
import { ADDON_BELOW_BASIS, type Report } from '../../model/report';
import { clip, mdCode, mdText, table } from './markdown-escape';
import type { FindingGroup } from '../group';
import { renderText } from '../../model/text';
import { completenessOf } from '../completeness';

/** Longest cluster-provided sentence a table cell shows; the full text is in the JSON and CSV exports. */
export const CELL_MAX = 300;

export const SEVERITY_LABEL: Record<Severity, string> = { breaking: 'Breaking', action: 'Action', info: 'Info' };

function formatDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Title, then a two-column table of what was scanned, against what, when and with which catalog. */
export function headerSection(report: Report): string[] {
  const { cluster } = report;
  const server = cluster.source.server === undefined ? '' : ` (${mdCode(cluster.source.server)})`;
  const files = cluster.source.kind === 'files';
  const rows = files
    ? [
        `| Repository | ${mdCode(cluster.source.label)} |`,
        `| Target | ${report.target} (changes of ${cluster.releasesInScope.join(', ') || 'no release'}) |`,
        `| Scanned | ${formatDate(report.generatedAt)} |`,
        `| Catalog | ${mdCode(report.catalogVersion)} |`,
        `| Objects read | ${cluster.workloads} workloads |`,
      ]
    : [
        `| Cluster | ${mdCode(cluster.source.label)}${server} |`,
        `| Kubernetes version | ${cluster.serverVersion === undefined ? 'unknown' : mdCode(cluster.serverVersion)} |`,
        `| Target | ${report.target} (changes of ${cluster.releasesInScope.join(', ') || 'no release'}) |`,
        `| Scanned | ${formatDate(report.generatedAt)} |`,
        `| Catalog | ${mdCode(report.catalogVersion)} |`,
        `| Objects read | ${cluster.nodes} nodes, ${cluster.namespaces} namespaces, ${cluster.workloads} workloads, ${cluster.pods} pods |`,
      ];
  if (report.redaction) rows.push('| Redacted | yes: every name of the cluster is replaced by a stable token |');
  const completeness = completenessOf(report);
  const verdict = completeness.status === 'complete' ? completeness.headline : `**${completeness.headline}**`;
  return [`## Release Lens: upgrade to Kubernetes ${report.target}`, '', verdict, '', ...table(['', ''], rows), ''];
}

/** `1 finding`, `2 findings`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Affected changes (by their worst finding) and findings per severity, then not-detected and not-checked counts. */
export function summarySection(report: Report, groups: readonly FindingGroup[]): string[] {
  const rows = SEVERITIES.map((s) => {
    const changes = groups.filter((g) => g.worstSeverity === s).length;
    const findings = report.findings.filter((f) => f.severity === s).length;
    return `| ${SEVERITY_LABEL[s]} | ${changes} | ${findings} |`;
  });
  const count = (status: string) => report.changes.filter((c) => c.status === status).length;
  return [
    '### Summary',
    '',
    ...table(
      [
        'Severity',
        `Changes affecting ${report.cluster.source.kind === 'files' ? 'these files' : 'this cluster'}`,
        'Findings',
      ],
      rows,
      ['---', '---:', '---:'],
    ),
    '',
    `Not detected: ${plural(count('not-detected'), 'change')}. Not checked: ${plural(count('not-checked'), 'change')}.`,
    '',
  ];
}

const VERDICT_TEXT = {
  inside: 'supported',
  older: '**too old**',
  newer: 'newer than tested',
  unknown: 'version unknown',
  'no-statement': 'no statement',
} as const;

/** The add-ons found: version, and for each release step the supported range and where the version stands. */
export function addonsSection(report: Report): string[] {
  const addons = report.addons ?? [];
  if (addons.length === 0) return [];
  const releases = [...new Set(addons.flatMap((a) => a.releases.map((r) => r.release)))].sort();
  const rows = addons.map((a) => {
    const object = `${a.object.kind} ${a.object.namespace ? `${a.object.namespace}/` : ''}${a.object.name}`;
    const steps = releases.map((r) => {
      const step = a.releases.find((x) => x.release === r);
      if (!step) return '';
      const verdict =
        step.basis && step.verdict === 'older' ? ADDON_BELOW_BASIS[step.basis] : VERDICT_TEXT[step.verdict];
      return `${verdict}${step.range ? ` (${mdCode(step.range)})` : ''}`;
    });
    const version = a.version === undefined ? `unknown (${a.unknown ?? 'unreadable'})` : mdCode(a.version);
    return `| ${mdText(a.name)} | ${mdCode(object)} | ${version} | ${steps.join(' | ')} |`;
  });
  return [
    '### Add-ons',
    '',
    ...table(['Add-on', 'Workload', 'Version', ...releases.map((r) => `Kubernetes ${r}`)], rows),
    '',
  ];
}

/** Changes that could not be checked and why, unreadable resources, and checks that ran blind. */
export function gapsSection(report: Report, changes: ReadonlyMap<string, Change>): string[] {
  const out: string[] = [];
  const notChecked = report.changes.filter((c) => c.status === 'not-checked');
  if (notChecked.length > 0) {
    const rows = notChecked.map((c) => {
      const title = changes.get(c.changeId)?.title ?? c.changeId;
      return `| ${mdText(title)} (${mdCode(c.changeId)}) | ${mdText(clip(c.reason === undefined ? 'no reason recorded' : renderText(c.reason), CELL_MAX))} |`;
    });
    out.push('### Not checked', '', ...table(['Change', 'Why'], rows), '');
  }
  const unread = report.coverage.filter((c) => c.status !== 'ok');
  if (unread.length > 0) {
    const rows = unread.map(
      (c) => `| ${mdCode(c.resource)} | ${c.status} | ${mdText(clip(renderText(c.message ?? []), CELL_MAX))} |`,
    );
    out.push('### Could not read', '', ...table(['Resource', 'Status', 'Detail'], rows), '');
  }
  const blind = report.rules.filter((r) => r.status !== 'ran');
  if (blind.length > 0) {
    const rows = blind.map((r) => {
      const missing = r.missing.map(mdCode).join(', ') || '-';
      return `| ${mdCode(r.ruleId)} | ${r.status} | ${missing} | ${mdText(clip(renderText(r.message ?? []), CELL_MAX))} |`;
    });
    out.push(
      '### Checks that did not see everything',
      '',
      ...table(['Check', 'Status', 'Missing', 'Detail'], rows),
      '',
    );
  }
  return out;
}
