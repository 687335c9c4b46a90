import type { Evidence, Finding } from '../model/finding';
import type { Report } from '../model/report';
import { renderText, type Text } from '../model/text';

/** Evidence with its texts rendered to strings, for exports that carry plain text (SARIF properties). */
export interface RenderedEvidence {
  source: Evidence['source'];
  path?: string;
  value?: string;
  detail: string;
}

/** One evidence item as plain strings. */
export function renderEvidence(e: Evidence): RenderedEvidence {
  return {
    source: e.source,
    ...(e.path === undefined ? {} : { path: renderText(e.path) }),
    ...(e.value === undefined ? {} : { value: renderText(e.value) }),
    detail: renderText(e.detail),
  };
}

/** The words of a finding a search matches: message, remediation and evidence, rendered. */
export function findingText(f: Finding): string {
  return [
    renderText(f.message),
    renderText(f.remediation),
    ...f.evidence.map((e) => [e.path, e.value, e.detail].map((x) => (x === undefined ? '' : renderText(x))).join(' ')),
  ].join('\n');
}

/** A report with every Text rendered to a string: what a reader sees, for tests and plain-text consumers. */
export function plainReport(report: Report) {
  const opt = (text: Text | undefined) => (text === undefined ? undefined : renderText(text));
  return {
    ...report,
    cluster: { ...report.cluster, providerEvidence: opt(report.cluster.providerEvidence) },
    findings: report.findings.map((f) => ({
      ...f,
      message: renderText(f.message),
      remediation: renderText(f.remediation),
      evidence: f.evidence.map(renderEvidence),
    })),
    changes: report.changes.map((c) => ({ ...c, reason: opt(c.reason) })),
    rules: report.rules.map((r) => ({ ...r, message: opt(r.message) })),
    coverage: report.coverage.map((c) => ({ ...c, message: opt(c.message) })),
    notes: report.notes.map((n) => ({ ...n, message: renderText(n.message) })),
  };
}
