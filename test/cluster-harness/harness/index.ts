export { startCluster, type RunningCluster, type StartClusterOptions } from './cluster';
export { readAuditEvents, type AuditEvent, type ReadAuditOptions } from './audit';
export {
  kubeRequest,
  kubeOk,
  KubeRequestError,
  type KubeTarget,
  type KubeResponse,
  type KubeRequestOptions,
} from './kube-request';
export { CLUSTER_STATE_ENV, readClusterState, writeClusterState, type ClusterInfo, type ClusterState } from './state';
export { USERS, TEAM_A_NAMESPACE, type Tokens } from './users';
export { KUBE_VERSION, binaryPaths, peerToolPaths, cacheDir } from './paths';
