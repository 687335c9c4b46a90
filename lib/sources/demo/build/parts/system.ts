/** kube-system and monitoring: control plane, CoreDNS, kube-proxy, kubeadm config, Datadog, Grafana, Prometheus. */
import { container, controller, helmOwned, meta, ownerOf, pod, podOf, replicaSetOf, service, template } from './k8s';
import type { Obj } from './k8s';

const CLUSTER_CONFIGURATION = `apiServer:
  extraArgs:
    authorization-mode: Node,RBAC
apiVersion: kubeadm.k8s.io/v1beta3
clusterName: northwind-prod
controlPlaneEndpoint: k8s.northwind.example:6443
controllerManager: {}
dns: {}
etcd:
  local:
    dataDir: /var/lib/etcd
imageRepository: k8s.gcr.io
kind: ClusterConfiguration
kubernetesVersion: v1.23.17
networking:
  dnsDomain: cluster.local
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
`;

const masterTolerations = [
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master' },
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
];

function kubeSystem(cp1: Obj): Obj[] {
  const apiserver = pod(
    'kube-apiserver-cp-1',
    'kube-system',
    'cp-1',
    {
      containers: [
        container('kube-apiserver', 'k8s.gcr.io/kube-apiserver:v1.23.17', {
          command: [
            'kube-apiserver',
            '--advertise-address=192.168.10.11',
            '--enable-admission-plugins=NodeRestriction,PodSecurityPolicy',
          ],
          livenessProbe: { httpGet: { host: '192.168.10.11', path: '/livez', port: 6443, scheme: 'HTTPS' } },
          volumeMounts: [{ mountPath: '/etc/kubernetes/pki', name: 'k8s-certs', readOnly: true }],
        }),
      ],
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: [{ hostPath: { path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate' }, name: 'k8s-certs' }],
    },
    {
      annotations: {
        'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '192.168.10.11:6443',
        'kubernetes.io/config.hash': '4b5f1c2d9e8a7b6c',
        'kubernetes.io/config.mirror': '4b5f1c2d9e8a7b6c',
        'kubernetes.io/config.source': 'file',
      },
      labels: { component: 'kube-apiserver', tier: 'control-plane' },
      owner: ownerOf(cp1),
    },
  );
  const coredns = controller(
    'apps/v1',
    'Deployment',
    'coredns',
    'kube-system',
    template(
      { 'k8s-app': 'kube-dns', app: 'coredns' },
      {
        containers: [
          container('coredns', 'k8s.gcr.io/coredns/coredns:v1.8.6', {
            args: ['-conf', '/etc/coredns/Corefile'],
            livenessProbe: { httpGet: { path: '/health', port: 8080 } },
            ports: [{ containerPort: 53, protocol: 'UDP' }],
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { add: ['NET_BIND_SERVICE'], drop: ['all'] },
              readOnlyRootFilesystem: true,
            },
          }),
        ],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        priorityClassName: 'system-cluster-critical',
        serviceAccountName: 'coredns',
        tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, ...masterTolerations],
      },
    ),
    { replicas: 2, labels: { 'k8s-app': 'kube-dns' } },
  );
  const corednsRs = replicaSetOf(coredns, '64897985d');
  const kubeProxy = controller(
    'apps/v1',
    'DaemonSet',
    'kube-proxy',
    'kube-system',
    template(
      { 'k8s-app': 'kube-proxy', app: 'kube-proxy' },
      {
        containers: [
          container('kube-proxy', 'k8s.gcr.io/kube-proxy:v1.23.17', {
            command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf'],
            securityContext: { privileged: true },
            volumeMounts: [{ mountPath: '/lib/modules', name: 'lib-modules', readOnly: true }],
          }),
        ],
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        serviceAccountName: 'kube-proxy',
        tolerations: [{ operator: 'Exists' }],
        volumes: [{ hostPath: { path: '/lib/modules', type: '' }, name: 'lib-modules' }],
      },
    ),
  );
  const configMap = (name: string, data: Record<string, string>): Obj => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(name, 'kube-system'),
    data,
  });
  return [
    apiserver,
    coredns,
    corednsRs,
    podOf(corednsRs, 'coredns-64897985d-7xk2v', 'cp-1', 'privileged', 'p8x2q'),
    kubeProxy,
    configMap('kubeadm-config', { ClusterConfiguration: CLUSTER_CONFIGURATION }),
    configMap('kubelet-config-1.23', {
      kubelet: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n',
    }),
    service(
      'kube-dns',
      'kube-system',
      {
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
        selector: { 'k8s-app': 'kube-dns' },
      },
      { labels: { 'k8s-app': 'kube-dns' } },
    ),
  ];
}

function monitoring(): Obj[] {
  const datadog = controller(
    'apps/v1',
    'DaemonSet',
    'datadog-agent',
    'monitoring',
    template(
      { app: 'datadog-agent' },
      {
        containers: [
          container('agent', 'gcr.io/datadoghq/agent:7.35.0', {
            env: [
              { name: 'DD_API_KEY', valueFrom: { secretKeyRef: { key: 'api-key', name: 'datadog' } } },
              { name: 'DOCKER_HOST', value: 'unix:///host/var/run/docker.sock' },
              { name: 'DD_KUBERNETES_KUBELET_HOST', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
            ],
            volumeMounts: [
              { mountPath: '/host/var/run', name: 'runtime-socket-dir', readOnly: true },
              { mountPath: '/host/proc', name: 'procdir', readOnly: true },
            ],
          }),
        ],
        serviceAccountName: 'datadog-agent',
        volumes: [
          { hostPath: { path: '/var/run' }, name: 'runtime-socket-dir' },
          { hostPath: { path: '/proc' }, name: 'procdir' },
        ],
      },
    ),
  );
  const grafana = controller(
    'apps/v1',
    'Deployment',
    'grafana',
    'monitoring',
    template(
      { app: 'grafana', 'app.kubernetes.io/instance': 'grafana' },
      {
        containers: [
          container('grafana', 'grafana/grafana:8.4.4', {
            readinessProbe: { httpGet: { path: '/api/health', port: 3000 } },
            securityContext: { runAsNonRoot: true, runAsUser: 472 },
            volumeMounts: [{ mountPath: '/var/lib/grafana', name: 'storage' }],
          }),
        ],
        serviceAccountName: 'grafana',
        volumes: [{ name: 'storage', persistentVolumeClaim: { claimName: 'grafana' } }],
      },
    ),
    { replicas: 1, ...helmOwned('grafana', 'monitoring', 'grafana-6.24.1') },
  );
  const grafanaRs = replicaSetOf(grafana, '7c9bd6d4f5');
  const prometheus = controller(
    'apps/v1',
    'StatefulSet',
    'prometheus',
    'monitoring',
    template(
      { app: 'prometheus' },
      {
        containers: [
          container('prometheus', 'quay.io/prometheus/prometheus:v2.34.0', {
            readinessProbe: { httpGet: { path: '/-/ready', port: 9090 } },
            volumeMounts: [{ mountPath: '/prometheus', name: 'data' }],
          }),
        ],
        securityContext: { fsGroup: 2000, runAsNonRoot: true, runAsUser: 1000 },
        serviceAccountName: 'prometheus',
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'prometheus-data' } }],
      },
    ),
    { replicas: 1, extraSpec: { serviceName: 'prometheus' } },
  );
  return [
    datadog,
    podOf(datadog, 'datadog-agent-4hx9t', 'worker-1', 'privileged', 'm2n7c'),
    grafana,
    grafanaRs,
    podOf(grafanaRs, 'grafana-7c9bd6d4f5-q2w8e', 'worker-2', 'restricted', 'r5t6y'),
    prometheus,
    service(
      'grafana',
      'monitoring',
      { clusterIP: '10.101.22.8', ports: [{ port: 80, targetPort: 3000 }], selector: { app: 'grafana' } },
      helmOwned('grafana', 'monitoring', 'grafana-6.24.1'),
    ),
  ];
}

/** kube-system and monitoring objects; `cp1` is the control-plane node that owns the mirror pod. */
export function systemObjects(cp1: Obj): Obj[] {
  return [...kubeSystem(cp1), ...monitoring()];
}
