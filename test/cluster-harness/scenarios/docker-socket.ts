import {
  container,
  cronJob,
  daemonSet,
  deployment,
  hostPath,
  job,
  key,
  mount,
  pod,
  privilegedNamespace,
  replicaSet,
  statefulSet,
} from './builders';
import { node } from './node-builder';
import type { ExpectedFinding, Scenario } from './types';

const NS = 'rl-docker';
const sock = (name: string, path: string) => ({ volumes: [hostPath(name, path)] });
const brk = (kind: string, name: string, why: string, ns = NS): ExpectedFinding => ({
  ...key(kind, name, ns),
  changeId: 'dockershim-removal',
  severity: 'breaking',
  why,
});

const act = (kind: string, name: string, why: string): ExpectedFinding => ({
  ...brk(kind, name, why),
  severity: 'action',
  confidence: 'likely',
});

export const dockerSocket: Scenario = {
  name: 'docker-socket',
  description:
    'Workloads that depend on the node Docker Engine through every path variant, in containers, initContainers and an ephemeral container, across all controller kinds (including a Deployment at 0 replicas, a suspended CronJob and a static mirror pod), next to look-alikes that do not depend on the node: an emptyDir at a socket path, a /var/log hostPath and a Docker-in-Docker sidecar.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    { manifest: node({ name: 'ci-worker-1', kubelet: 'v1.24.17', runtime: 'containerd://1.6.8' }) },
    {
      manifest: daemonSet(NS, 'log-agent', {
        containers: [
          container('agent', 'docker.io/datadog/agent:7.38.2', {
            volumeMounts: [mount('dockersocket', '/var/run/docker.sock', true)],
          }),
        ],
        ...sock('dockersocket', '/var/run/docker.sock'),
      }),
    },
    {
      // A pod of the DaemonSet above; checks may report it or roll it up to its owner.
      manifest: pod(
        NS,
        'log-agent-x7k2p',
        {
          nodeName: 'ci-worker-1',
          containers: [
            container('agent', 'docker.io/datadog/agent:7.38.2', {
              volumeMounts: [mount('dockersocket', '/var/run/docker.sock', true)],
            }),
          ],
          ...sock('dockersocket', '/var/run/docker.sock'),
        },
        { labels: { 'controller-revision-hash': '6d8f7b9c5d', 'pod-template-generation': '1' } },
      ),
      owners: [key('DaemonSet', 'log-agent', NS)],
    },
    {
      manifest: deployment(NS, 'ci-runner', {
        containers: [
          container('runner', 'docker.io/gitlab/gitlab-runner:v15.3.0', {
            volumeMounts: [mount('docker', '/var/run/docker.sock')],
          }),
        ],
        volumes: [hostPath('docker', '/run/docker.sock', 'Socket')],
      }),
    },
    {
      manifest: deployment(
        NS,
        'image-builder',
        {
          containers: [
            container('builder', 'ghcr.io/acme/image-builder:2.4.1', {
              volumeMounts: [mount('shim', '/var/run/dockershim.sock')],
            }),
          ],
          ...sock('shim', '/var/run/dockershim.sock'),
        },
        { replicas: 0 },
      ),
    },
    {
      manifest: statefulSet(NS, 'buildkit-cache', {
        containers: [
          container('cache', 'docker.io/moby/buildkit:v0.10.4', {
            volumeMounts: [mount('docker-root', '/var/lib/docker')],
          }),
        ],
        ...sock('docker-root', '/var/lib/docker'),
      }),
    },
    {
      manifest: job(NS, 'node-cleanup', {
        containers: [
          container('cleanup', 'docker.io/library/docker:20.10.17-cli', {
            command: ['docker', 'system', 'prune', '-f'],
            volumeMounts: [mount('run', '/var/run')],
          }),
        ],
        ...sock('run', '/var/run'),
      }),
    },
    {
      manifest: cronJob(
        NS,
        'image-prune',
        '30 3 * * *',
        {
          containers: [
            container('prune', 'docker.io/library/docker:20.10.17-cli', {
              command: ['docker', 'image', 'prune', '-af'],
              volumeMounts: [mount('hostrun', '/run')],
            }),
          ],
          ...sock('hostrun', '/run'),
        },
        { suspend: true },
      ),
    },
    {
      // DOCKER_HOST names the socket through a mount of its parent directory: only the reference says it is Docker.
      manifest: replicaSet(NS, 'docker-gc', {
        containers: [
          container('gc', 'docker.io/library/docker:20.10.17-cli', {
            command: ['sh', '-c'],
            args: ['DOCKER_HOST=unix:///host/var/run/docker.sock docker container prune -f && sleep 3600'],
            volumeMounts: [mount('host-var-run', '/host/var/run')],
          }),
        ],
        ...sock('host-var-run', '/var/run'),
      }),
    },
    {
      manifest: deployment(NS, 'registry-sync', {
        containers: [
          container('sync', 'ghcr.io/acme/registry-sync:1.8.0', {
            env: [
              { name: 'DOCKER_HOST', value: 'unix:///host/run/docker.sock' },
              { name: 'SYNC_INTERVAL', value: '5m' },
            ],
            volumeMounts: [mount('host-run', '/host/run', true)],
          }),
        ],
        ...sock('host-run', '/run'),
      }),
    },
    {
      // DOCKER_HOST at a socket path that no hostPath backs: it names a file inside the container, not the node's
      // Docker Engine (the image would have to run its own daemon), so the node's runtime does not matter to it.
      manifest: deployment(NS, 'docker-cli-nomount', {
        containers: [
          container('cli', 'docker.io/library/docker:20.10.17-cli', {
            command: ['sleep', 'infinity'],
            env: [{ name: 'DOCKER_HOST', value: 'unix:///var/run/docker.sock' }],
          }),
        ],
      }),
    },
    {
      manifest: pod(NS, 'debug-shell', {
        initContainers: [
          container('wait-docker', 'docker.io/library/docker:20.10.17-cli', {
            command: ['docker', 'info'],
            volumeMounts: [mount('sock', '/var/run/docker.sock')],
          }),
        ],
        containers: [container('shell', 'docker.io/library/busybox:1.36', { command: ['sleep', '86400'] })],
        ...sock('sock', '/var/run/docker.sock'),
      }),
    },
    {
      manifest: pod(NS, 'payments-api', {
        containers: [
          container('api', 'ghcr.io/acme/payments-api:3.2.0', { ports: [{ containerPort: 8080, name: 'http' }] }),
        ],
        // A node directory the app containers do not mount; only the debug container below uses it.
        ...sock('host-run', '/var/run'),
      }),
      // An operator attached a debug container that talks to the node's Docker Engine.
      then: [
        {
          op: 'strategic-merge-patch',
          subresource: 'ephemeralcontainers',
          fieldManager: 'kubectl-debug',
          body: {
            spec: {
              ephemeralContainers: [
                {
                  name: 'debugger-8kq2w',
                  image: 'docker.io/library/docker:20.10.17-cli',
                  command: ['sh'],
                  stdin: true,
                  tty: true,
                  targetContainerName: 'api',
                  env: [{ name: 'DOCKER_HOST', value: 'unix:///host/run/docker.sock' }],
                  volumeMounts: [{ name: 'host-run', mountPath: '/host/run' }],
                },
              ],
            },
          },
        },
      ],
    },
    {
      manifest: pod(
        'kube-system',
        'node-agent-ci-worker-1',
        {
          nodeName: 'ci-worker-1',
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          containers: [
            container('node-agent', 'ghcr.io/acme/node-agent:0.9.3', {
              volumeMounts: [mount('docker-sock', '/var/run/docker.sock')],
            }),
          ],
          ...sock('docker-sock', '/var/run/docker.sock'),
        },
        {
          annotations: {
            'kubernetes.io/config.source': 'file',
            'kubernetes.io/config.hash': '4c5a3e9b1f0d2c7e8a6b5d4c3e2f1a0b',
            'kubernetes.io/config.mirror': '4c5a3e9b1f0d2c7e8a6b5d4c3e2f1a0b',
            'kubernetes.io/config.seen': '2024-04-01T08:00:00.000000000Z',
          },
        },
      ),
      owners: [key('Node', 'ci-worker-1')],
    },
    {
      manifest: pod(NS, 'socket-proxy', {
        containers: [
          container('proxy', 'docker.io/tecnativa/docker-socket-proxy:0.1.1', {
            volumeMounts: [mount('scratch', '/var/run/docker.sock')],
          }),
        ],
        volumes: [{ name: 'scratch', emptyDir: {} }],
      }),
    },
    {
      manifest: daemonSet(NS, 'fluent-bit', {
        containers: [
          container('fluent-bit', 'cr.fluentbit.io/fluent/fluent-bit:2.1.8', {
            volumeMounts: [mount('varlog', '/var/log', true)],
          }),
        ],
        volumes: [hostPath('varlog', '/var/log')],
      }),
    },
    {
      manifest: deployment(NS, 'ci-dind', {
        containers: [
          container('job', 'docker.io/library/docker:20.10.17-cli', {
            command: ['sleep', 'infinity'],
            env: [{ name: 'DOCKER_HOST', value: 'tcp://localhost:2375' }],
          }),
          container('dind', 'docker.io/library/docker:20.10.17-dind', {
            securityContext: { privileged: true },
            env: [{ name: 'DOCKER_TLS_CERTDIR', value: '' }],
            volumeMounts: [mount('dind-storage', '/var/lib/docker')],
          }),
        ],
        volumes: [{ name: 'dind-storage', emptyDir: {} }],
      }),
    },
    {
      manifest: deployment(NS, 'web', {
        containers: [container('web', 'docker.io/library/nginx:1.25.2', { ports: [{ containerPort: 80 }] })],
      }),
    },
  ],
  expect: [
    brk('DaemonSet', 'log-agent', 'pod template mounts hostPath /var/run/docker.sock'),
    brk('Deployment', 'ci-runner', 'pod template mounts hostPath /run/docker.sock'),
    brk(
      'Deployment',
      'image-builder',
      'mounts /var/run/dockershim.sock; at 0 replicas today, but breaks when scaled up',
    ),
    brk('StatefulSet', 'buildkit-cache', 'mounts hostPath /var/lib/docker'),
    // A parent directory holds docker.sock on a Docker node, but also other runtimes' sockets and run files: nothing
    // in the spec says this workload talks to Docker, so it is a likely dependency to check, not a certain break.
    act('Job', 'node-cleanup', 'mounts the parent directory /var/run, which holds docker.sock'),
    act('CronJob', 'image-prune', 'mounts the parent directory /run; suspended, but breaks when resumed'),
    brk(
      'ReplicaSet',
      'docker-gc',
      'DOCKER_HOST=unix:///host/var/run/docker.sock in container args, through a /var/run mount',
    ),
    brk('Deployment', 'registry-sync', 'DOCKER_HOST points at docker.sock in its /run mount, in container env'),
    brk('Pod', 'debug-shell', 'an initContainer mounts /var/run/docker.sock'),
    brk(
      'Pod',
      'payments-api',
      'an ephemeral container mounts the node /var/run and sets DOCKER_HOST to its docker.sock',
    ),
    brk('Pod', 'node-agent-ci-worker-1', 'static (mirror) pod mounting /var/run/docker.sock', 'kube-system'),
    {
      ...key('CronJob', 'image-prune', NS),
      changeId: 'cronjob-timezone-beta',
      severity: 'info',
      why: 'CronJob without spec.timeZone runs in the controller-manager time zone',
    },
  ],
  clean: [
    key('Node', 'ci-worker-1'),
    key('Pod', 'socket-proxy', NS),
    key('DaemonSet', 'fluent-bit', NS),
    key('Deployment', 'ci-dind', NS),
    key('Deployment', 'web', NS),
    key('Deployment', 'docker-cli-nomount', NS),
    key('Namespace', NS),
  ],
};
