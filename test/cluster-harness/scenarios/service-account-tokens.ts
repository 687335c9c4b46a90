import { container, key, mount, pod, privilegedNamespace } from './builders';
import type { Manifest, Scenario } from './types';

const NS = 'rl-tokens';

const serviceAccount = (name: string, secrets: string[] = []): Manifest => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: NS },
  ...(secrets.length ? { secrets: secrets.map((s) => ({ name: s })) } : {}),
});
// What the token controller used to create before 1.24; without a controller-manager data stays empty.
const tokenSecret = (name: string, sa: string): Manifest => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'kubernetes.io/service-account-token',
  metadata: { name, namespace: NS, annotations: { 'kubernetes.io/service-account.name': sa } },
});

export const serviceAccountTokens: Scenario = {
  name: 'legacy-sa-tokens',
  description:
    'Long-lived service-account token Secrets of the kind 1.24 stops generating, one mounted by a pod, next to a pod that uses a projected (bound) token and ordinary Secrets.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    { manifest: serviceAccount('ci-deployer', ['ci-deployer-token-7x2kq']) },
    { manifest: tokenSecret('ci-deployer-token-7x2kq', 'ci-deployer') },
    { manifest: serviceAccount('metrics-reader', ['metrics-reader-token-m4p9z']) },
    { manifest: tokenSecret('metrics-reader-token-m4p9z', 'metrics-reader') },
    {
      manifest: pod(NS, 'metrics-scraper', {
        serviceAccountName: 'metrics-reader',
        automountServiceAccountToken: false,
        containers: [
          container('scraper', 'ghcr.io/acme/metrics-scraper:1.3.0', {
            volumeMounts: [mount('token', '/var/run/secrets/metrics', true)],
          }),
        ],
        volumes: [{ name: 'token', secret: { secretName: 'metrics-reader-token-m4p9z' } }],
      }),
    },
    { manifest: serviceAccount('web') },
    {
      manifest: pod(NS, 'web', {
        serviceAccountName: 'web',
        containers: [
          container('web', 'docker.io/library/nginx:1.25.2', {
            volumeMounts: [mount('kube-api-access', '/var/run/secrets/kubernetes.io/serviceaccount', true)],
          }),
        ],
        volumes: [
          {
            name: 'kube-api-access',
            projected: {
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              ],
            },
          },
        ],
      }),
    },
    {
      manifest: {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/tls',
        metadata: { name: 'web-tls', namespace: NS },
        data: { 'tls.crt': '', 'tls.key': '' },
      },
    },
    {
      manifest: {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: { name: 'db-credentials', namespace: NS },
        stringData: { username: 'app', password: 'not-a-real-password' },
      },
    },
  ],
  expect: [
    // Token Secrets are listed once per namespace (an inventory, not one finding per credential); the workloads
    // that mount one by name get findings of their own.
    {
      ...key('Namespace', NS),
      changeId: 'legacy-service-account-tokens',
      severity: 'info',
      why: 'holds two long-lived token Secrets: still valid, but new ServiceAccounts no longer get one and tooling that expects it breaks',
      detail: { secrets: 'ci-deployer-token-7x2kq,metrics-reader-token-m4p9z' },
    },
    {
      ...key('Pod', 'metrics-scraper', NS),
      changeId: 'legacy-service-account-tokens',
      severity: 'action',
      why: 'mounts a legacy token Secret instead of a projected, expiring token',
    },
  ],
  clean: [
    key('ServiceAccount', 'web', NS),
    key('Pod', 'web', NS),
    key('Secret', 'web-tls', NS),
    key('Secret', 'db-credentials', NS),
  ],
};
