import type { Catalog } from '../../catalog/load';
import { SEVERITIES, type Severity } from '../../model/catalog';
import type { Change } from '../../catalog/schema';
import type { Finding } from '../../model/finding';
import type { ObjectRef } from '../../model/snapshot';
import { groupFindings, type FindingGroup } from '../group';
import type { Report } from '../../model/report';

/** An exporter: a report and the catalog that judged it, in; a document, out. */
export type Exporter = (report: Report, catalog: Catalog) => string;

/** Catalog changes by id. */
export function changesById(catalog: Catalog): Map<string, Change> {
  return new Map(catalog.changes.map((c) => [c.id, c]));
}

/** The KEP link of a change, else its first link. */
export function primaryLink(change: Change | undefined): string | undefined {
  return (change?.links.find((l) => l.kind === 'kep') ?? change?.links[0])?.url;
}

/** `namespace/kind/name`, or `kind/name` for a cluster-scoped object. */
export function objectPath(ref: ObjectRef): string {
  return [ref.namespace, ref.kind, ref.name].filter((p) => p !== undefined).join('/');
}

/** Most severe first. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

const byText = (a: string | undefined, b: string | undefined) => (a ?? '').localeCompare(b ?? '');

/** Findings in reading order: severity, change, namespace, owner, kind, name. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      byText(a.changeId, b.changeId) ||
      byText(a.object.namespace, b.object.namespace) ||
      byText(a.owner?.name, b.owner?.name) ||
      byText(a.object.kind, b.object.kind) ||
      byText(a.object.name, b.object.name) ||
      byText(a.id, b.id),
  );
}

/** Findings grouped by change (group key = change id), most severe group first, each group in reading order. */
export function groupByChange(findings: readonly Finding[]): FindingGroup[] {
  return groupFindings(sortFindings(findings), 'change');
}

/** The catalog's advice for a change as one paragraph per phase. */
export function actionLines(change: Change | undefined): string[] {
  if (change === undefined) return [];
  return [
    change.action.before === undefined ? undefined : `Before the upgrade: ${change.action.before}`,
    change.action.after === undefined ? undefined : `After the upgrade: ${change.action.after}`,
  ].filter((l) => l !== undefined);
}

/** 'reason, until 2027-01-31, .release-lens.yaml:4': an accepted finding's acceptance, as exports print it. */
export function acceptedText(a: NonNullable<Finding['accepted']>): string {
  return `${a.reason}${a.expires ? `, until ${a.expires}` : ''}, ${a.entry.path}:${a.entry.line}`;
}

/** What a finding joined with a repository says about its source: 'its source deploy/pdb.yaml:3 already says …'. */
export function sourceText(s: NonNullable<Finding['source']>): string {
  const where = `${s.location.path}:${s.location.line}`;
  switch (s.state) {
    case 'fixed':
      return `its source ${where} already says ${s.apiVersion}: redeploy it`;
    case 'unfixed':
      return `its source ${where} still says ${s.apiVersion}: fix the source first`;
    case 'defined':
      return `defined at ${where}`;
  }
}
