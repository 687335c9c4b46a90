/** The storefront namespace: a Helm release with removed APIs, a gRPC exec probe, a LoadBalancer IP. */
import {
  container,
  controller,
  helmOwned,
  lastApplied,
  managed,
  meta,
  nonRoot,
  podOf,
  replicaSetOf,
  service,
  template,
} from './k8s';
import type { Obj } from './k8s';

/** The storefront namespace. */
export function storefront(): Obj[] {
  const helm = helmOwned('storefront', 'storefront', 'storefront-2.4.1');
  const web = controller(
    'apps/v1',
    'Deployment',
    'storefront-web',
    'storefront',
    template(
      { app: 'storefront-web', 'app.kubernetes.io/instance': 'storefront' },
      {
        containers: [
          container('web', 'registry.northwind.example/storefront-web:2.4.1', {
            livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
            ports: [{ containerPort: 8080 }],
            readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
            securityContext: nonRoot,
          }),
        ],
        topologySpreadConstraints: [
          {
            labelSelector: { matchLabels: { app: 'storefront-web' } },
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'ScheduleAnyway',
          },
        ],
      },
    ),
    { replicas: 2, ...helm },
  );
  const webRs = replicaSetOf(web, '6d8f9c7b5');
  const cart = controller(
    'apps/v1',
    'Deployment',
    'cart',
    'storefront',
    template(
      { app: 'cart' },
      {
        containers: [
          container('cart', 'registry.northwind.example/cart:1.9.0', {
            livenessProbe: { exec: { command: ['/bin/grpc_health_probe', '-addr=:50051'] }, initialDelaySeconds: 10 },
            ports: [{ containerPort: 50051, name: 'grpc' }],
            readinessProbe: { exec: { command: ['/bin/grpc_health_probe', '-addr=:50051'] } },
            securityContext: nonRoot,
          }),
        ],
      },
    ),
    { replicas: 1 },
  );
  const cartRs = replicaSetOf(cart, '5b7d8f6c4');
  // Helm wrote these through the beta APIs; the server now returns them as v1/v2, but managedFields remember.
  const writtenBy = (apiVersion: string) => ({
    ...helm,
    managedFields: [managed('helm', apiVersion, '2023-11-02T14:21:09Z')],
  });
  return [
    web,
    webRs,
    podOf(webRs, 'storefront-web-6d8f9c7b5-2kq9x', 'worker-2', 'restricted', 'b7c8d'),
    podOf(webRs, 'storefront-web-6d8f9c7b5-9vz4m', 'worker-3', 'restricted', 'f3g4h'),
    cart,
    cartRs,
    podOf(cartRs, 'cart-5b7d8f6c4-w6p2n', 'worker-2', 'restricted', 'n9m8l'),
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta('storefront-web', 'storefront', writtenBy('policy/v1beta1')),
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'storefront-web' } } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta('storefront-web', 'storefront', writtenBy('autoscaling/v2beta1')),
      spec: {
        maxReplicas: 6,
        minReplicas: 2,
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront-web' },
      },
    },
    service(
      'storefront-web',
      'storefront',
      { clusterIP: '10.104.18.77', ports: [{ port: 80, targetPort: 8080 }], selector: { app: 'storefront-web' } },
      helm,
    ),
    service('storefront-public', 'storefront', {
      clusterIP: '10.108.3.140',
      loadBalancerIP: '203.0.113.10',
      ports: [{ port: 443, targetPort: 8080 }],
      selector: { app: 'storefront-web' },
      type: 'LoadBalancer',
    }),
    service(
      'cart',
      'storefront',
      { clusterIP: '10.96.0.100', ports: [{ name: 'grpc', port: 50051 }], selector: { app: 'cart' } },
      {
        annotations: lastApplied('v1', 'Service', 'cart', 'storefront'),
      },
    ),
  ];
}
