import type { Catalog } from '../../catalog/load';
import type { Evidence, Finding } from '../../model/finding';
import type { Report } from '../../model/report';
import { acceptedText, changesById, sortFindings, sourceText } from './shared';
import { renderText } from '../../model/text';

/** The CSV columns, in order; `finding_id` last so a spreadsheet can track a finding across scans. */
export const CSV_COLUMNS = [
  'severity',
  'change_id',
  'change_title',
  'kep',
  'rule_id',
  'confidence',
  'api_version',
  'kind',
  'namespace',
  'name',
  'owner_kind',
  'owner_name',
  'helm_release',
  'location',
  'accepted',
  'source',
  'message',
  'remediation',
  'evidence',
  'finding_id',
] as const;

/** Cells starting with these are formulas to a spreadsheet; `'` is guarded too, so unguarding is unambiguous. */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A cell as spreadsheet-safe RFC 4180 text: formula starts neutralized with `'`, quoted when needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One evidence item on one line: `source path = value: detail`. */
export function evidenceText(e: Evidence): string {
  const where = [e.source, e.path === undefined ? undefined : renderText(e.path)]
    .filter((p) => p !== undefined)
    .join(' ');
  const value = e.value === undefined ? '' : ` = ${renderText(e.value)}`;
  return `${where}${value}: ${renderText(e.detail)}`;
}

function findingRecord(f: Finding, title: string, kep: string): string[] {
  return [
    f.severity,
    f.changeId,
    title,
    kep,
    f.ruleId,
    f.confidence,
    f.object.apiVersion,
    f.object.kind,
    f.object.namespace ?? '',
    f.object.name,
    f.owner?.kind ?? '',
    f.owner?.name ?? '',
    f.helmRelease ? `${f.helmRelease.namespace}/${f.helmRelease.name}` : '',
    f.location ? `${f.location.path}:${f.location.line}:${f.location.column}` : '',
    f.accepted ? acceptedText(f.accepted) : '',
    f.source ? sourceText(f.source) : '',
    renderText(f.message),
    renderText(f.remediation),
    f.evidence.map(evidenceText).join('\n'),
    f.id,
  ];
}

/** One row per finding (RFC 4180, CRLF line ends, header row), in reading order: breaking first. */
export function exportCsv(report: Report, catalog: Catalog): string {
  const changes = changesById(catalog);
  const lines = [CSV_COLUMNS.join(',')];
  for (const f of sortFindings(report.findings)) {
    const change = changes.get(f.changeId);
    const kep = change?.kep === undefined ? '' : String(change.kep);
    lines.push(
      findingRecord(f, change?.title ?? '', kep)
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
