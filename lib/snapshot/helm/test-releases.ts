/**
 * Helm release builders for tests of the Helm decoding and the builder.
 */
import type { HelmReleaseJson } from './encode';

const PDB = `---
# Source: shop/templates/pdb.yaml
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: storefront
spec:
  minAvailable: 1
`;

const DEPLOYMENT = `---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  template: {}
`;

/** A release of the chart `shop` at `version`, with a PDB and a Deployment and a CronJob hook. */
export function shopRelease(
  version: number,
  status = 'deployed',
  extra: Partial<HelmReleaseJson> = {},
): HelmReleaseJson {
  return {
    name: 'storefront',
    namespace: 'shop',
    version,
    info: { status, last_deployed: `2023-0${version}-01T00:00:00Z` },
    chart: { metadata: { name: 'shop', version: `1.${version}.0`, appVersion: '2.0' } },
    manifest: `${PDB}${DEPLOYMENT}`,
    hooks: [
      {
        name: 'storefront-db-backup',
        kind: 'CronJob',
        path: 'shop/templates/backup.yaml',
        manifest: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: storefront-db-backup\n',
        events: ['post-install', 'post-upgrade'],
      },
    ],
    ...extra,
  };
}
