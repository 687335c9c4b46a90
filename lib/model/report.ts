import type { Severity } from './catalog';
import type { Finding } from './finding';
import type { Release, Target } from './releases';
import type { ResourceKey } from './resources';
import type { CoverageEntry, ObjectRef } from './snapshot';
import type { SnapshotSource } from './sources';
import type { Text } from './text';

/** Bumped when the report document changes shape; stored reports keep the version they were written with. */
export const REPORT_SCHEMA_VERSION = 2;

/** affected: findings exist; not-detected: every check ran with full input; not-checked: see reason. */
export const CHANGE_STATUSES = ['affected', 'not-detected', 'not-checked'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** How one change in scope came out of the scan. */
export interface ChangeImpact {
  changeId: string;
  status: ChangeStatus;
  objects: number;
  worstSeverity?: Severity;
  reason?: Text;
}

/** ran: on complete input; blind: some input could not be read; failed: the check threw. */
export const RULE_STATUSES = ['ran', 'blind', 'failed'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** How one check ran. */
export interface RuleRun {
  ruleId: string;
  status: RuleStatus;
  findings: number;
  /** Resources the rule needed but could not read. */
  missing: ResourceKey[];
  message?: Text;
}

/** Something worth knowing that is not a finding: duplicate deployed Helm revisions, undecodable records... */
export interface ReportNote {
  kind: string;
  message: Text;
}

/** The note kind for objects over a read budget that were not read: it makes a report incomplete. */
export const OBJECTS_SKIPPED_NOTE = 'objects-skipped';

/** The cluster a report is about. */
export interface ReportCluster {
  source: SnapshotSource;
  /**
   * The UID of the cluster's kube-system namespace: the cluster's identity, whichever context, credentials or
   * snapshot read it, so reports of one cluster line up over time. Absent for repositories and clusters that hide it.
   */
  uid?: string;
  serverVersion?: string;
  /** The releases between the cluster's version and the target, whose changes were evaluated. */
  releasesInScope: Release[];
  provider: string;
  providerEvidence?: Text;
  policyEngines: string[];
  nodes: number;
  namespaces: number;
  pods: number;
  workloads: number;
  /** The chart each deployed Helm release installed: what joins a release's objects with a chart in a repository. */
  helmCharts?: { namespace: string; name: string; chart: string }[];
}

/** Where an add-on version stands against one release's supported range. */
export type AddonVerdict = 'inside' | 'older' | 'newer' | 'unknown' | 'no-statement';

/**
 * Where a range that is not the project's own statement comes from: a reference installer's pairing (`reference`),
 * or the project's support policy or manifests (`derived`). Outside such a range is worth a look, not a known break.
 */
export type AddonRangeBasis = 'reference' | 'derived';

/** How a table, an export or the dashboard says a version is older than a range that is not a statement. */
export const ADDON_BELOW_BASIS: Record<AddonRangeBasis, string> = {
  reference: 'below the reference pairing',
  derived: 'below the range derived from its policy or manifests',
};

/** An add-on found in the cluster (or repository): which, where, its version, and its standing per release. */
export interface AddonEntry {
  object: ObjectRef;
  /** The add-on's id in the table (data/addons) and its name. */
  addon: string;
  name: string;
  version?: string;
  /** Where the version was read, or why it could not be. */
  versionFrom?: 'tag' | 'label' | 'chart';
  unknown?: 'digest' | 'not-a-version' | 'no-label';
  /** Per release ('1.24', '1.25'): the supported range and where this version stands. */
  releases: { release: Release; range?: string; verdict: AddonVerdict; basis?: AddonRangeBasis }[];
}

/** The impact report: every finding, every change in scope, how each check ran and what could be read. */
export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  tool: { name: 'release-lens'; version: string };
  catalogVersion: string;
  target: Target;
  cluster: ReportCluster;
  findings: Finding[];
  changes: ChangeImpact[];
  rules: RuleRun[];
  coverage: CoverageEntry[];
  notes: ReportNote[];
  /** The add-ons found, with their versions and standing per release (absent in reports made before). */
  addons?: AddonEntry[];
  redaction?: {
    /** What was replaced by stable tokens or dropped. */
    fields: string[];
  };
}
