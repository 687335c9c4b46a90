/** Storage classes, the CSI driver and persistent volumes of the demo. */
import { meta } from './k8s';
import type { Obj } from './k8s';

/** Storage: in-tree Cinder (no Cinder CSI driver installed), GlusterFS, and an NFS CSI driver. */
export function storage(): Obj[] {
  const sc = (name: string, provisioner: string, isDefault = false): Obj => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta(
      name,
      undefined,
      isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {},
    ),
    provisioner,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  const pv = (
    name: string,
    source: Obj,
    claim: [string, string],
    storageClassName: string,
    annotations?: Record<string, string>,
  ): Obj => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta(name, undefined, annotations ? { annotations } : {}),
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '20Gi' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim[1], namespace: claim[0] },
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName,
      ...source,
    },
    status: { phase: 'Bound' },
  });
  return [
    sc('standard', 'kubernetes.io/cinder', true),
    sc('gluster', 'kubernetes.io/glusterfs'),
    sc('nfs-client', 'nfs.csi.k8s.io'),
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIDriver',
      metadata: meta('nfs.csi.k8s.io', undefined),
      spec: { attachRequired: false, podInfoOnMount: false },
    },
    pv(
      'pv-ledger-gluster',
      { glusterfs: { endpoints: 'glusterfs-cluster', path: 'ledger' } },
      ['payments', 'data-ledger-db-0'],
      'gluster',
    ),
    pv(
      'pvc-3f9a1c2e-prometheus',
      { cinder: { fsType: 'ext4', volumeID: '0b7e5c1a-prom' } },
      ['monitoring', 'prometheus-data'],
      'standard',
      {
        'pv.kubernetes.io/provisioned-by': 'kubernetes.io/cinder',
      },
    ),
    pv(
      'pvc-8d2b7e41-grafana',
      { csi: { driver: 'nfs.csi.k8s.io', volumeHandle: 'nfs-server#grafana' } },
      ['monitoring', 'grafana'],
      'nfs-client',
      {
        'pv.kubernetes.io/provisioned-by': 'nfs.csi.k8s.io',
      },
    ),
  ];
}
