import { container, daemonSet, deployment, key, pod, privilegedNamespace } from './builders';
import type { Scenario } from './types';

const NS = 'rl-images';

export const registry: Scenario = {
  name: 'registry',
  description:
    'Images pulled from the frozen k8s.gcr.io registry (in containers and initContainers) next to registry.k8s.io and look-alike hosts that are not k8s.gcr.io.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    {
      manifest: deployment(NS, 'metrics-server', {
        containers: [
          container('metrics-server', 'k8s.gcr.io/metrics-server/metrics-server:v0.6.1', {
            args: ['--kubelet-preferred-address-types=InternalIP'],
          }),
        ],
      }),
    },
    {
      manifest: daemonSet(NS, 'node-problem-detector', {
        initContainers: [
          container('init-config', 'k8s.gcr.io/busybox:1.27.2', { command: ['sh', '-c', 'cp /defaults/* /config/'] }),
        ],
        containers: [container('npd', 'registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.13')],
      }),
    },
    { manifest: pod(NS, 'pause-holder', { containers: [container('pause', 'k8s.gcr.io/pause:3.6')] }) },
    {
      manifest: deployment(NS, 'ingress-nginx', {
        containers: [container('controller', 'registry.k8s.io/ingress-nginx/controller:v1.3.0')],
      }),
    },
    {
      manifest: deployment(NS, 'internal-tools', {
        containers: [container('tools', 'eu.gcr.io/acme-prod/k8s.gcr.io-mirror-tools:1.0.0')],
      }),
    },
  ],
  expect: [
    {
      ...key('Deployment', 'metrics-server', NS),
      changeId: 'registry-k8s-io',
      severity: 'action',
      why: 'image from k8s.gcr.io, which stopped receiving new images; pull from registry.k8s.io',
    },
    {
      ...key('DaemonSet', 'node-problem-detector', NS),
      changeId: 'registry-k8s-io',
      severity: 'action',
      why: 'an initContainer image comes from k8s.gcr.io',
    },
    {
      ...key('Pod', 'pause-holder', NS),
      changeId: 'registry-k8s-io',
      severity: 'action',
      why: 'image from k8s.gcr.io',
    },
    {
      ...key('Deployment', 'ingress-nginx', NS),
      changeId: 'addon-compatibility',
      severity: 'breaking',
      why: 'from registry.k8s.io (no registry finding), but controller v1.3.0 predates v1.4.0, the first to support 1.25',
    },
  ],
  clean: [key('Deployment', 'internal-tools', NS), key('Namespace', NS)],
};
