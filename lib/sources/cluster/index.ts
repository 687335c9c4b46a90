import 'server-only';

/** The public face of lib/sources/cluster: sources, connecting, and collecting a snapshot. Plain data in and out. */
export type { ClusterSource } from './config/types';
export { listLocalContexts, type LocalContext } from './config/local';
export { isInClusterAvailable } from './config/in-cluster';
export { connect, type ClusterConnection, type ConnectOptions } from './connect';
export { collectSnapshot, type CollectOptions } from './collect/collect-snapshot';
export type { ScanPhase, ScanProgress, ProgressListener } from './collect/progress';
