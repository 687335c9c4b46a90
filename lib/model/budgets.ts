/**
 * How much outside data one scan may read and parse. Everything Release Lens reads comes from someone else (a
 * pasted kubeconfig's API server, an uploaded snapshot, a Helm record any tenant can plant), so each budget is
 * enforced while reading, before the data is held or parsed; what goes over is skipped with a note naming the
 * budget and its setting, and the scan goes on.
 */
export interface ReadBudgets {
  /** Decompressed bytes of one API response (one page of a LIST). */
  responseBytes: number;
  /** Decompressed bytes one live scan reads in all. */
  scanBytes: number;
  /** Bytes of one object: an item of a list, or a single object in a snapshot file. */
  objectBytes: number;
  /** Bytes of one string inside an object or a YAML document. */
  stringBytes: number;
  /** Nesting depth of one object or YAML document. */
  depth: number;
  /** Decompressed bytes of one Helm release record. */
  helmReleaseBytes: number;
  /** Documents of one Helm manifest, counted before any is parsed. */
  manifestDocuments: number;
  /** Bytes of one YAML document of a Helm manifest. */
  documentBytes: number;
  /**
   * Values (scalars and collections) of one object, one YAML document or one Helm release record, counted
   * before it is parsed: what bounds the memory a parser needs, whatever the bytes look like.
   */
  nodes: number;
  /** Objects kept from one Helm release. */
  releaseObjects: number;
  /** Milliseconds to decode one Helm release record. */
  helmDecodeMs: number;
  /** Files read from one repository (the files source): manifests, chart files, kustomizations. */
  repositoryFiles: number;
  /** Bytes of one file of a repository. */
  fileBytes: number;
  /** Bytes read from one repository in all, archives decompressed. */
  repositoryBytes: number;
}

const MiB = 1024 * 1024;

/** Defaults: far above what a real cluster holds (etcd refuses objects over 1.5 MiB by default), far below harm. */
export const DEFAULT_BUDGETS: Readonly<ReadBudgets> = {
  responseBytes: 128 * MiB,
  scanBytes: 4096 * MiB,
  objectBytes: 8 * MiB,
  stringBytes: 4 * MiB,
  depth: 100,
  helmReleaseBytes: 32 * MiB,
  manifestDocuments: 10_000,
  documentBytes: 4 * MiB,
  nodes: 200_000,
  releaseObjects: 5_000,
  helmDecodeMs: 10_000,
  repositoryFiles: 100_000,
  fileBytes: 16 * MiB,
  repositoryBytes: 256 * MiB,
};

/** The environment variable that sets each budget; messages name it so an operator knows what to change. */
export const BUDGET_SETTINGS: Readonly<Record<keyof ReadBudgets, string>> = {
  responseBytes: 'RELEASE_LENS_MAX_RESPONSE_BYTES',
  scanBytes: 'RELEASE_LENS_MAX_SCAN_BYTES',
  objectBytes: 'RELEASE_LENS_MAX_OBJECT_BYTES',
  stringBytes: 'RELEASE_LENS_MAX_STRING_BYTES',
  depth: 'RELEASE_LENS_MAX_DEPTH',
  helmReleaseBytes: 'RELEASE_LENS_MAX_HELM_RELEASE_BYTES',
  manifestDocuments: 'RELEASE_LENS_MAX_MANIFEST_DOCUMENTS',
  documentBytes: 'RELEASE_LENS_MAX_DOCUMENT_BYTES',
  nodes: 'RELEASE_LENS_MAX_NODES',
  releaseObjects: 'RELEASE_LENS_MAX_RELEASE_OBJECTS',
  helmDecodeMs: 'RELEASE_LENS_HELM_DECODE_TIMEOUT_MS',
  repositoryFiles: 'RELEASE_LENS_MAX_REPOSITORY_FILES',
  fileBytes: 'RELEASE_LENS_MAX_FILE_BYTES',
  repositoryBytes: 'RELEASE_LENS_MAX_REPOSITORY_BYTES',
};

/** A size for messages: '4 MiB', '512 KiB', '300 bytes'. */
export function formatBytes(n: number): string {
  if (n >= MiB && n % (MiB / 4) === 0) return `${n / MiB} MiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}

/** "more than 4 MiB (RELEASE_LENS_MAX_OBJECT_BYTES)": a limit as a message states it, with its setting. */
export function overBudget(budget: keyof ReadBudgets, limit: number): string {
  const amount = budget.endsWith('Bytes')
    ? formatBytes(limit)
    : budget === 'helmDecodeMs'
      ? `${limit} ms`
      : String(limit);
  return `${amount} (${BUDGET_SETTINGS[budget]})`;
}
