import { OBJECTS_SKIPPED_NOTE, type Report } from '../model/report';
import type { ResourceKey } from '../model/resources';

/**
 * How complete a scan is, stated before any finding. complete: every resource was read and every check ran;
 * incomplete: some could not be read (or only some namespaces), so some checks were blind; unusable: no workload
 * and no node could be read, so the absence of findings says nothing at all.
 */
export type CompletenessStatus = 'complete' | 'incomplete' | 'unusable';

export interface Completeness {
  status: CompletenessStatus;
  /** Resource types whose read failed (forbidden, timeout, error, not provided). */
  unreadable: ResourceKey[];
  /** Resource types read in some namespaces only. */
  partial: ResourceKey[];
  /** How many resource types the scan asked for (those the API server serves). */
  resourceTypes: number;
  /** Objects over a read budget that were not read. */
  skippedObjects: number;
  /** Checks that ran blind or failed, and how many checks there are. */
  blindChecks: string[];
  /**
   * A repository scan: checks that need a live cluster (its nodes, version, discovery or metrics), which files do
   * not hold. They are not gaps of the scan, and not clean either: not checkable from files.
   */
  notCheckable: string[];
  checks: number;
  /** One line for the top of every view and export. */
  headline: string;
}

/** The resources a result cannot do without: nodes and every kind that holds pods or pod templates. */
const WORKLOAD_AND_NODE_KEYS: readonly ResourceKey[] = [
  'nodes',
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'replicationcontrollers',
  'jobs',
  'cronjobs',
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The completeness of a report, from its coverage and check runs. */
export function completenessOf(report: Report): Completeness {
  const fromFiles = report.cluster.source.kind === 'files';
  // Files hold no nodes, version, discovery or metrics: what only a cluster has is outside the question.
  const clusterOnly = new Set(
    fromFiles ? report.coverage.filter((c) => c.status === 'not-provided').map((c) => c.resource) : [],
  );
  const asked = report.coverage.filter((c) => c.status !== 'not-served' && !clusterOnly.has(c.resource));
  const unreadable = asked.filter((c) => c.status !== 'ok').map((c) => c.resource);
  const partial = asked.filter((c) => c.status === 'ok' && c.namespaces !== undefined).map((c) => c.resource);
  // A check blind for want of input the scan could not read, or one that failed; a check whose input does not
  // exist for this source (no kubeconfig in an offline scan) is not a gap of this scan.
  const needsCluster = (r: Report['rules'][number]) =>
    r.status === 'blind' && r.missing.length > 0 && r.missing.every((m) => clusterOnly.has(m));
  const notCheckable = report.rules.filter(needsCluster).map((r) => r.ruleId);
  const blindChecks = report.rules
    .filter((r) => r.status === 'failed' || (r.status === 'blind' && r.missing.length > 0 && !needsCluster(r)))
    .map((r) => r.ruleId);
  const skippedObjects = report.notes.filter((n) => n.kind === OBJECTS_SKIPPED_NOTE).length;
  const readable = new Set(asked.filter((c) => c.status === 'ok').map((c) => c.resource));
  const sawNothing = !fromFiles && !WORKLOAD_AND_NODE_KEYS.some((k) => readable.has(k));
  const status: CompletenessStatus = sawNothing
    ? 'unusable'
    : unreadable.length > 0 || partial.length > 0 || blindChecks.length > 0 || skippedObjects > 0
      ? 'incomplete'
      : 'complete';
  const gaps = [
    unreadable.length > 0 ? `${unreadable.length} of ${plural(asked.length, 'resource type')} unreadable` : '',
    partial.length > 0 ? `${plural(partial.length, 'resource type')} read in some namespaces only` : '',
    blindChecks.length > 0 ? `${blindChecks.length} of ${plural(report.rules.length, 'check')} blind` : '',
    skippedObjects > 0 ? 'some objects not read (see the notes)' : '',
  ].filter((g) => g !== '');
  const cluster =
    notCheckable.length > 0
      ? ` ${plural(notCheckable.length, 'check needs', 'checks need')} a live cluster and ${notCheckable.length === 1 ? 'is' : 'are'} not checkable from files.`
      : '';
  const headline =
    status === 'unusable'
      ? `Not a result: the scan could read no workloads and no nodes (${gaps.join(', ')}), so no finding means nothing. Use credentials that can list them.`
      : status === 'incomplete'
        ? `Incomplete: ${gaps.join(', ')}. What is reported is real; what could not be read was not checked.${cluster}`
        : fromFiles
          ? `Complete: every file was read.${cluster}`
          : `Complete: all ${plural(asked.length, 'resource type')} read, all ${plural(report.rules.length, 'check')} ran.`;
  return {
    status,
    unreadable,
    partial,
    resourceTypes: asked.length,
    skippedObjects,
    blindChecks,
    notCheckable,
    checks: report.rules.length,
    headline,
  };
}
