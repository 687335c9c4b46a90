/** The payments namespace: GlusterFS, seccomp annotations, a legacy token Secret, a master nodeSelector. */
import { container, controller, meta, nonRoot, podOf, replicaSetOf, service, template } from './k8s';
import type { Obj } from './k8s';

/** The payments namespace. */
export function payments(): Obj[] {
  const ledger = controller(
    'apps/v1',
    'StatefulSet',
    'ledger-db',
    'payments',
    template(
      { app: 'ledger-db' },
      {
        containers: [
          container('postgres', 'postgres:14.2', {
            ports: [{ containerPort: 5432 }],
            volumeMounts: [{ mountPath: '/var/lib/postgresql/data', name: 'data' }],
          }),
        ],
        priorityClassName: 'payments-critical',
        securityContext: { fsGroup: 999, runAsUser: 999 },
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-ledger-db-0' } }],
      },
      {
        'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
        'container.seccomp.security.alpha.kubernetes.io/postgres': 'runtime/default',
      },
    ),
    { replicas: 1, extraSpec: { serviceName: 'ledger-db' } },
  );
  const api = controller(
    'apps/v1',
    'Deployment',
    'payments-api',
    'payments',
    template(
      { app: 'payments-api' },
      {
        automountServiceAccountToken: false,
        containers: [
          container('api', 'registry.northwind.example/payments-api:3.2.0', {
            readinessProbe: { tcpSocket: { port: 8443 } },
            securityContext: nonRoot,
            volumeMounts: [{ mountPath: '/var/run/secrets/deployer', name: 'deployer-token', readOnly: true }],
          }),
        ],
        priorityClassName: 'payments-critical',
        serviceAccountName: 'payments-api',
        volumes: [{ name: 'deployer-token', secret: { secretName: 'payments-deployer-token-x2k9f' } }],
      },
    ),
    { replicas: 1 },
  );
  const apiRs = replicaSetOf(api, '84c6b9d7f');
  const settlement = controller(
    'apps/v1',
    'Deployment',
    'settlement-worker',
    'payments',
    template(
      { app: 'settlement-worker' },
      {
        containers: [container('worker', 'registry.northwind.example/settlement:1.4.2', { securityContext: nonRoot })],
        nodeSelector: { 'node-role.kubernetes.io/master': '' },
        tolerations: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' }],
      },
    ),
    { replicas: 1 },
  );
  return [
    ledger,
    podOf(ledger, 'ledger-db-0', 'worker-3', 'restricted', 'c1v2b'),
    api,
    apiRs,
    podOf(apiRs, 'payments-api-84c6b9d7f-tq7rz', 'worker-2', 'restricted', 'k3l4z'),
    settlement,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: meta('payments-deployer-token-x2k9f', 'payments', {
        annotations: {
          'kubernetes.io/service-account.name': 'payments-deployer',
          'kubernetes.io/service-account.uid': '5e1ea5e0-0000-4000-8000-00000000ffff',
        },
        created: '2021-09-01T12:00:00Z',
      }),
      data: { 'ca.crt': 'ZGVtby1jYS1ub3QtcmVhbA==', namespace: 'cGF5bWVudHM=', token: 'ZGVtby10b2tlbi1ub3QtcmVhbA==' },
    },
    service('ledger-db', 'payments', { clusterIP: 'None', ports: [{ port: 5432 }], selector: { app: 'ledger-db' } }),
  ];
}
