/** What tells one cluster from another, as far as a report or a saved-report summary knows it. */
export interface ClusterIdentity {
  /** The kube-system namespace's UID. */
  uid?: string;
  /** The API server's address. */
  server?: string;
  /** The context or source label. */
  label: string;
}

/**
 * True when two reports are of one cluster: the kube-system UID decides when both have it; else one API server is one
 * cluster, whichever context (label) reached it; without servers, the labels decide.
 */
export function sameCluster(a: ClusterIdentity, b: ClusterIdentity): boolean {
  if (a.uid !== undefined && b.uid !== undefined) return a.uid === b.uid;
  if (a.server !== undefined && b.server !== undefined) return a.server === b.server;
  return a.label === b.label;
}
