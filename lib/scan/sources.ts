import type { ClusterSource } from '../sources/cluster';
import type { OfflineFile } from '../sources/offline/parse';

/** Every place a scan can start from: a live cluster, offline kubectl output, or the bundled demo. */
export type ScanSource = ClusterSource | { kind: 'snapshot'; files: OfflineFile[] } | { kind: 'demo' };
