import { rule as nodeRuntime } from './node-runtime';
import { rule as runtimeVersion } from './runtime-version';
import { rule as dockerSocket } from './docker-socket';
import { rule as kubeletVersionSkew } from './kubelet-version-skew';
import { rule as dynamicKubeletConfig } from './dynamic-kubelet-config';
import { rule as removedApiObjects } from './removed-api-objects';
import { rule as removedApiHelm } from './removed-api-helm';
import { rule as removedApiMetrics } from './removed-api-metrics';
import { rule as pspObjects } from './psp-objects';
import { rule as pspAdmittedPods } from './psp-admitted-pods';
import { rule as podSecurityLevels } from './pod-security-levels';
import { rule as inTreeVolumes } from './in-tree-volumes';
import { rule as csiMigration } from './csi-migration';
import { rule as seccompAnnotations } from './seccomp-annotations';
import { rule as masterNodeRole } from './master-node-role';
import { rule as legacySaTokens } from './legacy-sa-tokens';
import { rule as registryK8sIo } from './registry-k8s-io';
import { rule as volumeSnapshotCrds } from './volume-snapshot-crds';
import { rule as kubeadmConfig } from './kubeadm-config';
import { rule as kubeconfigAuth } from './kubeconfig-auth';
import { rule as topologySpreadSkew } from './topology-spread-skew';
import { rule as grpcProbes } from './grpc-probes';
import { rule as cronjobTimezone } from './cronjob-timezone';
import { rule as staticClusterIp } from './static-cluster-ip';
import { rule as nonPreemptingPriority } from './non-preempting-priority';
import { rule as serviceLoadbalancerIp } from './service-loadbalancer-ip';
import type { Rule } from './types';

/** Every cluster check, in the order they run. A new check is one file plus one line here. */
export const RULES: readonly Rule[] = [
  nodeRuntime,
  runtimeVersion,
  dockerSocket,
  kubeletVersionSkew,
  dynamicKubeletConfig,
  removedApiObjects,
  removedApiHelm,
  removedApiMetrics,
  pspObjects,
  pspAdmittedPods,
  podSecurityLevels,
  inTreeVolumes,
  csiMigration,
  seccompAnnotations,
  masterNodeRole,
  legacySaTokens,
  registryK8sIo,
  volumeSnapshotCrds,
  kubeadmConfig,
  kubeconfigAuth,
  topologySpreadSkew,
  grpcProbes,
  cronjobTimezone,
  staticClusterIp,
  nonPreemptingPriority,
  serviceLoadbalancerIp,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

/** A rule by id. */
export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** The human title of a rule, or its id when unknown. */
export function ruleTitle(id: string): string {
  return byId.get(id)?.title ?? id;
}
