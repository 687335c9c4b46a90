import type { Severity } from './catalog';
import type { Target } from './releases';

/**
 * A cluster the operator registered with this instance (RELEASE_LENS_CLUSTERS): scanned on a schedule with
 * credentials mounted into the app, or reporting through an agent with its own upload token, or both.
 */
export interface RegisteredCluster {
  /** Stable, URL-safe: lower-case letters, digits and dashes. Reports of this cluster are filed under it. */
  id: string;
  /** What people call it. */
  name: string;
  target: Target;
  /** How the dashboard reaches it; absent for a cluster only an agent can reach. */
  access?: { kind: 'kubeconfig'; file: string; context?: string } | { kind: 'in-cluster' };
  /** How often the dashboard scans it, in milliseconds; absent: never on its own. */
  everyMs?: number;
  /** A file holding the agent's upload token (a mounted Secret); absent: no agent uploads for this cluster. */
  uploadTokenFile?: string;
}

/** Where a cluster's numbers stand in its newest report. */
export type FleetVerdict = 'blocked' | 'ready-with-actions' | 'ready' | 'unknown' | 'no-report';

/** One saved report of a registered cluster, as its trend shows it. */
export interface FleetPoint {
  reportId: string;
  createdAt: string;
  counts: Record<Severity, number>;
}

/** The last scheduled scan of a cluster: when, and how it ended. */
export interface FleetRun {
  periodStart: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  updatedAt: string;
  reportId?: string;
  error?: string;
}

/** One row of the fleet view. */
export interface FleetClusterRow {
  id: string;
  name: string;
  target: Target;
  /** scheduled (the dashboard scans it), agent (it uploads), or both. */
  modes: ('scheduled' | 'agent')[];
  everyMs?: number;
  verdict: FleetVerdict;
  latest?: {
    reportId: string;
    createdAt: string;
    ageMs: number;
    /** The release the report was judged against (an agent chooses its own; a scheduled scan uses `target`). */
    target: Target;
    serverVersion?: string;
    /** The kube-system namespace UID the report carries. */
    uid?: string;
    blockers: number;
    before: number;
    after: number;
    /** Checks that could not run and resource types not read. */
    notChecked: number;
    unreadable: number;
    counts: Record<Severity, number>;
  };
  /** Oldest first. */
  trend: FleetPoint[];
  lastRun?: FleetRun;
  /** Why the verdict cannot be told for the chosen target (its newest report was scanned for an earlier one). */
  targetNote?: string;
  /** Set when the reports under this registration come from more than one cluster (kube-system UIDs differ). */
  identityWarning?: string;
}

/** A change and the clusters whose newest report it still affects. */
export interface FleetChangeRow {
  changeId: string;
  title: string;
  severity: Severity;
  clusters: string[];
}

/** The whole fleet view: what /api/fleet answers. */
export interface FleetOverview {
  generatedAt: string;
  /** The release every cluster was judged against; absent: each against its own newest report's. */
  target?: Target;
  clusters: FleetClusterRow[];
  /** Most clusters first. */
  changes: FleetChangeRow[];
}
