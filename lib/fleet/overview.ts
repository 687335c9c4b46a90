import type { Catalog } from '../catalog/load';
import type {
  FleetChangeRow,
  FleetClusterRow,
  FleetOverview,
  FleetRun,
  FleetVerdict,
  RegisteredCluster,
} from '../model/fleet';
import type { Report } from '../model/report';
import type { ReportSummary } from '../model/saved-report';
import { SEVERITIES } from '../model/catalog';
import { minorOf, type Target } from '../model/releases';
import { changeSummaries } from '../report/change-summaries';
import { readinessOf } from '../report/readiness';
import { severityCounts } from '../report/group';

/** What the fleet view is built from: the registrations and what the store holds for them. */
export interface FleetInputs {
  clusters: readonly RegisteredCluster[];
  /** Per cluster, its reports newest first (summaries). */
  reports: ReadonlyMap<string, readonly ReportSummary[]>;
  /** Per cluster, the documents of its newest reports, newest first: the first is read, the second compared. */
  documents: ReadonlyMap<string, readonly Report[]>;
  runs: ReadonlyMap<string, FleetRun>;
  catalog: Catalog;
  now: number;
  /** Judge every cluster against this release; absent: each against the target of its newest report. */
  target?: Target;
}

/**
 * A report narrowed to the changes of releases up to `target`: what it says about an upgrade to that release. A
 * report scanned for an earlier release cannot speak for a later one: undefined.
 */
function forTarget(
  report: Report,
  target: Target | undefined,
  release: ReadonlyMap<string, string>,
): Report | undefined {
  if (target === undefined || target === report.target) return report;
  if (minorOf(report.target) < minorOf(target)) return undefined;
  const within = (id: string) => minorOf(release.get(id) ?? '9.99') <= minorOf(target);
  return {
    ...report,
    target,
    findings: report.findings.filter((f) => within(f.changeId)),
    changes: report.changes.filter((c) => within(c.changeId)),
  };
}

function modesOf(c: RegisteredCluster): FleetClusterRow['modes'] {
  return [
    ...(c.everyMs !== undefined ? (['scheduled'] as const) : []),
    ...(c.uploadTokenFile !== undefined ? (['agent'] as const) : []),
  ];
}

/**
 * A registration whose two newest reports name different kube-system UIDs holds reports of two clusters: a
 * kubeconfig or an agent token now points elsewhere. Said, never hidden.
 */
function identityWarning(docs: readonly Report[]): string | undefined {
  const [newest, previous] = docs;
  // A redacted UID is a token of its report's salt (an agent's --redact draws a new one each run): not comparable.
  if (newest?.redaction !== undefined || previous?.redaction !== undefined) return undefined;
  const a = newest?.cluster.uid;
  const b = previous?.cluster.uid;
  if (a === undefined || b === undefined || a === b) return undefined;
  return 'The two newest reports come from different clusters (their kube-system namespaces differ): check where this registration points.';
}

/** Each cluster's newest report as it speaks for the chosen target (undefined: it cannot, or there is none). */
type Judged = ReadonlyMap<string, Report | undefined>;

function rowOf(c: RegisteredCluster, inputs: FleetInputs, judged: Judged): FleetClusterRow {
  const summaries = inputs.reports.get(c.id) ?? [];
  const docs = inputs.documents.get(c.id) ?? [];
  const newest = summaries[0];
  const doc = judged.get(c.id);
  const run = inputs.runs.get(c.id);
  const warning = identityWarning(docs);
  const base = {
    id: c.id,
    name: c.name,
    target: inputs.target ?? c.target,
    modes: modesOf(c),
    ...(c.everyMs === undefined ? {} : { everyMs: c.everyMs }),
    trend: summaries.map((s) => ({ reportId: s.id, createdAt: s.createdAt, counts: s.counts })).reverse(),
    ...(run ? { lastRun: run } : {}),
    ...(warning ? { identityWarning: warning } : {}),
  };
  if (newest === undefined || docs[0] === undefined) return { ...base, verdict: 'no-report' };
  if (doc === undefined) {
    return {
      ...base,
      verdict: 'unknown',
      targetNote: `Its newest report was scanned for ${docs[0].target}: scan it for ${inputs.target ?? c.target} to know.`,
    };
  }
  const readiness = readinessOf(doc, changeSummaries(doc, inputs.catalog));
  return {
    ...base,
    verdict: readiness.verdict,
    latest: {
      reportId: newest.id,
      createdAt: newest.createdAt,
      ageMs: Math.max(0, inputs.now - Date.parse(newest.createdAt)),
      target: doc.target,
      ...(doc.cluster.serverVersion === undefined ? {} : { serverVersion: doc.cluster.serverVersion }),
      ...(doc.cluster.uid === undefined ? {} : { uid: doc.cluster.uid }),
      blockers: readiness.phases.blocker.findings,
      before: readiness.phases.before.findings,
      after: readiness.phases.after.findings,
      notChecked: readiness.notChecked.checks + readiness.notChecked.resources,
      unreadable: readiness.notChecked.resources,
      counts: severityCounts(doc.findings),
    },
  };
}

/** Each change that still affects a cluster's newest report, with those clusters: most clusters first. */
function changeRows(rows: readonly FleetClusterRow[], inputs: FleetInputs, judged: Judged): FleetChangeRow[] {
  const byChange = new Map<string, string[]>();
  for (const row of rows) {
    const doc = judged.get(row.id);
    if (!doc) continue;
    for (const impact of doc.changes) {
      if (impact.status !== 'affected') continue;
      byChange.set(impact.changeId, [...(byChange.get(impact.changeId) ?? []), row.id]);
    }
  }
  const catalog = new Map(inputs.catalog.changes.map((c) => [c.id, c]));
  return [...byChange.entries()]
    .map(([changeId, clusters]) => {
      const change = catalog.get(changeId);
      return {
        changeId,
        title: change?.title ?? changeId,
        severity: change?.severity ?? 'info',
        clusters,
      };
    })
    .sort(
      (a, b) =>
        b.clusters.length - a.clusters.length ||
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        a.title.localeCompare(b.title),
    );
}

const ORDER: FleetVerdict[] = ['blocked', 'unknown', 'no-report', 'ready-with-actions', 'ready'];

/** Blocked first, then clusters that cannot tell or have no report, then by name. */
export function sortClusterRows(rows: readonly FleetClusterRow[]): FleetClusterRow[] {
  return [...rows].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict) || a.name.localeCompare(b.name));
}

/** The fleet view: one row per registered cluster from its newest report, and the changes that still bite. */
export function buildFleetOverview(inputs: FleetInputs): FleetOverview {
  const release = new Map(inputs.catalog.changes.map((c) => [c.id, c.release]));
  const judged: Judged = new Map(
    inputs.clusters.map((c) => {
      const newest = inputs.documents.get(c.id)?.[0];
      return [c.id, newest && forTarget(newest, inputs.target, release)];
    }),
  );
  const clusters = sortClusterRows(inputs.clusters.map((c) => rowOf(c, inputs, judged)));
  return {
    generatedAt: new Date(inputs.now).toISOString(),
    ...(inputs.target ? { target: inputs.target } : {}),
    clusters,
    changes: changeRows(clusters, inputs, judged),
  };
}
