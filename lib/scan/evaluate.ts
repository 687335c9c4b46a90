import type { Catalog } from '../catalog/load';
import type { AddonEntry, Report, RuleRun } from '../model/report';
import { REPORT_SCHEMA_VERSION } from '../model/report';
import { helmAnomalies } from './helm-anomalies';
import { detectProfile } from './profile';
import { RULES } from './checks';
import { sortFindings } from '../rules/support/object-refs';
import { podSubjects } from '../rules/support/subjects';
import { addonInventory } from '../rules/support/addons';
import type { Finding } from '../model/finding';
import type { Rule, RuleContext } from '../rules/support/check';
import { RELEASES, type Release, type Target } from '../model/releases';
import type { Snapshot, SourceLocation } from '../model/snapshot';
import { REPORT_LIMITS } from '../model/limits';
import { TOOL_VERSION } from '../version';
import { fitReport } from '../report/fit';
import { changeImpacts } from './impacts';
import { coverageNotes } from './notes';
import { runRule } from './run-rules';
import { releasesInScope } from './scope';

export interface EvaluateOptions {
  target: Target;
  catalog: Catalog;
  rules?: readonly Rule[];
  now?: Date;
}

/**
 * Runs every check over a snapshot and joins the findings to the catalog: the whole impact report, pure, fitted to
 * the report limits so it can always be saved.
 */
export function evaluate(snapshot: Snapshot, options: EvaluateOptions): Report {
  const steps = evaluation(snapshot, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * evaluate, giving the event loop a turn between checks: on a server, a snapshot of tens of thousands of pods
 * then holds other requests up for one check at a time, not for all of them.
 */
export async function evaluateInTurns(snapshot: Snapshot, options: EvaluateOptions): Promise<Report> {
  const steps = evaluation(snapshot, options);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The evaluation, one check per step. */
function* evaluation(snapshot: Snapshot, options: EvaluateOptions): Generator<void, Report> {
  const { target, catalog, rules = RULES } = options;
  const profile = detectProfile(snapshot);
  const ctx: RuleContext = { target, removedApis: catalog.removedApis, addons: catalog.addons, profile };
  const coverage = new Map(snapshot.coverage.map((c) => [c.resource, c]));
  const scope = releasesInScope(snapshot, profile, target);
  const inScope = catalog.changes.filter((c) => scope.includes(c.release));
  const inScopeIds = new Set(inScope.map((c) => c.id));

  // The pod subjects most checks walk are derived once per snapshot; built in a turn of their own, so the first
  // check that needs them does not hold the event loop for both.
  podSubjects(snapshot);
  yield;

  const runs = new Map<string, RuleRun>();
  const findings: Finding[] = [];
  for (const rule of rules) {
    const result = runRule(rule, snapshot, ctx, coverage);
    runs.set(rule.id, result.run);
    findings.push(...result.findings.filter((f) => inScopeIds.has(f.changeId)));
    yield;
  }

  return fitReport({
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    tool: { name: 'release-lens', version: TOOL_VERSION },
    catalogVersion: catalog.version,
    target,
    cluster: {
      source: snapshot.source,
      ...clusterUid(snapshot),
      ...(snapshot.serverVersion ? { serverVersion: snapshot.serverVersion.gitVersion } : {}),
      releasesInScope: scope,
      provider: profile.provider,
      ...(profile.providerEvidence ? { providerEvidence: profile.providerEvidence } : {}),
      policyEngines: profile.policyEngines,
      nodes: snapshot.nodes.length,
      namespaces: snapshot.namespaces.length,
      pods: snapshot.pods.length,
      workloads: snapshot.workloads.length,
      ...helmChartsOf(snapshot),
    },
    findings: sortFindings(withLocations(findings, snapshot)),
    changes: changeImpacts(inScope, findings, runs),
    rules: [...runs.values()],
    coverage: snapshot.coverage,
    notes: [...helmAnomalies(snapshot), ...coverageNotes(snapshot)],
    ...inventoryOf(snapshot, catalog, scope),
  });
}

/** The cluster's identity: its kube-system namespace's UID, when the snapshot holds it. */
function clusterUid(snapshot: Snapshot): { uid?: string } {
  const uid = snapshot.namespaces.find((n) => n.metadata.name === 'kube-system')?.metadata.uid;
  return uid ? { uid } : {};
}

/** Each Helm release with the chart it installed, when the cluster has any. */
function helmChartsOf(snapshot: Snapshot): { helmCharts?: { namespace: string; name: string; chart: string }[] } {
  const helmCharts = snapshot.helmReleases.flatMap((r) => {
    const chart = r.current?.chart ?? r.revisions[0]?.chart;
    return chart ? [{ namespace: r.namespace, name: r.name, chart }] : [];
  });
  return helmCharts.length > 0 ? { helmCharts: helmCharts.slice(0, REPORT_LIMITS.helmCharts) } : {};
}

/** The add-ons found, with their standing at each release in scope (the target's step last). */
function inventoryOf(snapshot: Snapshot, catalog: Catalog, scope: readonly Release[]): { addons?: AddonEntry[] } {
  const addons = addonInventory(snapshot, catalog.addons, scope.length > 0 ? scope : RELEASES);
  return addons.length > 0 ? { addons: addons.slice(0, REPORT_LIMITS.addons) } : {};
}

const refKey = (r: { kind: string; namespace?: string | undefined; name: string }) =>
  `${r.kind}/${r.namespace ?? ''}/${r.name}`;

/** For a snapshot read from files, each finding points at where its object is written. */
function withLocations(findings: Finding[], snapshot: Snapshot): Finding[] {
  const declared = (snapshot.manifests ?? []).filter((m) => m.origin !== 'template');
  if (declared.length === 0) return findings;
  const byRef = new Map<string, SourceLocation>();
  for (const m of declared) if (!byRef.has(refKey(m.ref))) byRef.set(refKey(m.ref), m.location);
  return findings.map((f) => {
    if (f.location) return f;
    const location = byRef.get(refKey(f.object)) ?? (f.owner ? byRef.get(refKey(f.owner)) : undefined);
    return location ? { ...f, location } : f;
  });
}
