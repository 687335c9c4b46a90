import Table from 'cli-table3';
import type { Catalog } from '../lib/catalog/load';
import type { Finding } from '../lib/model/finding';
import type { Report } from '../lib/model/report';
import { renderText } from '../lib/model/text';
import { completenessOf } from '../lib/report/completeness';
import { acceptedText, sortFindings, sourceText } from '../lib/report/export/shared';

const SEVERITY: Record<Finding['severity'], string> = { breaking: 'BREAKING', action: 'action', info: 'info' };

const objectText = (f: Finding) =>
  `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}`;

/** Where to look: the file and line, or the joined source, or nothing for a cluster object. */
function whereText(f: Finding): string {
  if (f.location) return `${f.location.path}:${f.location.line}`;
  if (f.source) return sourceText(f.source);
  return '';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * The report as a terminal reads it: the completeness line, then the findings worst first, grouped under their
 * change, one row each: severity, the object with where it is written, and what is wrong, wrapped on words to the
 * terminal's width. Accepted findings say so.
 */
export function findingsTable(report: Report, catalog: Catalog, columns = 120): string {
  const titles = new Map(catalog.changes.map((c) => [c.id, c.title]));
  const width = Math.max(72, columns);
  const object = Math.max(24, Math.floor(width * 0.3));
  const message = width - object - 12 - 4;
  const table = new Table({
    head: ['Severity', 'Object', 'Finding'],
    colWidths: [12, object, message],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  let change: string | undefined;
  for (const f of sortFindings(report.findings)) {
    if (f.changeId !== change) {
      change = f.changeId;
      table.push([{ colSpan: 3, content: `${clip(titles.get(f.changeId) ?? f.changeId, 200)} (${f.changeId})` }]);
    }
    const where = whereText(f);
    table.push([
      f.accepted ? `${SEVERITY[f.severity]}\naccepted` : SEVERITY[f.severity],
      `${clip(objectText(f), 200)}${where ? `\n@ ${where}` : ''}`,
      clip(`${renderText(f.message)}${f.accepted ? ` Accepted: ${acceptedText(f.accepted)}.` : ''}`, 600),
    ]);
  }
  const head = completenessOf(report).headline;
  if (report.findings.length === 0) return `${head}\nNo finding for Kubernetes ${report.target}.\n`;
  return `${head}\n${table.toString()}\nFull advice and evidence: release-lens scan -f md (or json, csv, sarif).\n`;
}
