import type { RemovedApi, Severity } from '../catalog/schema';
import type { ObjectRef, ResourceKey, Snapshot } from '../snapshot/types';

/** The releases a scan can target. */
export const TARGETS = ['1.24', '1.25'] as const;
export type Target = (typeof TARGETS)[number];

/** How sure a finding is. certain: read from the object itself; likely/possible: inferred; stale: old evidence. */
export type Confidence = 'certain' | 'likely' | 'possible';

/** One fact behind a finding, shown to the user as is. */
export interface Evidence {
  /** Where the fact was read: a field path, an annotation, managedFields, a Helm record, a metric... */
  source:
    | 'field'
    | 'annotation'
    | 'label'
    | 'managed-fields'
    | 'last-applied'
    | 'helm-release'
    | 'metric'
    | 'node-info'
    | 'kubeconfig'
    | 'discovery';
  /** e.g. spec.template.spec.volumes[docker-sock].hostPath.path */
  path?: string;
  value?: string;
  /** A sentence saying what this fact shows. */
  detail: string;
}

export interface HelmReleaseRef {
  name: string;
  namespace: string;
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
  /** What is wrong with this object, one or two sentences. */
  message: string;
  /** What to do about this object specifically. */
  remediation: string;
  evidence: Evidence[];
}

/** Cluster facts rules use to tailor advice. */
export interface ClusterProfile {
  provider: 'eks' | 'aks' | 'gke' | 'openshift' | 'k3s' | 'rke2' | 'kind' | 'minikube' | 'kubeadm' | 'unknown';
  /** Why we think so, e.g. 'node providerID aws:///...'. */
  providerEvidence?: string;
  policyEngines: ('kyverno' | 'gatekeeper')[];
  /** Minor version of the API server, e.g. 23. */
  serverMinor?: number;
}

export interface RuleContext {
  target: Target;
  removedApis: RemovedApi[];
  profile: ClusterProfile;
}

/** A cluster check: one pure function over the snapshot. */
export interface Rule {
  id: string;
  title: string;
  /** Catalog change ids this rule serves. */
  changeIds: string[];
  /** Resources the rule reads; if any was not fully read, the rule is blind. */
  needs: ResourceKey[];
  /** A reason the rule cannot judge this snapshot beyond missing resources (e.g. no kubeconfig was given). */
  blindWhen?(snapshot: Snapshot): string | undefined;
  run(snapshot: Snapshot, ctx: RuleContext): Finding[];
}
