import { container, deployment, key, mount, pod, privilegedNamespace, statefulSet } from './builders';
import type { ChangeId, ExpectedFinding, Manifest, Scenario, Severity } from './types';

const NS = 'rl-volumes';

const storageClass = (name: string, provisioner: string, parameters: Record<string, string>): Manifest => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name },
  provisioner,
  parameters,
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
});
const pv = (name: string, source: Record<string, unknown>, storageClassName: string): Manifest => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, labels: { 'topology.kubernetes.io/zone': 'zone-a' } },
  spec: {
    capacity: { storage: '100Gi' },
    accessModes: ['ReadWriteOnce'],
    persistentVolumeReclaimPolicy: 'Retain',
    storageClassName,
    ...source,
  },
});
const withInline = (name: string, image: string, volume: Record<string, unknown>) => ({
  containers: [container(name, image, { volumeMounts: [mount('data', '/data')] })],
  volumes: [{ name: 'data', ...volume }],
});
const f = (
  kind: string,
  name: string,
  changeId: ChangeId,
  severity: Severity,
  why: string,
  ns?: string,
): ExpectedFinding => ({
  ...key(kind, name, ns),
  changeId,
  severity,
  why,
});

export const inTreeVolumes: Scenario = {
  name: 'in-tree-volumes',
  description:
    'PersistentVolumes, StorageClasses and inline pod volumes of in-tree plugins that 1.24/1.25 deprecate, remove or migrate to CSI. The EBS CSI driver (CSIDriver ebs.csi.aws.com) is installed, so the aws-ebs objects are not flagged; cinder, azure-disk and gce-pd have no CSI driver and are. The 1.24 apiserver still accepts inline flocker, quobyte, storageos and glusterfs volumes.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    {
      manifest: {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'CSIDriver',
        metadata: { name: 'ebs.csi.aws.com' },
        spec: { attachRequired: true, podInfoOnMount: false, volumeLifecycleModes: ['Persistent'] },
      },
    },
    {
      manifest: storageClass('glusterfs-replicated', 'kubernetes.io/glusterfs', {
        resturl: 'http://heketi.storage.svc:8080',
        restuser: 'admin',
        volumetype: 'replicate:3',
      }),
    },
    {
      manifest: pv(
        'pv-gluster-01',
        { glusterfs: { endpoints: 'glusterfs-cluster', path: 'vol01', readOnly: false } },
        'glusterfs-replicated',
      ),
    },
    { manifest: storageClass('cinder-standard', 'kubernetes.io/cinder', { availability: 'nova', type: 'standard' }) },
    {
      manifest: pv(
        'pv-cinder-01',
        { cinder: { volumeID: '5f3a8e2c-7b1d-4c9e-a6f0-2d8b4e1c9a73', fsType: 'ext4' } },
        'cinder-standard',
      ),
    },
    { manifest: storageClass('gp2', 'kubernetes.io/aws-ebs', { type: 'gp2', fsType: 'ext4' }) },
    {
      manifest: pv(
        'pv-ebs-01',
        { awsElasticBlockStore: { volumeID: 'aws://us-east-1a/vol-0a1b2c3d4e5f67890', fsType: 'ext4' } },
        'gp2',
      ),
    },
    {
      manifest: storageClass('managed-premium', 'kubernetes.io/azure-disk', {
        storageaccounttype: 'Premium_LRS',
        kind: 'Managed',
      }),
    },
    {
      manifest: pv(
        'pv-azuredisk-01',
        {
          azureDisk: {
            diskName: 'pvc-disk-01',
            diskURI:
              '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/pvc-disk-01',
            kind: 'Managed',
            cachingMode: 'ReadOnly',
            fsType: 'ext4',
          },
        },
        'managed-premium',
      ),
    },
    { manifest: storageClass('standard', 'kubernetes.io/gce-pd', { type: 'pd-standard', 'replication-type': 'none' }) },
    { manifest: pv('pv-gcepd-01', { gcePersistentDisk: { pdName: 'pd-data-01', fsType: 'ext4' } }, 'standard') },
    {
      manifest: pv(
        'pv-storageos-01',
        { storageos: { volumeName: 'pv-storageos-01', volumeNamespace: 'default', fsType: 'ext4' } },
        '',
      ),
    },
    { manifest: storageClass('ebs-gp3', 'ebs.csi.aws.com', { type: 'gp3', encrypted: 'true' }) },
    {
      manifest: pv(
        'pv-csi-ebs-01',
        { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0f1e2d3c4b5a69788', fsType: 'ext4' } },
        'ebs-gp3',
      ),
    },
    {
      manifest: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'reports-data', namespace: NS },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'ebs-gp3',
          resources: { requests: { storage: '20Gi' } },
        },
      },
    },
    {
      manifest: deployment(
        NS,
        'legacy-files',
        withInline('files', 'ghcr.io/acme/file-server:1.9.0', {
          glusterfs: { endpoints: 'glusterfs-cluster', path: 'shared', readOnly: true },
        }),
      ),
    },
    {
      manifest: statefulSet(
        NS,
        'quobyte-app',
        withInline('app', 'ghcr.io/acme/ingest:0.8.0', {
          quobyte: { registry: 'quobyte-registry.storage:7861', volume: 'ingest', user: 'root', group: 'root' },
        }),
      ),
    },
    {
      manifest: pod(
        NS,
        'flocker-db',
        withInline('db', 'docker.io/library/postgres:14.9', { flocker: { datasetName: 'flocker-db-data' } }),
      ),
    },
    {
      manifest: deployment(
        NS,
        'storageos-app',
        withInline('app', 'ghcr.io/acme/catalog:2.2.0', {
          storageos: { volumeName: 'catalog', volumeNamespace: NS, fsType: 'ext4' },
        }),
      ),
    },
    {
      manifest: deployment(
        NS,
        'reports',
        withInline('reports', 'ghcr.io/acme/reports:1.0.0', { persistentVolumeClaim: { claimName: 'reports-data' } }),
      ),
    },
  ],
  expect: [
    // aws-ebs migration is GA in 1.25 and ebs.csi.aws.com is installed: nothing to do, but the scan says which
    // in-tree objects the driver will serve from now on.
    f(
      'StorageClass',
      'gp2',
      'csi-migration-aws-ebs-ga',
      'info',
      'kubernetes.io/aws-ebs, served by the installed driver',
    ),
    f(
      'PersistentVolume',
      'pv-ebs-01',
      'csi-migration-aws-ebs-ga',
      'info',
      'in-tree EBS PV, served by the installed driver',
    ),
    f(
      'StorageClass',
      'glusterfs-replicated',
      'glusterfs-deprecation',
      'action',
      'kubernetes.io/glusterfs provisioner is deprecated in 1.25 and removed in 1.26',
    ),
    // Unbound (no claim uses it) and the plugin still works in 1.25: worth knowing, nothing to do yet.
    f('PersistentVolume', 'pv-gluster-01', 'glusterfs-deprecation', 'info', 'unbound in-tree glusterfs PV'),
    f(
      'Deployment',
      'legacy-files',
      'glusterfs-deprecation',
      'action',
      'inline glusterfs volume in the pod template',
      NS,
    ),
    f(
      'StorageClass',
      'cinder-standard',
      'csi-migration-cinder-ga',
      'action',
      'kubernetes.io/cinder is served by the CSI driver from 1.24 and no cinder.csi.openstack.org CSIDriver is installed',
    ),
    f(
      'PersistentVolume',
      'pv-cinder-01',
      'csi-migration-cinder-ga',
      'action',
      'in-tree cinder PV without cinder.csi.openstack.org',
    ),
    f(
      'StorageClass',
      'managed-premium',
      'csi-migration-azuredisk-ga',
      'action',
      'kubernetes.io/azure-disk without disk.csi.azure.com',
    ),
    f(
      'PersistentVolume',
      'pv-azuredisk-01',
      'csi-migration-azuredisk-ga',
      'action',
      'in-tree azureDisk PV without disk.csi.azure.com',
    ),
    f(
      'StorageClass',
      'standard',
      'csi-migration-gce-pd-ga',
      // Not the default class and no claim of it is bound: new claims would fail, nothing running does.
      'action',
      'kubernetes.io/gce-pd migration is GA and locked on in 1.25; pd.csi.storage.gke.io is not installed',
    ),
    f(
      'PersistentVolume',
      'pv-gcepd-01',
      'csi-migration-gce-pd-ga',
      'action',
      'unbound in-tree gcePersistentDisk PV without pd.csi.storage.gke.io',
    ),
    f(
      'PersistentVolume',
      'pv-storageos-01',
      'storageos-removal',
      // Unbound: it can never be mounted again, but no workload uses it, so it is cleanup rather than an outage.
      'action',
      'unbound PV of the in-tree storageos plugin, which 1.25 removes',
    ),
    f(
      'StatefulSet',
      'quobyte-app',
      'quobyte-removal',
      'breaking',
      'inline quobyte volume; the plugin is removed in 1.25',
      NS,
    ),
    f('Pod', 'flocker-db', 'flocker-removal', 'breaking', 'inline flocker volume; the plugin is removed in 1.25', NS),
    f(
      'Deployment',
      'storageos-app',
      'storageos-removal',
      'breaking',
      'inline storageos volume; the plugin is removed in 1.25',
      NS,
    ),
  ],
  clean: [
    key('CSIDriver', 'ebs.csi.aws.com'),
    key('StorageClass', 'ebs-gp3'),
    key('PersistentVolume', 'pv-csi-ebs-01'),
    key('PersistentVolumeClaim', 'reports-data', NS),
    key('Deployment', 'reports', NS),
    key('Namespace', NS),
  ],
};
