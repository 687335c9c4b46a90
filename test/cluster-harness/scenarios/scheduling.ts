import { container, daemonSet, deployment, key, privilegedNamespace } from './builders';
import type { Manifest, Scenario } from './types';

const NS = 'rl-sched';
const MASTER = 'node-role.kubernetes.io/master';
const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';
const img = (n: string) => [container(n, `ghcr.io/acme/${n}:1.0.0`)];
const zoneSpread = (app: string) => [
  {
    maxSkew: 1,
    topologyKey: 'topology.kubernetes.io/zone',
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { app } },
  },
];
const priorityClass = (name: string, value: number, preemptionPolicy?: string): Manifest => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  globalDefault: false,
  description: `${name} workloads`,
  ...(preemptionPolicy ? { preemptionPolicy } : {}),
});

export const scheduling: Scenario = {
  name: 'scheduling',
  description:
    'Workloads that select or tolerate the old kubeadm master label and taint, topology spread combined with a node selector (whose skew calculation changes in 1.24), and PriorityClasses with and without preemption.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    {
      manifest: deployment(NS, 'cp-monitor', {
        nodeSelector: { [MASTER]: '' },
        tolerations: [{ key: MASTER, operator: 'Exists', effect: 'NoSchedule' }],
        containers: img('cp-monitor'),
      }),
    },
    {
      manifest: deployment(NS, 'etcd-backup', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: MASTER, operator: 'Exists' }] }],
            },
          },
        },
        tolerations: [
          { key: MASTER, operator: 'Exists', effect: 'NoSchedule' },
          { key: CONTROL_PLANE, operator: 'Exists', effect: 'NoSchedule' },
        ],
        containers: img('etcd-backup'),
      }),
    },
    {
      manifest: daemonSet(NS, 'cp-log-shipper', {
        tolerations: [{ key: MASTER, operator: 'Exists', effect: 'NoSchedule' }],
        containers: img('log-shipper'),
      }),
    },
    {
      manifest: daemonSet(NS, 'node-exporter', {
        tolerations: [
          { key: MASTER, operator: 'Exists', effect: 'NoSchedule' },
          { key: CONTROL_PLANE, operator: 'Exists', effect: 'NoSchedule' },
        ],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        containers: img('node-exporter'),
      }),
    },
    {
      manifest: deployment(
        NS,
        'zonal-web',
        {
          nodeSelector: { 'node.kubernetes.io/instance-type': 'm5.xlarge' },
          topologySpreadConstraints: zoneSpread('zonal-web'),
          containers: img('zonal-web'),
        },
        { replicas: 6 },
      ),
    },
    {
      manifest: deployment(
        NS,
        'spread-web',
        { topologySpreadConstraints: zoneSpread('spread-web'), containers: img('spread-web') },
        { replicas: 6 },
      ),
    },
    { manifest: priorityClass('batch-nonpreempting', 1000, 'Never') },
    { manifest: priorityClass('business-critical', 100000) },
  ],
  expect: [
    {
      ...key('Deployment', 'cp-monitor', NS),
      changeId: 'kubeadm-master-label-removal',
      severity: 'breaking',
      why: 'nodeSelector on node-role.kubernetes.io/master: no node matches once kubeadm drops the label',
    },
    {
      ...key('Deployment', 'cp-monitor', NS),
      changeId: 'kubeadm-master-taint-removal',
      // kubeadm-cp-1 (nodes scenario) already has the control-plane taint, so this is broken today, not later.
      severity: 'breaking',
      why: 'tolerates only the master taint, not node-role.kubernetes.io/control-plane, which a control-plane node already carries',
    },
    {
      ...key('Deployment', 'etcd-backup', NS),
      changeId: 'kubeadm-master-label-removal',
      // The snapshot keeps affinity keys, not their operators: In/Exists breaks, NotIn/DoesNotExist and preferred
      // terms change placement only, so the check asks for a look rather than calling it a break.
      severity: 'action',
      confidence: 'possible',
      why: 'required node affinity on node-role.kubernetes.io/master',
    },
    {
      ...key('DaemonSet', 'cp-log-shipper', NS),
      changeId: 'kubeadm-master-taint-removal',
      severity: 'breaking',
      why: 'tolerates only the master taint; control-plane nodes carry node-role.kubernetes.io/control-plane, so they lose their copy of this DaemonSet',
    },
    {
      ...key('Deployment', 'zonal-web', NS),
      changeId: 'topology-spread-skew-change',
      // Pending pods follow only when pods matching the spread selector also run on excluded nodes.
      severity: 'action',
      confidence: 'possible',
      why: 'DoNotSchedule topology spread plus a nodeSelector: 1.24 ignores non-matching nodes when computing skew, which can leave replicas Pending',
    },
    {
      ...key('PriorityClass', 'batch-nonpreempting'),
      changeId: 'non-preempting-priority-ga',
      severity: 'info',
      why: 'preemptionPolicy: Never is GA in 1.24',
    },
  ],
  clean: [
    key('DaemonSet', 'node-exporter', NS),
    key('Deployment', 'spread-web', NS),
    key('PriorityClass', 'business-critical'),
    key('Namespace', NS),
  ],
};
