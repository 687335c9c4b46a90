import type { ClusterSource } from '../cluster';
import type { OfflineFile } from '../snapshot/offline';

/** Every place a scan can start from: a live cluster, offline kubectl output, or the bundled demo. */
export type ScanSource = ClusterSource | { kind: 'snapshot'; files: OfflineFile[] } | { kind: 'demo' };
