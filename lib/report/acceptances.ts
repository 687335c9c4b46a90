import picomatch from 'picomatch';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding } from '../model/finding';
import type { Report, ReportNote } from '../model/report';
import type { SourceLocation } from '../model/snapshot';
import { slot, t } from '../model/text';

/** The file Release Lens reads accepted findings from, at the root of a repository. */
export const IGNORE_FILE = '.release-lens.yaml';

/**
 * One entry of the ignore file: which findings (a rule or change id; optionally an object and a path glob), why,
 * and until when. Every selector given must match.
 */
export interface AcceptanceEntry {
  rule?: string;
  change?: string;
  /** `Kind/namespace/name` (or `Kind/name` when cluster-scoped), with globs: `PodDisruptionBudget/shop/*`. */
  object?: string;
  /** A glob over the finding's file path: `charts/legacy/**`. */
  path?: string;
  reason: string;
  /** YYYY-MM-DD, the last day the entry applies. */
  expires?: string;
  at: SourceLocation;
}

export type IgnoreFileResult = { ok: true; entries: AcceptanceEntry[] } | { ok: false; problems: string[] };

/** A scalar node's value as text ('' for anything else). */
function scalarText(node: unknown): string {
  const value = (node as { value?: unknown } | null)?.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

const KEYS = new Set(['rule', 'change', 'object', 'path', 'reason', 'expires']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Reads an ignore file: `ignore:` holds a list of entries, each with `rule` or `change`, a `reason`, and optionally
 * `object`, `path` and `expires`. Any mistake is reported with its line, and nothing is applied: a typo must not
 * silently accept or reject findings.
 */
export function parseIgnoreFile(text: string, file: string): IgnoreFileResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const where = (node: Node | null | undefined): SourceLocation => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { path: file, line, column: col };
  };
  const problems: string[] = [];
  const problem = (at: SourceLocation, message: string) => problems.push(`${at.path}:${at.line}: ${message}`);
  if (/^---\s*$/m.test(text.replace(/^---\s*\n/, ''))) {
    return { ok: false, problems: [`${file}:1: expected one YAML document with an "ignore" list`] };
  }
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 5)) {
      const { line } = lines.linePos(e.pos[0]);
      problems.push(`${file}:${line}: ${e.message.split('\n')[0] ?? 'invalid YAML'}`);
    }
    return { ok: false, problems };
  }
  if (doc.contents === null) return { ok: true, entries: [] };
  if (!isMap(doc.contents)) return { ok: false, problems: [`${file}:1: expected a mapping with an "ignore" list`] };
  const list = doc.contents.get('ignore', true) as Node | undefined;
  for (const pair of doc.contents.items) {
    const key = scalarText(pair.key);
    if (key !== 'ignore') problem(where(pair.key), `unknown key "${key}" (expected "ignore")`);
  }
  if (list === undefined) return problems.length > 0 ? { ok: false, problems } : { ok: true, entries: [] };
  if (!isSeq(list))
    return { ok: false, problems: [`${where(list).path}:${where(list).line}: "ignore" must be a list`] };
  const entries: AcceptanceEntry[] = [];
  for (const item of list.items) {
    const at = where(item as Node);
    if (!isMap(item)) {
      problem(at, 'each entry must be a mapping (rule or change, reason, and optionally object, path, expires)');
      continue;
    }
    const fields: Record<string, string> = {};
    for (const pair of item.items) {
      const key = scalarText(pair.key);
      const value = (pair.value as { value?: unknown } | null)?.value;
      if (!KEYS.has(key)) problem(where(pair.key as Node), `unknown key "${key}"`);
      // YAML reads 2027-01-31 as a string here (the core schema has no dates); numbers and booleans are refused.
      else if (typeof value !== 'string' || value.trim() === '')
        problem(where(pair.value as Node), `"${key}" must be a non-empty string`);
      else fields[key] = value.trim();
    }
    if (fields.rule === undefined && fields.change === undefined) problem(at, 'an entry needs a rule or a change id');
    if (fields.reason === undefined) problem(at, 'an entry needs a reason: say why the finding is accepted');
    if (fields.expires !== undefined && !validDate(fields.expires))
      problem(at, `"expires" must be a date, YYYY-MM-DD (got "${fields.expires}")`);
    for (const glob of ['object', 'path'] as const) {
      const g = fields[glob];
      if (g !== undefined) {
        try {
          picomatch(g);
        } catch {
          problem(at, `"${glob}" is not a valid glob: ${g}`);
        }
      }
    }
    entries.push({
      ...(fields.rule === undefined ? {} : { rule: fields.rule }),
      ...(fields.change === undefined ? {} : { change: fields.change }),
      ...(fields.object === undefined ? {} : { object: fields.object }),
      ...(fields.path === undefined ? {} : { path: fields.path }),
      reason: fields.reason ?? '',
      ...(fields.expires === undefined ? {} : { expires: fields.expires }),
      at,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

const objectKey = (f: Finding) =>
  [f.object.kind, ...(f.object.namespace === undefined ? [] : [f.object.namespace]), f.object.name].join('/');

function matcher(entry: AcceptanceEntry): (f: Finding) => boolean {
  const object = entry.object === undefined ? undefined : picomatch(entry.object, { dot: true });
  const path = entry.path === undefined ? undefined : picomatch(entry.path, { dot: true });
  return (f) =>
    (entry.rule === undefined || entry.rule === f.ruleId) &&
    (entry.change === undefined || entry.change === f.changeId) &&
    (object === undefined || object(objectKey(f))) &&
    (path === undefined || (f.location !== undefined && path(f.location.path)));
}

/**
 * Marks the findings the entries accept. Accepted findings stay in the report, in every view and export, with
 * the reason; they only stop counting toward the exit code. An expired entry accepts nothing and says so; an entry
 * that matches nothing is pointed out, so the file does not collect dead entries.
 */
export function applyAcceptances(report: Report, entries: readonly AcceptanceEntry[], today: string): Report {
  const notes: ReportNote[] = [];
  const live = entries.filter((e) => {
    if (e.expires === undefined || e.expires >= today) return true;
    notes.push({
      kind: 'acceptance-expired',
      message: t`The ignore-file entry at ${slot('value', `${e.at.path}:${e.at.line}`)} expired on ${slot('value', e.expires ?? '')}; its findings count again.`,
    });
    return false;
  });
  const matchers = live.map((e) => ({ entry: e, matches: matcher(e), used: false }));
  const findings = report.findings.map((f) => {
    const m = matchers.find((x) => x.matches(f));
    if (!m) return f;
    m.used = true;
    const { reason, expires, at } = m.entry;
    return { ...f, accepted: { reason, ...(expires === undefined ? {} : { expires }), entry: at } };
  });
  for (const m of matchers.filter((x) => !x.used)) {
    notes.push({
      kind: 'acceptance-unused',
      message: t`The ignore-file entry at ${slot('value', `${m.entry.at.path}:${m.entry.at.line}`)} matches no finding of this scan; remove it if its finding is fixed.`,
    });
  }
  return { ...report, findings, notes: [...report.notes, ...notes] };
}
