/**
 * What crosses the wire between the dashboard and its server, shared by route handlers and the React Query client:
 * the scan request, the NDJSON event stream a scan answers with, and what the server can scan.
 */
import type { Severity, Stage } from './catalog';
import type { AppErrorData } from './errors';
import type { Release, Target } from './releases';
import type { Report } from './report';
import type { ResourceKey } from './resources';

export type ScanPhase = 'connecting' | 'discovery' | 'listing' | 'done';

/** One progress report of a scan; plain data, safe to send to a browser as is. */
export interface ScanProgress {
  phase: ScanPhase;
  /** The resource that just started or got a page. */
  resource?: ResourceKey;
  itemsSoFar: number;
  resourcesDone: number;
  resourcesTotal: number;
}

/** What the impact view shows about a change, taken from the catalog. */
export interface ChangeSummary {
  id: string;
  title: string;
  release: Release;
  kep?: number;
  sig: string;
  severity: Severity;
  stage?: Stage;
  action: { before?: string; after?: string };
  /** False when no check can see the change from the API: it is for a person to review, not a gap of the scan. */
  observable: boolean;
}

/** A finished scan: the report and the catalog facts of every change it mentions. */
export interface ScanResult {
  report: Report;
  changes: ChangeSummary[];
}

/** One line of the NDJSON stream a scan answers with. */
export type ScanEvent =
  ({ type: 'progress' } & ScanProgress) | ({ type: 'report' } & ScanResult) | { type: 'error'; error: AppErrorData };

/** The sources a JSON scan request can name (offline snapshot files come as a multipart form). */
export type JsonScanSource =
  | { kind: 'demo' }
  | { kind: 'kubeconfig'; context?: string }
  | { kind: 'upload'; kubeconfig: string; context?: string }
  | { kind: 'in-cluster' };

/** The body of a JSON scan request. */
export interface ScanRequest {
  target: Target;
  source: JsonScanSource;
}

/** One command of an offline snapshot: what it collects and the exact shell line. */
export interface SnapshotCommand {
  purpose: string;
  command: string;
}

/** One context of the server's own kubeconfig, as the UI may show it: no credentials. */
export interface ContextSummary {
  name: string;
  cluster: string;
  /** host:port of the API server, or '' when the cluster entry is missing or unreadable. */
  server: string;
  namespace?: string;
  current: boolean;
}

/** The answer of GET /api/sources: what this server can scan. */
export interface SourcesInfo {
  localEnabled: boolean;
  /** How long the server waits for one answer of an API server (RELEASE_LENS_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  localContexts: ContextSummary[];
  inCluster: boolean;
  snapshotCommands: Record<'1.23-1.24' | '1.25+', readonly SnapshotCommand[]>;
}
