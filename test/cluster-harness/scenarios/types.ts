/**
 * Seeded scenarios: objects written into the test cluster, and the findings a
 * scan of that cluster must (and must not) produce.
 *
 * Semantics used by tests that compare a scan with these expectations:
 * - every entry of `expect` must be reported (same changeId, kind, namespace, name, severity);
 * - objects in `clean` must get no finding at all, from any check;
 * - other findings on objects listed in `expect` are not asserted, nor are objects in neither list
 *   (for example pods owned by a seeded controller, which a check may roll up to the owner).
 * Expectations assume a scan with target version EXPECTATION_TARGET.
 */

export const EXPECTATION_TARGET = '1.25';

/** A catalog change id (data/changes); the scenario test fails on an id no check reports. */
export type ChangeId = string;
export type Severity = 'breaking' | 'action' | 'info';

export interface ObjectKey {
  kind: string;
  namespace?: string;
  name: string;
}

/** Where the evidence for a finding lives, when it is not the live object's own spec. */
export type Evidence = 'last-applied' | 'managed-fields' | 'helm-secret' | 'helm-configmap' | 'helm-hook';

export interface ExpectedFinding extends ObjectKey {
  changeId: ChangeId;
  severity: Severity;
  why: string;
  evidence?: Evidence;
  /**
   * How sure the evidence is, in the report's own terms: certain (the live object's own fields), likely (a client
   * still writes through the version: a live managedFields entry), possible (one indirect or stale-looking source).
   */
  confidence?: 'certain' | 'likely' | 'possible';
  /** Helm release name when the object only exists inside a stored release manifest. */
  helmRelease?: string;
  /** Extra facts a check should surface, e.g. { suggestedLevel: 'baseline' }. */
  detail?: Record<string, string>;
}

/** Something a scan should report that is not a change finding (for example a Helm storage anomaly). */
export interface ExpectedAnomaly extends ObjectKey {
  anomaly: 'helm-duplicate-deployed';
  why: string;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** A later write to an already created object. */
export interface SeedWrite {
  /**
   * update: GET, merge `body` into the object, PUT it back;
   * merge-patch / strategic-merge-patch: PATCH with `body`;
   * apply: server-side apply of `body` (a full manifest).
   */
  op: 'update' | 'merge-patch' | 'strategic-merge-patch' | 'apply';
  body: Record<string, unknown>;
  /** Group/version to write through, e.g. 'policy/v1'; defaults to the manifest's apiVersion. */
  apiPath?: string;
  fieldManager?: string;
  subresource?: 'status' | 'ephemeralcontainers';
}

export interface SeedObject {
  /**
   * The object as written. Its apiVersion is the group/version it is created through, so an old
   * version (e.g. batch/v1beta1) lands in managedFields; tests read it back through the kind's
   * current version.
   */
  manifest: Manifest;
  /** Write through this group/version instead of manifest.apiVersion (for schemas that did not change). */
  apiPath?: string;
  fieldManager?: string;
  /** Owners to resolve to ownerReferences (uid looked up at seed time); the first is the controller. */
  owners?: ObjectKey[];
  /** Follow-up writes, run after every scenario's creates and at least a second later (managedFields times have 1 s resolution). */
  then?: SeedWrite[];
}

export interface Scenario {
  name: string;
  description: string;
  /** Namespaces this scenario creates (team-a already exists). */
  namespaces: string[];
  objects: SeedObject[];
  expect: ExpectedFinding[];
  clean: ObjectKey[];
  anomalies?: ExpectedAnomaly[];
}
