import { createHash } from 'node:crypto';
import { container, mount } from './builders';

/** One synthetic service of the scale generator, and the pod spec (~2.3 KB as JSON) its pods get. */

export const suffix = (seed: string, len: number) => createHash('sha1').update(seed).digest('hex').slice(0, len);
export const owner = (kind: string, name: string, uid: string) => ({
  apiVersion: 'apps/v1',
  kind,
  name,
  uid,
  controller: true,
  blockOwnerDeletion: true,
});

export interface Plan {
  ns: string;
  name: string;
  hash: string;
  replicas: number;
  dockerSocket: boolean;
  k8sGcr: boolean;
}

export function podSpec(p: Plan, nodeName?: string): Record<string, unknown> {
  const image = p.k8sGcr
    ? 'k8s.gcr.io/e2e-test-images/agnhost:2.39'
    : `ghcr.io/acme/${p.name}:1.${p.hash.charCodeAt(0) % 20}.0`;
  const env = [
    'LOG_LEVEL',
    'HTTP_PORT',
    'GRPC_PORT',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'DB_HOST',
    'DB_NAME',
    'CACHE_TTL',
    'REGION',
  ].map((n, i) => ({
    name: n,
    value: i === 3 ? 'http://otel-collector.observability:4317' : `${n.toLowerCase()}-value-${i}`,
  }));
  const volumes: unknown[] = [
    { name: 'config', configMap: { name: `${p.name}-config` } },
    { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
  ];
  const mounts = [mount('config', '/etc/app', true), mount('tmp', '/tmp')];
  if (p.dockerSocket) {
    volumes.push({ name: 'docker-sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } });
    mounts.push(mount('docker-sock', '/var/run/docker.sock'));
  }
  return {
    ...(nodeName ? { nodeName } : {}),
    terminationGracePeriodSeconds: 30,
    securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
    containers: [
      container('app', image, {
        ports: [
          { containerPort: 8080, name: 'http' },
          { containerPort: 9090, name: 'metrics' },
        ],
        env,
        volumeMounts: mounts,
        readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 10 },
        livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 15, periodSeconds: 20 },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
      }),
      container('proxy', 'docker.io/envoyproxy/envoy:v1.27.0', {
        args: ['--config-path', '/etc/envoy/envoy.yaml', '--log-level', 'warn'],
        ports: [{ containerPort: 15001 }],
      }),
    ],
    volumes,
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: p.name } } },
          },
        ],
      },
    },
  };
}

export const labels = (p: Plan) => ({
  app: p.name,
  'app.kubernetes.io/part-of': 'scale-test',
  'pod-template-hash': p.hash,
});
export const annotations = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' };
