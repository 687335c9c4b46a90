import { privilegedNamespace, key } from './builders';
import { helmRelease, template } from './helm-release';
import type { Scenario } from './types';

const NS = 'rl-helm';

const cronV1beta1 = (name: string) => `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/managed-by: Helm
spec:
  schedule: "0 */6 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: ghcr.io/acme/${name}:1.0.0`;
const pdb = (name: string, apiVersion: string) => `apiVersion: ${apiVersion}
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}`;
const hpa = (name: string, apiVersion: string, metric: string) => `apiVersion: ${apiVersion}
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 2
  maxReplicas: 6
  metrics:
    - type: Resource
      resource:
${metric}`;
const V2BETA1_CPU = '        name: cpu\n        targetAverageUtilization: 75';
const V2_CPU = '        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 75';
const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/${name}:2.1.0`;
const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - port: 80
      targetPort: 8080`;

const rel = { namespace: NS, appVersion: '2.1.0' };

export const helmReleases: Scenario = {
  name: 'helm-releases',
  description:
    'Helm v3 release records (Secret and ConfigMap storage, base64(gzip(JSON))) whose stored manifests use removed APIs: in the main manifest, only in a hook, only in an older superseded revision (not flagged), and a release with two revisions marked deployed (an anomaly; the highest deployed revision is current and is fixed). Only the release records are seeded, not the chart objects.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    {
      manifest: helmRelease({
        ...rel,
        release: 'billing',
        revision: 1,
        status: 'superseded',
        chart: 'billing',
        chartVersion: '1.2.0',
        manifest: template('billing', 'deployment.yaml', deployment('billing')),
      }),
    },
    {
      manifest: helmRelease({
        ...rel,
        release: 'billing',
        revision: 2,
        status: 'deployed',
        chart: 'billing',
        chartVersion: '1.3.0',
        manifest:
          template('billing', 'deployment.yaml', deployment('billing')) +
          template('billing', 'cronjob.yaml', cronV1beta1('billing-invoices')) +
          template('billing', 'pdb.yaml', pdb('billing', 'policy/v1beta1')),
      }),
    },
    {
      manifest: helmRelease({
        ...rel,
        release: 'metrics',
        revision: 1,
        status: 'deployed',
        chart: 'metrics-adapter',
        chartVersion: '0.9.1',
        storage: 'ConfigMap',
        manifest:
          template('metrics-adapter', 'deployment.yaml', deployment('metrics-adapter')) +
          template('metrics-adapter', 'hpa.yaml', hpa('metrics-adapter', 'autoscaling/v2beta1', V2BETA1_CPU)),
      }),
    },
    {
      manifest: helmRelease({
        ...rel,
        release: 'migrations',
        revision: 3,
        status: 'deployed',
        chart: 'migrations',
        chartVersion: '3.0.2',
        manifest: template('migrations', 'deployment.yaml', deployment('migrations')),
        hooks: [
          {
            name: 'migrations-schedule',
            kind: 'CronJob',
            events: ['post-install', 'post-upgrade'],
            manifest: template('migrations', 'migrations-schedule.yaml', cronV1beta1('migrations-schedule')),
          },
        ],
      }),
    },
    {
      manifest: helmRelease({
        ...rel,
        release: 'frontend',
        revision: 1,
        status: 'superseded',
        chart: 'frontend',
        chartVersion: '4.0.0',
        manifest:
          template('frontend', 'service.yaml', service('frontend')) +
          template('frontend', 'pdb.yaml', pdb('frontend', 'policy/v1beta1')),
      }),
    },
    {
      manifest: helmRelease({
        ...rel,
        release: 'frontend',
        revision: 2,
        status: 'deployed',
        chart: 'frontend',
        chartVersion: '4.1.0',
        manifest:
          template('frontend', 'service.yaml', service('frontend')) +
          template('frontend', 'pdb.yaml', pdb('frontend', 'policy/v1')),
      }),
    },
    // Two "deployed" revisions: an interrupted upgrade left revision 1 unmarked.
    {
      manifest: helmRelease({
        ...rel,
        release: 'search',
        revision: 1,
        status: 'deployed',
        chart: 'search',
        chartVersion: '0.4.0',
        storage: 'ConfigMap',
        manifest: template('search', 'hpa.yaml', hpa('search', 'autoscaling/v2beta1', V2BETA1_CPU)),
      }),
    },
    {
      manifest: helmRelease({
        ...rel,
        release: 'search',
        revision: 2,
        status: 'deployed',
        chart: 'search',
        chartVersion: '0.5.0',
        storage: 'ConfigMap',
        manifest: template('search', 'hpa.yaml', hpa('search', 'autoscaling/v2', V2_CPU)),
      }),
    },
  ],
  expect: [
    {
      ...key('CronJob', 'billing-invoices', NS),
      changeId: 'cronjob-v1beta1-removal',
      severity: 'breaking',
      evidence: 'helm-secret',
      helmRelease: 'billing',
      why: 'deployed revision 2 stores batch/v1beta1; the next helm upgrade fails on 1.25 until the chart moves to batch/v1',
    },
    {
      ...key('PodDisruptionBudget', 'billing', NS),
      changeId: 'pdb-v1beta1-removal',
      severity: 'breaking',
      evidence: 'helm-secret',
      helmRelease: 'billing',
      why: 'deployed revision 2 stores policy/v1beta1',
    },
    {
      ...key('HorizontalPodAutoscaler', 'metrics-adapter', NS),
      changeId: 'hpa-v2beta1-removal',
      severity: 'breaking',
      evidence: 'helm-configmap',
      helmRelease: 'metrics',
      why: 'release stored in a ConfigMap (HELM_DRIVER=configmap) keeps autoscaling/v2beta1',
    },
    {
      ...key('CronJob', 'migrations-schedule', NS),
      changeId: 'cronjob-v1beta1-removal',
      severity: 'breaking',
      evidence: 'helm-hook',
      helmRelease: 'migrations',
      why: 'the removed API is only in a post-install/post-upgrade hook, not in the main manifest',
    },
  ],
  clean: [
    // Revision 1 had policy/v1beta1 but the deployed revision 2 uses policy/v1.
    key('PodDisruptionBudget', 'frontend', NS),
    // The highest deployed revision (2) uses autoscaling/v2.
    key('HorizontalPodAutoscaler', 'search', NS),
    key('Deployment', 'billing', NS),
    key('Namespace', NS),
  ],
  anomalies: [
    {
      ...key('Release', 'search', NS),
      anomaly: 'helm-duplicate-deployed',
      why: 'revisions 1 and 2 are both labelled and recorded as deployed; revision 2 is treated as current',
    },
  ],
};
