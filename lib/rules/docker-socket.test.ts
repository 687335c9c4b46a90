import { describe, expect, it } from 'vitest';
import type { Container, PodSpec, Volume } from '../model/snapshot';
import { container, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './docker-socket';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

const hostPath = (name: string, path: string, hostPathType?: string): Volume => ({
  name,
  source: { type: 'hostPath', path, ...(hostPathType ? { hostPathType } : {}) },
});
const mounting = (name: string, mountPath: string, extra: Partial<Container> = {}): Container =>
  container('agent', { volumeMounts: [{ name, mountPath }], ...extra });
const deploy = (spec: Partial<PodSpec>) => snapshot({ workloads: [workload('Deployment', 'agent', 'ops', spec)] });
const run = (s: ReturnType<typeof snapshot>) => rule.run(s, ruleContext());
const grades = (s: ReturnType<typeof snapshot>) => run(s).map((f) => `${f.severity}/${f.confidence}`);

describe('docker-socket: hostPath volumes', () => {
  it('flags a mounted Docker socket as breaking and certain, with volume, path and mount evidence', () => {
    const [f, ...rest] = run(
      deploy({
        volumes: [hostPath('sock', '/var/run/docker.sock', 'Socket')],
        containers: [mounting('sock', '/var/run/docker.sock')],
      }),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      changeId: 'dockershim-removal',
      severity: 'breaking',
      confidence: 'certain',
      object: { kind: 'Deployment', namespace: 'ops', name: 'agent' },
    });
    expect(f?.message).toContain('fails to start');
    expect(f?.evidence).toEqual([
      expect.objectContaining({
        path: 'spec.template.spec.volumes[sock].hostPath.path',
        value: '/var/run/docker.sock',
      }),
      expect.objectContaining({
        path: 'spec.template.spec.containers[agent].volumeMounts[sock].mountPath',
        value: '/var/run/docker.sock',
        detail: 'Mounted by container "agent".',
      }),
    ]);
  });

  it.each([
    '/run/docker.sock',
    '/var/run//docker.sock',
    '/var/run/./docker.sock/',
    '/var/run/../run/docker.sock',
    '/run/user/1000/docker.sock',
    '/var/run/dockershim.sock',
    '/run/dockershim.sock',
    '\\\\.\\pipe\\docker_engine',
  ])('recognises the socket spelled %s', (path) => {
    expect(grades(deploy({ volumes: [hostPath('s', path)], containers: [mounting('s', '/sock')] }))).toEqual([
      'breaking/certain',
    ]);
  });

  it('tells dockershim socket users to move to the CRI socket', () => {
    const [f] = run(
      deploy({ volumes: [hostPath('s', '/var/run/dockershim.sock')], containers: [mounting('s', '/sock')] }),
    );
    expect(f?.remediation).toContain('unix:///run/containerd/containerd.sock');
  });

  it('grades parent directories: /var/run and /run as action/likely, /var and / as info/possible', () => {
    const g = (path: string) =>
      grades(deploy({ volumes: [hostPath('d', path)], containers: [mounting('d', '/host')] }));
    expect(g('/var/run')).toEqual(['action/likely']);
    expect(g('/run/')).toEqual(['action/likely']);
    expect(g('/var')).toEqual(['info/possible']);
    expect(g('/')).toEqual(['info/possible']);
  });

  it('upgrades a parent directory to breaking/certain when DOCKER_HOST or args reach docker.sock through it', () => {
    const viaEnv = deploy({
      volumes: [hostPath('run', '/var/run')],
      containers: [
        mounting('run', '/host/var/run', { env: [{ name: 'DOCKER_HOST', value: 'unix:///host/var/run/docker.sock' }] }),
      ],
    });
    const [f] = run(viaEnv);
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'certain' });
    expect(f?.evidence[2]).toMatchObject({
      path: 'spec.template.spec.containers[agent].env[DOCKER_HOST]',
      value: 'unix:///host/var/run/docker.sock',
    });
    expect(f?.evidence[2]?.detail).toContain('/var/run/docker.sock on the node');
    const viaArgs = deploy({
      volumes: [hostPath('root', '/')],
      containers: [mounting('root', '/rootfs', { dockerArgs: ['--docker=unix:///rootfs/var/run/docker.sock'] })],
    });
    expect(grades(viaArgs)).toEqual(['breaking/certain']);
  });

  it('flags /var/lib/docker as a log-agent dependency with the /var/log/pods fix', () => {
    const [f] = run(
      deploy({
        volumes: [hostPath('logs', '/var/lib/docker/containers')],
        containers: [mounting('logs', '/var/lib/docker/containers')],
      }),
    );
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'likely' });
    expect(f?.message).toContain('/var/log/pods');
    expect(f?.remediation).toContain('multiline.parser cri');
  });

  it('flags /etc/docker as action/likely with the containerd certs.d path', () => {
    const [f] = run(
      deploy({
        volumes: [hostPath('certs', '/etc/docker/certs.d')],
        containers: [mounting('certs', '/etc/docker/certs.d')],
      }),
    );
    expect(f).toMatchObject({ severity: 'action', confidence: 'likely' });
    expect(f?.remediation).toContain('/etc/containerd/certs.d');
  });

  it('notes a Docker hostPath that no container mounts as info/possible', () => {
    const [f] = run(deploy({ volumes: [hostPath('sock', '/var/run/docker.sock')], containers: [container('app')] }));
    expect(f).toMatchObject({ severity: 'info', confidence: 'possible' });
    expect(f?.message).toContain('no container mounts it');
  });

  it('does not flag emptyDir sockets, /var/log, containerd or cri-dockerd sockets', () => {
    const emptyDir: Volume = { name: 'sock', source: { type: 'emptyDir' } };
    const dind = deploy({
      volumes: [emptyDir],
      containers: [
        mounting('sock', '/var/run/docker.sock', {
          env: [{ name: 'DOCKER_HOST', value: 'unix:///var/run/docker.sock' }],
        }),
      ],
    });
    expect(run(dind)).toEqual([]);
    for (const path of [
      '/var/log',
      '/run/containerd/containerd.sock',
      '/var/run/cri-dockerd.sock',
      '/var/lib/kubelet',
    ]) {
      expect(run(deploy({ volumes: [hostPath('v', path)], containers: [mounting('v', '/x')] }))).toEqual([]);
    }
  });
});

describe('docker-socket: DOCKER_HOST and arguments', () => {
  const env = (value: string | undefined, spec: Partial<PodSpec> = {}) =>
    deploy({
      ...spec,
      containers: [container('ci', { env: [{ name: 'DOCKER_HOST', ...(value === undefined ? {} : { value }) }] })],
    });

  it('ignores daemons inside the pod or behind a Service', () => {
    expect(run(env('tcp://localhost:2375'))).toEqual([]);
    expect(run(env('tcp://dind.ci.svc:2376'))).toEqual([]);
    expect(run(env('unix:///var/run/docker.sock'))).toEqual([]);
  });

  it('flags TCP to the node’s daemon as breaking/likely', () => {
    expect(grades(env('tcp://172.17.0.1:2375'))).toEqual(['breaking/likely']);
    expect(grades(env('tcp://$(NODE_IP):2375'))).toEqual(['breaking/likely']);
    expect(grades(env('tcp://127.0.0.1:2375', { hostNetwork: true }))).toEqual(['breaking/likely']);
  });

  it('merges several references to the node daemon of one container into one finding', () => {
    const s = deploy({
      containers: [
        container('ci', {
          env: [{ name: 'DOCKER_HOST', value: 'tcp://172.17.0.1:2375' }],
          dockerArgs: ['docker -H tcp://172.17.0.1:2375 build .', 'docker -H tcp://172.17.0.1:2375 push x'],
        }),
      ],
    });
    const findings = run(s);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toHaveLength(3);
  });

  it('flags a DOCKER_HOST set from a reference as action/possible', () => {
    const [f] = run(env(undefined));
    expect(f).toMatchObject({ severity: 'action', confidence: 'possible' });
    expect(f?.evidence[0]?.value).toContain('valueFrom');
  });
});

describe('docker-socket: which pod specs are walked', () => {
  const sockSpec = (c: Container = mounting('sock', '/var/run/docker.sock')): Partial<PodSpec> => ({
    volumes: [hostPath('sock', '/var/run/docker.sock')],
    containers: [c],
  });

  it('checks init containers, zero-replica Deployments and suspended CronJobs', () => {
    const init = mounting('sock', '/var/run/docker.sock', { name: 'setup', role: 'init' });
    const s = snapshot({
      workloads: [
        workload('Deployment', 'idle', 'ci', sockSpec(), { replicas: 0 }),
        workload('CronJob', 'builder', 'ci', sockSpec(init), { suspend: true }),
      ],
    });
    const findings = run(s);
    expect(findings.map((f) => `${f.object.kind}/${f.object.name}`)).toEqual(['CronJob/builder', 'Deployment/idle']);
    expect(findings[0]?.evidence[1]?.path).toBe(
      'spec.jobTemplate.spec.template.spec.initContainers[setup].volumeMounts[sock].mountPath',
    );
  });

  it('reports a pod of a checked Deployment only for an ephemeral container', () => {
    const d = workload('Deployment', 'web', 'shop', sockSpec());
    const rs = workload('ReplicaSet', 'web-abc', 'shop', sockSpec());
    rs.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true },
    ];
    const owned = {
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid, controller: true },
      ],
    };
    const plain = pod('web-abc-1', 'shop', sockSpec(), owned);
    const debug = mounting('sock', '/var/run/docker.sock', { name: 'debugger', role: 'ephemeral' });
    const debugged = pod('web-abc-2', 'shop', { ...sockSpec(), containers: [mounting('sock', '/s'), debug] }, owned);
    const findings = run(snapshot({ workloads: [d, rs], pods: [plain, debugged] }));
    expect(findings.map((f) => `${f.object.kind}/${f.object.name}`)).toEqual(['Deployment/web', 'Pod/web-abc-2']);
    expect(findings[1]?.owner).toMatchObject({ kind: 'Deployment', name: 'web' });
    expect(findings[1]?.evidence.map((e) => e.path)).toContain(
      'spec.ephemeralContainers[debugger].volumeMounts[sock].mountPath',
    );
  });

  it('checks orphan pods and static pods, pointing static pods at their manifest', () => {
    const mirror = { ...pod('kube-agent-node1', 'kube-system', { ...sockSpec(), nodeName: 'node1' }), mirror: true };
    const findings = run(snapshot({ pods: [pod('orphan', 'default', sockSpec()), mirror] }));
    expect(findings.map((f) => f.object.name)).toEqual(['orphan', 'kube-agent-node1']);
    expect(findings[1]?.remediation).toContain('/etc/kubernetes/manifests) on node node1');
  });

  it('names the Helm release that owns the workload', () => {
    const w = workload('DaemonSet', 'fluentd', 'logging', sockSpec());
    w.metadata.annotations = { 'meta.helm.sh/release-name': 'fluentd', 'meta.helm.sh/release-namespace': 'logging' };
    const [f] = run(snapshot({ workloads: [w] }));
    expect(f?.helmRelease).toEqual({ name: 'fluentd', namespace: 'logging' });
    expect(f?.remediation).toContain('Helm release logging/fluentd');
  });
});
