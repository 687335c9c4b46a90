/** Every kind of place a scan can start from. */
/** `files`: manifests, charts and kustomizations read from a repository (the CLI's --files, or an upload). */
export const SOURCE_KINDS = ['kubeconfig', 'upload', 'in-cluster', 'snapshot', 'demo', 'files'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The sources that reach a live API server. */
export const LIVE_SOURCE_KINDS = ['kubeconfig', 'upload', 'in-cluster'] as const satisfies readonly SourceKind[];
export type LiveSourceKind = (typeof LIVE_SOURCE_KINDS)[number];

/** Where a snapshot came from, as a report shows it. */
export interface SnapshotSource {
  kind: SourceKind;
  /** What the user would call it: context name, file names, 'Demo cluster'. */
  label: string;
  /** API server URL (no credentials). */
  server?: string;
}

/** The sources the dashboard offers; `files` is an uploaded repository archive or pasted manifests. */
export const DASHBOARD_SOURCE_KINDS = [
  'kubeconfig',
  'upload',
  'in-cluster',
  'snapshot',
  'demo',
  'files',
] as const satisfies readonly SourceKind[];
export type DashboardSourceKind = (typeof DASHBOARD_SOURCE_KINDS)[number];
