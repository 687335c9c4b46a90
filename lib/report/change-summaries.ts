import type { Catalog } from '../catalog/load';
import type { ChangeSummary } from '../model/scan';
import type { Report } from '../model/report';

/** The catalog facts for every change a report mentions, so the view needs no second lookup. */
export function changeSummaries(report: Report, catalog: Catalog): ChangeSummary[] {
  const ids = new Set([...report.changes.map((c) => c.changeId), ...report.findings.map((f) => f.changeId)]);
  return catalog.changes
    .filter((c) => ids.has(c.id))
    .map(({ id, title, release, kep, sig, severity, stage, action, detectedBy }) => ({
      id,
      title,
      release,
      ...(kep === undefined ? {} : { kep }),
      sig,
      severity,
      ...(stage === undefined ? {} : { stage }),
      action,
      observable: detectedBy.length > 0,
    }));
}
