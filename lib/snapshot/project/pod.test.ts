import { describe, expect, it } from 'vitest';
import { projectPod } from './pod';

const rawPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'ci-agent-x1',
    namespace: 'ci',
    uid: 'u-1',
    creationTimestamp: '2024-01-01T00:00:00Z',
    labels: { app: 'agent', 'app.kubernetes.io/instance': 'ci', 'pod-template-hash': 'abc' },
    annotations: {
      'kubernetes.io/psp': 'privileged',
      'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
      'container.seccomp.security.alpha.kubernetes.io/agent': 'unconfined',
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}',
      'prometheus.io/scrape': 'true',
    },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ci-agent', uid: 'ds-1', controller: true }],
    managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', fieldsV1: {} }],
  },
  spec: {
    nodeName: 'worker-1',
    nodeSelector: { 'node-role.kubernetes.io/master': '', 'kubernetes.io/os': 'linux' },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists' }] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
        ],
      },
    },
    tolerations: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' }],
    hostNetwork: true,
    serviceAccount: 'agent',
    securityContext: { runAsUser: 0, fsGroup: 1000, sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
    volumes: [
      { name: 'docker', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } },
      { name: 'scratch', emptyDir: {} },
      { name: 'legacy-token', secret: { secretName: 'agent-token-abcde' } },
      { name: 'data', glusterfs: { endpoints: 'gfs', path: 'vol' } },
      { name: 'kube-api-access-x7k2p', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
      { name: 'weird', somethingNew: {} },
    ],
    initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'echo hi'] }],
    containers: [
      {
        name: 'agent',
        image: 'k8s.gcr.io/agent:1.0',
        command: ['/bin/agent'],
        args: ['--docker=unix:///var/run/docker.sock', '--verbose'],
        env: [
          { name: 'DOCKER_HOST', value: 'tcp://localhost:2375' },
          { name: 'PASSWORD', value: 'hunter2' },
          { name: 'SOCK', value: '/run/dockershim.sock' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
        ],
        ports: [{ containerPort: 8080, hostPort: 8080 }, { containerPort: 9090 }],
        volumeMounts: [
          { name: 'docker', mountPath: '/var/run/docker.sock' },
          { name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
        ],
        livenessProbe: { exec: { command: ['/bin/grpc_health_probe', '-addr=:9090'] } },
        readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
        startupProbe: { grpc: { port: 9090 } },
        securityContext: {
          privileged: true,
          capabilities: { add: ['NET_ADMIN'] },
          seccompProfile: { type: 'Unconfined' },
        },
      },
    ],
    ephemeralContainers: [{ name: 'debug', image: 'busybox' }],
  },
  status: { phase: 'Running' },
};

describe('projectPod', () => {
  const pod = projectPod(rawPod);

  it('keeps allow-listed metadata only', () => {
    expect(pod?.metadata).toEqual({
      namespace: 'ci',
      name: 'ci-agent-x1',
      uid: 'u-1',
      creationTimestamp: '2024-01-01T00:00:00Z',
      labels: { 'app.kubernetes.io/instance': 'ci' },
      annotations: {
        'container.seccomp.security.alpha.kubernetes.io/agent': 'unconfined',
        'kubernetes.io/psp': 'privileged',
        'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ci-agent', uid: 'ds-1', controller: true }],
    });
    expect(pod?.phase).toBe('Running');
    expect(pod?.mirror).toBe(false);
  });

  it('projects the pod spec', () => {
    const spec = pod?.spec;
    expect(spec?.nodeName).toBe('worker-1');
    expect(spec?.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/master': '' });
    expect(spec?.nodeAffinityKeys).toEqual(['node-role.kubernetes.io/master', 'zone']);
    expect(spec?.tolerations).toEqual([
      { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(spec?.hostNetwork).toBe(true);
    expect(spec?.hostPID).toBe(false);
    expect(spec?.serviceAccountName).toBe('agent');
    expect(spec?.securityContext).toEqual({ runAsUser: 0, sysctls: ['net.core.somaxconn'], fsGroup: 1000 });
  });

  it('maps every volume source', () => {
    expect(pod?.spec.volumes.map((v) => v.source)).toEqual([
      { type: 'hostPath', path: '/var/run/docker.sock', hostPathType: 'Socket' },
      { type: 'emptyDir' },
      { type: 'secret', secretName: 'agent-token-abcde' },
      { type: 'inTree', plugin: 'glusterfs' },
      { type: 'projected', secretNames: [], serviceAccountToken: true },
      { type: 'other', field: 'somethingNew' },
    ]);
  });

  it('drops the random suffix of the injected token volume in the volume and its mounts', () => {
    expect(pod?.spec.volumes[4]?.name).toBe('kube-api-access');
    expect(pod?.spec.containers[1]?.volumeMounts[1]?.name).toBe('kube-api-access');
  });

  it('projects containers of every role with Docker hints only', () => {
    const [init, agent, debug] = pod?.spec.containers ?? [];
    expect(init).toMatchObject({ name: 'init', role: 'init', dockerArgs: [], env: [] });
    expect(debug).toMatchObject({ name: 'debug', role: 'ephemeral' });
    expect(agent?.role).toBe('container');
    expect(agent?.image).toBe('k8s.gcr.io/agent:1.0');
    expect(agent?.env).toEqual([
      { name: 'DOCKER_HOST', value: 'tcp://localhost:2375' },
      { name: 'SOCK', value: '/run/dockershim.sock' },
    ]);
    expect(agent?.dockerArgs).toEqual(['--docker=unix:///var/run/docker.sock']);
    expect(agent?.hostPorts).toEqual([8080]);
    expect(agent?.probes).toEqual([
      { kind: 'liveness', handler: 'exec', command: ['/bin/grpc_health_probe', '-addr=:9090'] },
      { kind: 'readiness', handler: 'httpGet' },
      { kind: 'startup', handler: 'grpc' },
    ]);
    expect(agent?.securityContext).toEqual({
      privileged: true,
      capabilitiesAdd: ['NET_ADMIN'],
      seccompProfileType: 'Unconfined',
    });
  });

  it('marks mirror pods of static pods', () => {
    const mirror = projectPod({
      metadata: { name: 'kube-apiserver-cp', uid: 'm', annotations: { 'kubernetes.io/config.mirror': 'abc' } },
      spec: { containers: [] },
    });
    expect(mirror?.mirror).toBe(true);
  });

  it('skips malformed input instead of throwing', () => {
    for (const bad of [
      null,
      42,
      'pod',
      [],
      {},
      { metadata: {} },
      { metadata: { name: 'x' } },
      { metadata: { name: 'x' }, spec: [] },
    ]) {
      expect(projectPod(bad)).toBeUndefined();
    }
    const odd = projectPod({
      metadata: { name: 'x', labels: 'nope' },
      spec: { containers: [{ image: 'no-name' }, 7, { name: 'ok', env: 'x' }] },
    });
    expect(odd?.metadata.labels).toEqual({});
    expect(odd?.spec.containers.map((c) => c.name)).toEqual(['ok']);
  });

  it('passes the spec through the interner', () => {
    const seen: unknown[] = [];
    const again = projectPod(rawPod, (s) => {
      seen.push(s);
      return s;
    });
    expect(seen).toEqual([again?.spec]);
  });
});
