import type { ClusterSource } from '../sources/cluster';
import type { OfflineStream } from '../sources/offline/parse';
import type { ManifestFile, UnreadFile } from '../sources/files/read';
import type { RenderTools } from '../sources/files/repository';

/** Every place a scan can start from: a live cluster, offline kubectl output, or the bundled demo. */
export type ScanSource =
  | ClusterSource
  /** Files streamed in: read once, as they arrive (an upload's parts come one after another). */
  | { kind: 'snapshot'; files: Iterable<OfflineStream> | AsyncIterable<OfflineStream> }
  | { kind: 'demo' }
  /**
   * A repository's files and directories, paths shown relative to `base`; `extra` holds manifests read from stdin.
   * Charts are rendered with each values file, and with the renderers found.
   */
  | {
      kind: 'files';
      paths: string[];
      base: string;
      label: string;
      tools: RenderTools;
      valuesFiles?: string[];
      extra?: ManifestFile[];
      extraUnread?: UnreadFile[];
    };
