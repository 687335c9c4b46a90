import 'server-only';
import { stringify } from 'yaml';
import { RESOURCE_TABLE, type ResourceSpec } from '../../../model/resources';

/** The non-resource URLs a scan GETs: version, discovery and metrics. */
export const NON_RESOURCE_URLS = ['/api', '/api/*', '/apis', '/apis/*', '/metrics', '/version'] as const;

export const RBAC_NAMESPACE = 'release-lens';
export const RBAC_NAME = 'release-lens-reader';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** ClusterRole rules derived from the resource table: exactly the resources and verbs the collectors use. */
export function clusterRoleRules(
  table: readonly ResourceSpec[] = RESOURCE_TABLE,
): (Rule | { nonResourceURLs: string[]; verbs: string[] })[] {
  const verbs = new Map<string, Set<string>>();
  for (const spec of table) {
    const key = `${spec.group}\u0000${spec.resource}`;
    const set = verbs.get(key) ?? new Set<string>(['list']);
    for (const verb of spec.extraVerbs ?? []) set.add(verb);
    verbs.set(key, set);
  }
  // One rule per (group, verbs), resources sorted, so the manifest is stable and easy to review.
  const rules = new Map<string, Rule>();
  for (const [key, set] of verbs) {
    const [group = '', resource = ''] = key.split('\u0000');
    const sorted = [...set].sort();
    const id = `${group}\u0000${sorted.join(',')}`;
    const rule = rules.get(id) ?? { apiGroups: [group], resources: [], verbs: sorted };
    rule.resources.push(resource);
    rules.set(id, rule);
  }
  const sortedRules = [...rules.values()]
    .map((r) => ({ ...r, resources: r.resources.sort() }))
    .sort(
      (a, b) =>
        (a.apiGroups[0] ?? '').localeCompare(b.apiGroups[0] ?? '') || a.verbs.join().localeCompare(b.verbs.join()),
    );
  return [...sortedRules, { nonResourceURLs: [...NON_RESOURCE_URLS], verbs: ['get'] }];
}

const HEADER = `# Release Lens in-cluster RBAC: read-only (get, list), exactly what a scan uses.
# GENERATED from lib/sources/cluster/collect/resource-table.ts by lib/sources/cluster/collect/rbac.ts; do not edit by hand.
# Regenerate: RELEASE_LENS_UPDATE_RBAC=1 npx vitest run --project unit lib/sources/cluster/collect/rbac.test.ts
# Note: Helm stores releases in Secrets, so this grants "list secrets" cluster-wide. A scan reads Secret values only
# for owner=helm records and lists service-account token Secrets as metadata only; remove "secrets" below if you
# prefer, and the scan will report those checks as not covered.
`;

/** The ServiceAccount, ClusterRole and ClusterRoleBinding for running Release Lens inside a cluster, as YAML. */
export function renderRbacManifest(): string {
  const docs = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: RBAC_NAMESPACE } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'release-lens', namespace: RBAC_NAMESPACE } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: RBAC_NAME },
      rules: clusterRoleRules(),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: RBAC_NAME },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: RBAC_NAME },
      subjects: [{ kind: 'ServiceAccount', name: 'release-lens', namespace: RBAC_NAMESPACE }],
    },
  ];
  return HEADER + docs.map((d) => `---\n${stringify(d, { lineWidth: 0, singleQuote: true })}`).join('');
}
