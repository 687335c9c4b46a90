import { CUT_MARK, REPORT_LIMITS as L } from '../model/limits';
import type { Evidence, Finding } from '../model/finding';
import type { ObjectRef } from '../model/snapshot';
import type { Report } from '../model/report';
import type { Part, Text } from '../model/text';

/**
 * Fits a report to the limits its validator enforces (lib/model/limits.ts): long values are cut with a visible
 * mark and long lists shortened with a note, never refused. Whatever a cluster holds, the report a scan writes can
 * be saved, shared and exported.
 */

/** `value` cut to `max` characters, the cut marked. */
export function fitString(value: string, max: number): string {
  if (value.length <= max) return value;
  return value.slice(0, Math.max(0, max - CUT_MARK.length)) + CUT_MARK;
}

function fitPart(part: Part): Part {
  if (typeof part === 'string') return fitString(part, L.partChars);
  return part.value.length <= L.partChars ? part : { kind: part.kind, value: fitString(part.value, L.partChars) };
}

/** A Text with every part within limits and at most textParts parts (then the cut mark). */
export function fitText(text: Text): Text {
  const parts = text.length > L.textParts ? [...text.slice(0, L.textParts), CUT_MARK] : text;
  return parts.some((p) => (typeof p === 'string' ? p : p.value).length > L.partChars) ? parts.map(fitPart) : parts;
}

function fitRef(ref: ObjectRef): ObjectRef {
  return {
    apiVersion: fitString(ref.apiVersion, L.refChars),
    kind: fitString(ref.kind, L.refChars),
    ...(ref.namespace === undefined ? {} : { namespace: fitString(ref.namespace, L.refChars) }),
    name: fitString(ref.name, L.refChars),
  };
}

function fitEvidenceItem(e: Evidence): Evidence {
  return {
    source: e.source,
    ...(e.path === undefined ? {} : { path: fitText(e.path) }),
    ...(e.value === undefined ? {} : { value: fitText(e.value) }),
    detail: fitText(e.detail),
  };
}

/** At most `evidence` items; when there were more, the last one kept says how many were left out. */
function fitEvidence(evidence: readonly Evidence[]): Evidence[] {
  if (evidence.length <= L.evidence) return evidence.map(fitEvidenceItem);
  const kept = evidence.slice(0, L.evidence - 1).map(fitEvidenceItem);
  const omitted = evidence.length - kept.length;
  const source = evidence[kept.length]?.source ?? kept[0]?.source ?? 'field';
  return [...kept, { source, detail: [`… and ${omitted} more pieces of evidence, left out to fit the report.`] }];
}

function fitFinding(f: Finding): Finding {
  return {
    ...f,
    id: fitString(f.id, L.findingIdChars),
    ruleId: fitString(f.ruleId, L.idChars),
    changeId: fitString(f.changeId, L.idChars),
    object: fitRef(f.object),
    ...(f.location ? { location: { ...f.location, path: fitString(f.location.path, L.pathChars) } } : {}),
    ...(f.source
      ? {
          source: {
            ...f.source,
            apiVersion: fitString(f.source.apiVersion, L.idChars),
            location: { ...f.source.location, path: fitString(f.source.location.path, L.pathChars) },
          },
        }
      : {}),
    ...(f.accepted
      ? {
          accepted: {
            ...f.accepted,
            reason: fitString(f.accepted.reason, L.partChars),
            entry: { ...f.accepted.entry, path: fitString(f.accepted.entry.path, L.pathChars) },
          },
        }
      : {}),
    ...(f.owner ? { owner: fitRef(f.owner) } : {}),
    ...(f.helmRelease
      ? {
          helmRelease: {
            name: fitString(f.helmRelease.name, L.refChars),
            namespace: fitString(f.helmRelease.namespace, L.refChars),
          },
        }
      : {}),
    message: fitText(f.message),
    remediation: fitText(f.remediation),
    evidence: fitEvidence(f.evidence),
  };
}

/** The report with every value and list within REPORT_LIMITS. */
export function fitReport(report: Report): Report {
  const { cluster } = report;
  const { source } = cluster;
  return {
    ...report,
    cluster: {
      ...cluster,
      source: {
        ...source,
        label: fitString(source.label, L.sourceChars),
        ...(source.server === undefined ? {} : { server: fitString(source.server, L.sourceChars) }),
      },
      ...(cluster.serverVersion === undefined ? {} : { serverVersion: fitString(cluster.serverVersion, L.shortChars) }),
      ...(cluster.uid === undefined ? {} : { uid: fitString(cluster.uid, L.shortChars) }),
      provider: fitString(cluster.provider, L.shortChars),
      ...(cluster.providerEvidence ? { providerEvidence: fitText(cluster.providerEvidence) } : {}),
      policyEngines: cluster.policyEngines.map((p) => fitString(p, L.shortChars)),
      ...(cluster.helmCharts
        ? {
            helmCharts: cluster.helmCharts.slice(0, L.helmCharts).map((h) => ({
              namespace: fitString(h.namespace, L.refChars),
              name: fitString(h.name, L.refChars),
              chart: fitString(h.chart, L.refChars),
            })),
          }
        : {}),
    },
    findings: report.findings.map(fitFinding),
    changes: report.changes.map((c) => (c.reason ? { ...c, reason: fitText(c.reason) } : c)),
    rules: report.rules.map((r) => (r.message ? { ...r, message: fitText(r.message) } : r)),
    coverage: report.coverage.map((c) => ({
      ...c,
      ...(c.apiVersion === undefined ? {} : { apiVersion: fitString(c.apiVersion, L.refChars) }),
      ...(c.message ? { message: fitText(c.message) } : {}),
      ...(c.namespaces ? { namespaces: fitNamespaces(c.namespaces) } : {}),
    })),
    notes: report.notes.map((n) => ({ kind: fitString(n.kind, L.idChars), message: fitText(n.message) })),
    ...(report.addons
      ? {
          addons: report.addons.slice(0, L.addons).map((a) => ({
            ...a,
            object: fitRef(a.object),
            addon: fitString(a.addon, L.idChars),
            name: fitString(a.name, L.refChars),
            ...(a.version === undefined ? {} : { version: fitString(a.version, L.shortChars) }),
          })),
        }
      : {}),
  };
}

function fitNamespaces(namespaces: readonly string[]): string[] {
  return namespaces.slice(0, L.coverageNamespaces).map((n) => fitString(n, L.refChars));
}
