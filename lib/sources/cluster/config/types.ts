import 'server-only';
import type { SourceKind } from '../../../model/sources';

/**
 * Where a live cluster comes from. Offline snapshots ('snapshot') and the demo ('demo') are the other SourceKinds;
 * they never touch the network and are handled by lib/snapshot, so a scan source is `ClusterSource | <those>`.
 */
export type ClusterSource =
  /** The server's own kubeconfig (KUBECONFIG or ~/.kube/config), only when RELEASE_LENS_LOCAL_KUBECONFIG is on. */
  | { kind: 'kubeconfig'; context?: string }
  /** A kubeconfig pasted or uploaded in the browser; sanitized, held in memory for the scan only. */
  | { kind: 'upload'; kubeconfig: string; context?: string }
  /** The Pod's service account, when Release Lens runs inside the cluster. */
  | { kind: 'in-cluster' };

// Compile-time check that every live source kind is a SourceKind the snapshot knows.
type AssertSubset<T extends SourceKind> = T;
export type LiveSourceKind = AssertSubset<ClusterSource['kind']>;
