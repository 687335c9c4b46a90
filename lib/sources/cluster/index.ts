import 'server-only';

/** The public face of lib/sources/cluster: sources, connecting, and collecting a snapshot. Plain data in and out. */
export type { ClusterSource } from './config/types';
export { listLocalContexts } from './config/local';
export { isInClusterAvailable } from './config/in-cluster';
export { connect, type ClusterConnection, type ConnectOptions } from './connect';
export { collectSnapshot, type CollectOptions } from './collect/collect-snapshot';
export type { ProgressListener } from './collect/progress';
