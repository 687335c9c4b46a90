import { mkdirSync } from 'node:fs';
import path from 'node:path';
import clusterSetup from '../test/cluster-harness/global-setup';

/**
 * Prepares the folder the app under test writes its report database to, and starts the real kube-apiserver the
 * impact specs scan (seeded with every scenario). Returns the teardown that stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(path.join(import.meta.dirname, '..', '.cache', 'e2e'), { recursive: true });
  return clusterSetup();
}
