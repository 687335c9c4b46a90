import type { ClusterSource } from '../sources/cluster';
import type { OfflineStream } from '../sources/offline/parse';

/** Every place a scan can start from: a live cluster, offline kubectl output, or the bundled demo. */
export type ScanSource =
  | ClusterSource
  /** Files streamed in: read once, as they arrive (an upload's parts come one after another). */
  | { kind: 'snapshot'; files: Iterable<OfflineStream> | AsyncIterable<OfflineStream> }
  | { kind: 'demo' };
