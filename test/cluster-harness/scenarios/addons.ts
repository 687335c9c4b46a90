import { container, daemonSet, deployment, key, privilegedNamespace } from './builders';
import type { ExpectedFinding, Scenario } from './types';

const NS = 'rl-addons';

const addon = (kind: string, name: string, severity: ExpectedFinding['severity'], why: string): ExpectedFinding => ({
  ...key(kind, name, NS),
  changeId: 'addon-compatibility',
  severity,
  why,
});

export const addons: Scenario = {
  name: 'addons',
  description:
    'Add-ons at an old, a current, a too-new and an unreadable version, one recognised through a mirror registry and one pinned by digest with a version label, next to an ordinary workload that is no add-on.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    {
      manifest: deployment(NS, 'cert-manager', {
        containers: [container('controller', 'quay.io/jetstack/cert-manager-controller:v1.5.3')],
      }),
    },
    {
      manifest: daemonSet(NS, 'calico-node', {
        containers: [container('calico-node', 'docker.io/calico/node:v3.24.1')],
      }),
    },
    {
      manifest: deployment(NS, 'cluster-autoscaler', {
        containers: [container('autoscaler', 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.24.3')],
      }),
    },
    {
      manifest: deployment(NS, 'external-dns', {
        containers: [container('external-dns', 'registry.k8s.io/external-dns/external-dns:latest')],
      }),
    },
    {
      // Pulled through a mirror, pinned by digest: the version comes from the label.
      manifest: deployment(
        NS,
        'kyverno',
        {
          containers: [
            container(
              'kyverno',
              'mirror.example.com/ghcr/kyverno/kyverno@sha256:1111111111111111111111111111111111111111111111111111111111111111',
            ),
          ],
        },
        { labels: { 'app.kubernetes.io/version': 'v1.13.2' } },
      ),
    },
    {
      // A private build of the ingress-nginx controller: recognised by the table's label selector, versioned by label.
      manifest: deployment(
        NS,
        'edge-proxy',
        { containers: [container('controller', 'registry.example.com/platform/edge-proxy:3.2.0')] },
        {
          labels: {
            'app.kubernetes.io/name': 'ingress-nginx',
            'app.kubernetes.io/component': 'controller',
            'app.kubernetes.io/version': '1.2.1',
          },
        },
      ),
    },
    {
      // Half a selector is no match: the same chart's admission job is not the controller.
      manifest: deployment(
        NS,
        'edge-admission',
        { containers: [container('patch', 'registry.example.com/platform/edge-admission:3.2.0')] },
        { labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      ),
    },
    {
      manifest: deployment(NS, 'gatekeeper-controller-manager', {
        containers: [container('manager', 'docker.io/openpolicyagent/gatekeeper:v3.6.0')],
      }),
    },
    {
      manifest: deployment(NS, 'storefront', {
        containers: [container('web', 'docker.io/library/nginx:1.25.2')],
      }),
    },
  ],
  expect: [
    addon(
      'Deployment',
      'cert-manager',
      'breaking',
      'cert-manager 1.5.3 predates 1.10.0, the first release supporting 1.25',
    ),
    addon('DaemonSet', 'calico-node', 'info', 'Calico 3.24.1 is within the range tested on 1.25'),
    addon('Deployment', 'cluster-autoscaler', 'breaking', 'cluster-autoscaler must match the control plane minor'),
    addon('Deployment', 'external-dns', 'info', 'the tag latest names no release: version unknown'),
    addon(
      'Deployment',
      'kyverno',
      'action',
      'Kyverno 1.13.2 (from its label) is newer than the releases tested on 1.25',
    ),
    addon(
      'Deployment',
      'edge-proxy',
      'breaking',
      'a private build recognised by its labels; ingress-nginx 1.2.1 (from its label) predates 1.4.0',
    ),
    addon(
      'Deployment',
      'gatekeeper-controller-manager',
      'action',
      'Gatekeeper 3.6.0 is below the range derived from its support policy for 1.25: worth a look, not a known break',
    ),
  ],
  clean: [key('Deployment', 'storefront', NS), key('Deployment', 'edge-admission', NS), key('Namespace', NS)],
};
