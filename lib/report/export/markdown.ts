import type { Catalog } from '../../catalog/load';
import type { Change } from '../../catalog/schema';
import type { Severity } from '../../model/catalog';
import type { Finding } from '../../model/finding';
import type { Report } from '../../model/report';
import { clip, mdCode, mdText, table } from './markdown-escape';
import {
  addonsSection,
  CELL_MAX,
  gapsSection,
  headerSection,
  plural,
  SEVERITY_LABEL,
  summarySection,
} from './markdown-sections';
import { acceptedText, actionLines, changesById, groupByChange, primaryLink, sourceText } from './shared';
import { renderText } from '../../model/text';

/** GitHub refuses comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Past this many findings, a change's table is folded into a <details> block. */
const FOLD_AFTER = 10;
const MAX_REMEDIATIONS = 5;
const NOTE_RESERVE = 400;

const size = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
/** Finding ids go into an HTML comment: keep only characters that cannot close it. */
const safeId = (id: string) => id.replace(/[^A-Za-z0-9_.:-]/g, '');

/** How much one Markdown rendering may hold: everything (a file), or what fits a pull-request comment. */
interface MarkdownLimits {
  /** Characters of the whole document. */
  budget: number;
  /** Characters of one message cell. */
  cell: number;
  /** Distinct per-object remediations listed per change. */
  remediations: number;
}

const FULL: MarkdownLimits = { budget: Infinity, cell: Infinity, remediations: Infinity };
const COMMENT: MarkdownLimits = { budget: GITHUB_COMMENT_LIMIT, cell: CELL_MAX, remediations: MAX_REMEDIATIONS };

function findingRow(f: Finding, limits: MarkdownLimits): string {
  const owner = f.owner ? `${mdText(f.owner.kind)} ${mdCode(f.owner.name)}` : '';
  const cells = [
    `<!-- finding:${safeId(f.id)} --> ${mdText(f.object.kind)}`,
    mdCode(f.object.namespace ?? ''),
    f.location
      ? `${mdCode(f.object.name)} at ${mdCode(`${f.location.path}:${f.location.line}`)}`
      : f.source
        ? `${mdCode(f.object.name)} (${mdText(sourceText(f.source))})`
        : mdCode(f.object.name),
    owner,
    f.helmRelease ? mdCode(f.helmRelease.name) : '',
    f.confidence,
    `${f.accepted ? `**Accepted** (${mdText(acceptedText(f.accepted))}): ` : ''}${mdText(clip(renderText(f.message), limits.cell))}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

function heading(changeId: string, change: Change | undefined): string {
  const link = primaryLink(change);
  const label = change?.kep === undefined ? 'source' : `KEP-${change.kep}`;
  return `#### ${mdText(change?.title ?? changeId)}${link === undefined ? '' : ` · [${label}](${link})`}`;
}

function whatToDo(change: Change | undefined, findings: readonly Finding[], limits: MarkdownLimits): string[] {
  const specific = [...new Set(findings.map((f) => renderText(f.remediation)))];
  const lines = [
    ...actionLines(change).map((l) => `- ${mdText(l)}`),
    ...specific.slice(0, limits.remediations).map((r) => `- ${mdText(clip(r, limits.cell * 2))}`),
  ];
  if (specific.length > limits.remediations) {
    lines.push(`- … and ${specific.length - limits.remediations} more, per object.`);
  }
  return lines.length === 0 ? [] : ['**What to do**', '', ...lines, ''];
}

/** One change: heading, object table (folded when long), what to do; rows are cut to fit `budget` characters. */
function changeSection(
  findings: readonly Finding[],
  changeId: string,
  change: Change | undefined,
  budget: number,
  limits: MarkdownLimits,
) {
  const namespaces = new Set(findings.map((f) => f.object.namespace ?? '')).size;
  const fold = findings.length > FOLD_AFTER;
  const intro = [
    heading(changeId, change),
    '',
    `${mdCode(changeId)} · ${plural(findings.length, 'finding')} in ${plural(namespaces, 'namespace')}`,
    '',
    ...(fold ? [`<details><summary>${plural(findings.length, 'finding')}</summary>`, ''] : []),
    ...table(['Kind', 'Namespace', 'Name', 'Owner', 'Helm release', 'Confidence', 'Finding'], []),
  ];
  const outro = [...(fold ? ['', '</details>'] : []), '', ...whatToDo(change, findings, limits)];
  let left = budget - size(intro) - size(outro) - 80;
  const rows: string[] = [];
  for (const f of findings) {
    const line = findingRow(f, limits);
    if (line.length + 1 > left) break;
    rows.push(line);
    left -= line.length + 1;
  }
  if (rows.length === 0) return { lines: [], shown: 0 };
  const cut = findings.length - rows.length;
  const note = cut > 0 ? ['', `_… ${cut} more findings of this change are not shown (comment size limit)._`] : [];
  return { lines: [...intro, ...rows, ...note, ...outro], shown: rows.length };
}

/** The whole report as Markdown: summary, every finding by change (breaking first), coverage gaps. */
export function exportMarkdown(report: Report, catalog: Catalog): string {
  return renderMarkdown(report, catalog, FULL);
}

/**
 * The report cut to fit a GitHub pull-request comment: as many changes and findings as fit, breaking first, and a
 * note that says how many were left out and that the full Markdown, JSON, CSV and SARIF exports hold them.
 */
export function exportPrComment(report: Report, catalog: Catalog): string {
  return renderMarkdown(report, catalog, COMMENT);
}

function renderMarkdown(report: Report, catalog: Catalog, limits: MarkdownLimits): string {
  const changes = changesById(catalog);
  const groups = groupByChange(report.findings);
  const head = [...headerSection(report), ...summarySection(report, groups)];
  const footer = `<sub>Release Lens ${mdText(report.tool.version)} · catalog ${mdCode(report.catalogVersion)}</sub>`;
  // The add-on table goes with the full report; the pull-request comment stays short.
  const addons = limits.budget === Infinity ? addonsSection(report) : [];
  const tail = [...addons, ...gapsSection(report, changes), footer];
  let budget = limits.budget - size(head) - size(tail) - NOTE_RESERVE;
  const body: string[] = [];
  let shown = 0;
  let section: Severity | undefined;
  for (const group of groups) {
    const title = group.worstSeverity === section ? [] : [`### ${SEVERITY_LABEL[group.worstSeverity]}`, ''];
    const part = changeSection(group.findings, group.key, changes.get(group.key), budget - size(title), limits);
    if (part.shown === 0) break;
    body.push(...title, ...part.lines);
    budget -= size(title) + size(part.lines);
    shown += part.shown;
    section = group.worstSeverity;
    if (part.shown < group.findings.length) break;
  }
  const omitted = report.findings.length - shown;
  const note = omitted === 0 ? [] : [truncationNote(omitted, report.findings.length), ''];
  const empty =
    report.findings.length === 0 ? ['No finding: none of the checked changes affects this cluster.', ''] : [];
  const text = [...head, ...note, ...empty, ...body, ...tail].join('\n') + '\n';
  return limits.budget === Infinity ? text : fit(text);
}

function truncationNote(omitted: number, total: number): string {
  return (
    `> **Truncated:** ${omitted} of ${total} findings are not shown, to stay under GitHub's ` +
    `${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit. ` +
    'The full Markdown (--format md), JSON, CSV and SARIF exports carry every finding.'
  );
}

/** Last resort when the fixed parts alone are too long: cut at a line break and say so. */
function fit(text: string): string {
  if (text.length <= GITHUB_COMMENT_LIMIT) return text;
  const cut = text.lastIndexOf('\n', GITHUB_COMMENT_LIMIT - NOTE_RESERVE);
  return `${text.slice(0, cut)}\n\n> **Truncated:** the rest of this report did not fit in a comment.\n`;
}
