import { kubeOk, type KubeTarget } from './kube-request';
import { TEAM_A_NAMESPACE, USERS } from './users';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';

/**
 * Grants the reader group read access to everything (the built-in view role
 * leaves out Secrets, Nodes and cluster-scoped objects) and the team-a user
 * read access to its own namespace only.
 */
export async function applyTestRbac(cluster: KubeTarget): Promise<void> {
  await kubeOk(cluster, 'POST', `${RBAC}/clusterroles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'release-lens:read-all' },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { nonResourceURLs: ['*'], verbs: ['get'] },
    ],
  });
  await kubeOk(cluster, 'POST', `${RBAC}/clusterrolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'release-lens:read-all' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'release-lens:read-all' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: USERS.reader.groups[0] }],
  });

  await kubeOk(cluster, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: TEAM_A_NAMESPACE, labels: { team: 'a' } },
  });
  await kubeOk(cluster, 'POST', `${RBAC}/namespaces/${TEAM_A_NAMESPACE}/roles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'team-a-read', namespace: TEAM_A_NAMESPACE },
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] }],
  });
  await kubeOk(cluster, 'POST', `${RBAC}/namespaces/${TEAM_A_NAMESPACE}/rolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'team-a-read', namespace: TEAM_A_NAMESPACE },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'team-a-read' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: USERS.teamA.groups[0] }],
  });
}
