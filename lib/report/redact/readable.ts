/**
 * Strings redaction leaves readable: names Kubernetes itself defines, which carry meaning and no secrets.
 * Kinds, apiVersions, field paths, change ids, rule ids and severities are never touched either: redaction only
 * rewrites the fields that hold names a cluster's owner chose.
 */

/** Namespaces every cluster has, created by Kubernetes itself. */
export const READABLE_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

/** Object names Kubernetes or kubeadm create in every cluster (the default ServiceAccount, the core add-ons). */
export const READABLE_OBJECT_NAMES = ['default', 'kube-proxy', 'coredns', 'kube-dns'] as const;

const readable = new Set<string>([...READABLE_NAMESPACES, ...READABLE_OBJECT_NAMES]);

/** True when a name is Kubernetes-defined and stays readable in a redacted report. */
export function isReadableName(name: string): boolean {
  return readable.has(name);
}
