import type { Text } from '../../model/text';
import type { RemovedApi } from '../../catalog/schema';
import type { Addon } from '../../catalog/addon-schema';
import type { Finding } from '../../model/finding';
import type { Target } from '../../model/releases';
import type { Snapshot } from '../../model/snapshot';
import type { ResourceKey } from '../../model/resources';

/** Cluster facts rules use to tailor advice. */
export interface ClusterProfile {
  provider: 'eks' | 'aks' | 'gke' | 'openshift' | 'k3s' | 'rke2' | 'kind' | 'minikube' | 'kubeadm' | 'unknown';
  /** Why we think so, e.g. 'node providerID aws:///...'. */
  providerEvidence?: Text;
  policyEngines: ('kyverno' | 'gatekeeper')[];
  /** Minor version of the API server, e.g. 23. */
  serverMinor?: number;
}

export interface RuleContext {
  target: Target;
  removedApis: RemovedApi[];
  /** The add-on table (data/addons); absent in contexts built before it existed. */
  addons?: readonly Addon[];
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
  blindWhen?(snapshot: Snapshot): Text | undefined;
  run(snapshot: Snapshot, ctx: RuleContext): Finding[];
}
