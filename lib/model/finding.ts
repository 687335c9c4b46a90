import type { Severity } from './catalog';
import type { ObjectRef, SourceLocation } from './snapshot';

export type { SourceLocation } from './snapshot';
import type { Text } from './text';

/** How sure a finding is. certain: read from the object itself; likely/possible: inferred. */
export const CONFIDENCES = ['certain', 'likely', 'possible'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Where a fact behind a finding was read. */
export const EVIDENCE_SOURCES = [
  'field',
  'annotation',
  'label',
  'managed-fields',
  'last-applied',
  'helm-release',
  'metric',
  'node-info',
  'kubeconfig',
  'discovery',
  /** The manifest file itself, for objects read from a repository. */
  'manifest',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** One fact behind a finding, shown to the user as is. */
export interface Evidence {
  source: EvidenceSource;
  /** e.g. spec.template.spec.volumes[docker-sock].hostPath.path */
  path?: Text;
  value?: Text;
  /** A sentence saying what this fact shows. */
  detail: Text;
}

export interface HelmReleaseRef {
  name: string;
  namespace: string;
}

/** Why a finding is accepted, until when, and the ignore-file entry that says so. */
export interface Acceptance {
  reason: string;
  /** YYYY-MM-DD; after it the entry no longer applies. */
  expires?: string;
  entry: SourceLocation;
}

/**
 * A cluster object's source in a repository. `fixed`: the source already names a served version (redeploy);
 * `unfixed`: it still names the removed one (fix it first); `defined`: where the object is written.
 */
export interface SourceMatch {
  location: SourceLocation;
  apiVersion: string;
  state: 'fixed' | 'unfixed' | 'defined';
  /** Matched by kind, namespace and name, or by the Helm release's chart and the kind. */
  via: 'name' | 'helm-chart';
}

/** A change in the catalog that touches one object of the cluster. */
export interface Finding {
  /** Stable within a scan and across scans of the same cluster: rule + change + object. */
  id: string;
  ruleId: string;
  changeId: string;
  severity: Severity;
  confidence: Confidence;
  object: ObjectRef;
  /** The top-level controller that owns the object (Deployment for a pod of a ReplicaSet...). */
  owner?: ObjectRef;
  helmRelease?: HelmReleaseRef;
  /** For an object read from files: where it is written. */
  location?: SourceLocation;
  /** Accepted by an entry of the ignore file: kept in every view and export, left out of the exit code. */
  accepted?: Acceptance;
  /** For a cluster scan joined with a repository: where the object is written, and how that source stands. */
  source?: SourceMatch;
  /** What is wrong with this object, one or two sentences. */
  message: Text;
  /** What to do about this object specifically. */
  remediation: Text;
  evidence: Evidence[];
}
