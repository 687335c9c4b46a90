import 'server-only';

/** The public face of lib/cluster: sources, connecting, and collecting a snapshot. Plain data in and out. */
export type { ClusterSource } from './sources/types';
export { listLocalContexts, type LocalContext } from './sources/local';
export { isInClusterAvailable } from './sources/in-cluster';
export { connect, type ClusterConnection, type ConnectOptions } from './connect';
export { collectSnapshot, type CollectOptions } from './collect/collect-snapshot';
export type { ScanPhase, ScanProgress, ProgressListener } from './collect/progress';
