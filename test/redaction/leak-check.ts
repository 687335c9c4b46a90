/**
 * The leak check shared by the unit test (demo, scenarios, random names) and the integration test (a real scan):
 * rename every identity of a snapshot to a marker no text of ours can contain, scan, redact, render every output,
 * and look for the markers.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import path from 'node:path';
import { FindingItem } from '../../components/impact/finding-item';
import { ImpactView } from '../../components/impact/impact-view';
import { scanSummary } from '../../cli/commands/scan-summary';
import { loadCatalogFrom } from '../../lib/catalog/load';
import type { Report } from '../../lib/model/report';
import type { ObjectRef, Snapshot } from '../../lib/model/snapshot';
import { IDENTITY_KINDS, isIdentity, type IdentityKind, type Text } from '../../lib/model/text';
import { changeSummaries } from '../../lib/report/change-summaries';
import { exportCsv, exportJson, exportMarkdown, exportPrComment, exportSarif } from '../../lib/report/export';
import { isReadableName } from '../../lib/report/redact/readable';
import { evaluate } from '../../lib/scan/evaluate';

export const dataDir = path.join(import.meta.dirname, '..', '..', 'data');
export const catalog = loadCatalogFrom(dataDir);
export const salt = 'a salt for the leak test';

/** Kinds renamed: every identity but free-form values, whose content the checks read (DOCKER_HOST, commands). */
const RENAMED: ReadonlySet<IdentityKind> = new Set(IDENTITY_KINDS.filter((k) => k !== 'ip' && k !== 'value'));

/** Every identity a report names, by value, with its kind (object references included). */
export function identitiesOf(report: Report): Map<string, IdentityKind> {
  const out = new Map<string, IdentityKind>();
  const add = (kind: IdentityKind, value: string) => {
    if (value !== '' && !isReadableName(value) && !out.has(value)) out.set(value, kind);
  };
  const text = (t: Text | undefined) => {
    for (const p of t ?? []) if (typeof p !== 'string' && isIdentity(p)) add(p.kind as IdentityKind, p.value);
  };
  const ref = (r: ObjectRef | undefined) => {
    if (!r) return;
    if (r.namespace) add('namespace', r.namespace);
    add(r.kind === 'Namespace' ? 'namespace' : r.kind === 'Node' ? 'node' : 'name', r.name);
  };
  for (const f of report.findings) {
    ref(f.object);
    ref(f.owner);
    if (f.helmRelease) {
      add('helm-release', f.helmRelease.name);
      add('namespace', f.helmRelease.namespace);
    }
    text(f.message);
    text(f.remediation);
    for (const e of f.evidence) [e.path, e.value, e.detail].forEach(text);
  }
  for (const c of report.coverage) text(c.message);
  for (const n of report.notes) text(n.message);
  add('context', report.cluster.source.label);
  if (report.cluster.source.server) add('server', report.cluster.source.server);
  return out;
}

/**
 * A copy of the snapshot with every string value that equals a key of `names` replaced by its new name; the
 * resource keys of coverage are vocabulary, not names, and stay.
 */
export function rename(snapshot: Snapshot, names: ReadonlyMap<string, string>): Snapshot {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return names.get(v) ?? v;
    if (Array.isArray(v) && v === snapshot.coverage) {
      return snapshot.coverage.map((c) => ({ ...c, ...(c.namespaces ? { namespaces: walk(c.namespaces) } : {}) }));
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(snapshot) as Snapshot;
}

/** Unique markers for every renamable identity: zz<i>zz-<name>, images keep their registry prefix. */
export function markers(ids: ReadonlyMap<string, IdentityKind>): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  for (const [value, kind] of ids) {
    if (!RENAMED.has(kind)) continue;
    i += 1;
    out.set(value, kind === 'image' ? `${value}-zz${i}zz` : `zz${i}zz-${value}`);
  }
  return out;
}

/** Every text a person can get from a redacted report. */
export function outputs(report: Report): Record<string, string> {
  const changes = changeSummaries(report, catalog);
  const page = renderToStaticMarkup(createElement(ImpactView, { report, changes }));
  const print = report.findings.map((f) => renderToStaticMarkup(createElement(FindingItem, { finding: f }))).join('\n');
  return {
    page,
    print,
    json: exportJson(report, catalog),
    md: exportMarkdown(report, catalog),
    'pr-comment': exportPrComment(report, catalog),
    csv: exportCsv(report, catalog),
    sarif: exportSarif(report, catalog),
    cli: scanSummary(report, { failOn: 'breaking', failOnIncomplete: false }),
  };
}

export const MARKER = /zz\d+zz/g;

/** Where a marker shows up in the outputs: output name and the text around it. */
export function leaks(all: Record<string, string>): string[] {
  return Object.entries(all).flatMap(([name, text]) =>
    [...text.matchAll(MARKER)].map(
      (m) => `${name}: …${text.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 40)}…`,
    ),
  );
}

const target = '1.25';

/** The report of a snapshot, at a fixed time so outputs compare. */
export const scan = (s: Snapshot): Report => evaluate(s, { target, catalog, now: new Date('2026-06-01T00:00:00Z') });
