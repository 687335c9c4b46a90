/**
 * Generates data/demo/demo-cluster.json: a small, realistic Kubernetes 1.23 cluster of a fictional company that
 * shows every kind of finding Release Lens reports. Run `npx tsx lib/sources/demo/build/build-demo.ts` after editing the parts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RESOURCE_KEYS } from '../../../model/resources';
import { ci } from './parts/ci';
import { extensions } from './parts/extensions';
import { helmRecords } from './parts/helm';
import { snapshotInfo } from './parts/info';
import { resetUids } from './parts/k8s';
import type { Obj } from './parts/k8s';
import { namespaces, nodes } from './parts/nodes';
import { payments } from './parts/payments';
import { podSecurityPolicies } from './parts/policies';
import { storage } from './parts/storage';
import { storefront } from './parts/storefront';
import { systemObjects } from './parts/system';
import { warehouse } from './parts/warehouse';

/** The demo cluster as a kubectl-style List. */
export function buildDemoCluster(): Obj {
  resetUids();
  const clusterNodes = nodes();
  const cp1 = clusterNodes[0];
  if (!cp1) throw new Error('the demo needs a control-plane node');
  const collected = RESOURCE_KEYS.filter((k) => k !== 'version' && k !== 'discovery' && k !== 'metrics');
  return {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items: [
      snapshotInfo(collected),
      ...namespaces(),
      ...clusterNodes,
      ...podSecurityPolicies(),
      ...storage(),
      ...extensions(),
      ...systemObjects(cp1),
      ...ci(),
      ...storefront(),
      ...payments(),
      ...warehouse(),
      ...helmRecords(),
    ],
  };
}

/** Where the generated file lives. */
export const DEMO_CLUSTER_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'data',
  'demo',
  'demo-cluster.json',
);

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(DEMO_CLUSTER_FILE, `${JSON.stringify(buildDemoCluster(), null, 2)}\n`);
  console.log(`wrote ${DEMO_CLUSTER_FILE}`);
}
