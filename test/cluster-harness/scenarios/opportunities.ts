import { container, cronJob, deployment, key, lastApplied, privilegedNamespace, statefulSet } from './builders';
import type { Manifest, Scenario } from './types';

const NS = 'rl-opps';
const grpcProbe = (addr: string) => ({
  exec: { command: ['/bin/grpc_health_probe', `-addr=${addr}`] },
  initialDelaySeconds: 5,
  periodSeconds: 10,
});
const service = (name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): Manifest => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: NS, labels: { app: name }, ...(annotations ? { annotations } : {}) },
  spec: { selector: { app: name }, ports: [{ name: 'tcp', port: 5432, targetPort: 5432 }], ...spec },
});
const staticSpec = { clusterIP: '10.0.0.50' };

export const opportunities: Scenario = {
  name: 'opportunities',
  description:
    'Things 1.24/1.25 make better rather than break: exec probes that run grpc_health_probe (native gRPC probes), a CronJob without timeZone, a Service with a hand-picked ClusterIP, and a LoadBalancer Service using the deprecated spec.loadBalancerIP. The 1.24 apiserver drops spec.timeZone on CronJobs (CronJobTimeZone is alpha and off), so no CronJob here can set it.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    {
      manifest: deployment(NS, 'grpc-api', {
        containers: [
          container('api', 'ghcr.io/acme/grpc-api:1.12.0', {
            ports: [{ containerPort: 9090, name: 'grpc' }],
            livenessProbe: grpcProbe(':9090'),
            readinessProbe: grpcProbe(':9090'),
          }),
        ],
      }),
    },
    {
      manifest: statefulSet(NS, 'ledger', {
        containers: [
          container('ledger', 'ghcr.io/acme/ledger:0.7.0', {
            readinessProbe: {
              exec: { command: ['sh', '-c', 'grpc_health_probe -addr=localhost:7000 -service=ledger'] },
            },
          }),
        ],
      }),
    },
    {
      manifest: deployment(NS, 'http-api', {
        containers: [
          container('api', 'ghcr.io/acme/http-api:3.0.0', {
            livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
            readinessProbe: { grpc: { port: 9090 } },
          }),
        ],
      }),
    },
    {
      manifest: cronJob(NS, 'daily-digest', '0 7 * * *', {
        containers: [container('digest', 'ghcr.io/acme/digest:1.1.0')],
      }),
    },
    // Applied with a fixed ClusterIP: the IP is owned by the applier in managedFields and in the annotation.
    {
      manifest: service('legacy-db', staticSpec, lastApplied(service('legacy-db', staticSpec))),
      fieldManager: 'kubectl-client-side-apply',
    },
    {
      manifest: service('public-lb', {
        type: 'LoadBalancer',
        loadBalancerIP: '203.0.113.10',
        externalTrafficPolicy: 'Local',
        ports: [{ name: 'https', port: 443, targetPort: 8443 }],
      }),
      fieldManager: 'kubectl-client-side-apply',
    },
    { manifest: service('orders-db', {}), fieldManager: 'kubectl-client-side-apply' },
  ],
  expect: [
    {
      ...key('Deployment', 'grpc-api', NS),
      changeId: 'grpc-probes-beta',
      severity: 'info',
      why: 'exec probes run grpc_health_probe; a native grpc probe can replace them',
    },
    {
      ...key('StatefulSet', 'ledger', NS),
      changeId: 'grpc-probes-beta',
      severity: 'info',
      why: 'readiness exec probe runs grpc_health_probe through a shell',
    },
    {
      ...key('CronJob', 'daily-digest', NS),
      changeId: 'cronjob-timezone-beta',
      severity: 'info',
      why: 'schedule is interpreted in the controller-manager time zone; spec.timeZone is beta in 1.25',
    },
    {
      ...key('Service', 'legacy-db', NS),
      changeId: 'static-clusterip-range-beta',
      severity: 'info',
      why: 'ClusterIP 10.0.0.50 was chosen by hand from the dynamic band; with static-range reservation (beta in 1.25) static IPs belong in the lower band',
    },
    {
      ...key('Service', 'public-lb', NS),
      changeId: 'service-loadbalancerip-deprecation',
      severity: 'info',
      why: 'spec.loadBalancerIP is deprecated in 1.24; use the provider annotation',
    },
  ],
  clean: [
    // grpc readiness probe is already native; the liveness probe is HTTP.
    key('Deployment', 'http-api', NS),
    // ClusterIP allocated by the apiserver, not set by the client.
    key('Service', 'orders-db', NS),
    key('Namespace', NS),
  ],
};
