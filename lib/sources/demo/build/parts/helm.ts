/** Helm release records of the demo, encoded exactly as Helm 3 stores them. */
import type { HelmReleaseJson } from '../../../../snapshot/helm/encode';
import { helmStorageObject } from '../../../../snapshot/helm/encode';
import { uid } from './k8s';
import type { Obj } from './k8s';

const doc = (source: string, body: string) => `---\n# Source: ${source}\n${body}`;

function storefrontManifest(withHpa: boolean): string {
  return [
    doc(
      'storefront/templates/service.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: storefront-web\n  labels:\n    app: storefront-web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n',
    ),
    doc(
      'storefront/templates/deployment.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: storefront-web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: storefront-web\n',
    ),
    doc(
      'storefront/templates/pdb.yaml',
      'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: storefront-web\nspec:\n  minAvailable: 1\n',
    ),
    withHpa
      ? doc(
          'storefront/templates/hpa.yaml',
          'apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: storefront-web\nspec:\n  minReplicas: 2\n  maxReplicas: 6\n',
        )
      : '',
    // Templates that render nothing still leave a document behind.
    doc('storefront/templates/ingress.yaml', ''),
  ].join('');
}

function storefront(version: number, status: string, chartVersion: string, deployed: string): HelmReleaseJson {
  return {
    name: 'storefront',
    namespace: 'storefront',
    version,
    info: {
      first_deployed: '2022-06-01T09:12:44Z',
      last_deployed: deployed,
      status,
      description: version === 1 ? 'Install complete' : 'Upgrade complete',
    },
    chart: { metadata: { apiVersion: 'v2', name: 'storefront', version: chartVersion, appVersion: chartVersion } },
    config: { replicaCount: 2 },
    manifest: storefrontManifest(version > 1),
    hooks: [
      {
        name: 'storefront-cache-warmer',
        kind: 'CronJob',
        path: 'storefront/templates/cache-warmer.yaml',
        manifest:
          '# Source: storefront/templates/cache-warmer.yaml\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: storefront-cache-warmer\n  annotations:\n    "helm.sh/hook": post-install,post-upgrade\nspec:\n  schedule: "*/30 * * * *"\n',
        events: ['post-install', 'post-upgrade'],
      },
    ],
  };
}

function grafana(version: number, deployed: string): HelmReleaseJson {
  return {
    name: 'grafana',
    namespace: 'monitoring',
    version,
    info: {
      first_deployed: '2022-04-11T16:03:10Z',
      last_deployed: deployed,
      status: 'deployed',
      description: 'Upgrade complete',
    },
    chart: { metadata: { apiVersion: 'v2', name: 'grafana', version: '6.24.1', appVersion: '8.4.4' } },
    config: {},
    manifest: [
      doc(
        'grafana/templates/serviceaccount.yaml',
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: grafana\n  namespace: monitoring\n',
      ),
      doc(
        'grafana/templates/podsecuritypolicy.yaml',
        'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: grafana\n',
      ),
      doc(
        'grafana/templates/service.yaml',
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: grafana\n  namespace: monitoring\n',
      ),
      doc(
        'grafana/templates/deployment.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: grafana\n  namespace: monitoring\n',
      ),
    ].join(''),
    hooks: [
      {
        name: 'grafana-test',
        kind: 'Pod',
        path: 'grafana/templates/tests/test.yaml',
        manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: grafana-test\n  namespace: monitoring\n',
        events: ['test'],
      },
    ],
  };
}

function stored(release: HelmReleaseJson, storage: 'Secret' | 'ConfigMap', created: string): Obj {
  const o = helmStorageObject(release, storage);
  const metadata = { ...(o.metadata as Obj), creationTimestamp: created, resourceVersion: '1', uid: uid() };
  return { ...o, metadata };
}

/**
 * storefront (Secret storage): revision 1 superseded, revision 2 deployed, whose manifest still has a
 * policy/v1beta1 PodDisruptionBudget, an autoscaling/v2beta1 HPA and a batch/v1beta1 CronJob hook.
 * grafana (ConfigMap storage): revisions 3 and 4 both marked deployed (an interrupted upgrade), with a PSP.
 */
export function helmRecords(): Obj[] {
  return [
    stored(storefront(1, 'superseded', '2.3.0', '2022-06-01T09:12:44Z'), 'Secret', '2022-06-01T09:12:44Z'),
    stored(storefront(2, 'deployed', '2.4.1', '2023-11-02T14:21:09Z'), 'Secret', '2023-11-02T14:21:09Z'),
    stored(grafana(3, '2023-01-20T11:00:00Z'), 'ConfigMap', '2023-01-20T11:00:00Z'),
    stored(grafana(4, '2023-08-15T10:30:00Z'), 'ConfigMap', '2023-08-15T10:30:00Z'),
  ];
}
