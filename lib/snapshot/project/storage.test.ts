import { describe, expect, it } from 'vitest';
import { projectCsiDriver, projectPersistentVolume, projectStorageClass } from './storage';

describe('projectPersistentVolume', () => {
  it('maps an in-tree source by its field name', () => {
    const pv = projectPersistentVolume({
      metadata: { name: 'gluster-pv', annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteMany'],
        glusterfs: { endpoints: 'glusterfs-cluster', path: 'vol1' },
        claimRef: { namespace: 'payments', name: 'ledger' },
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'gluster',
        nodeAffinity: { required: {} },
      },
      status: { phase: 'Bound' },
    });
    expect(pv).toMatchObject({
      source: { type: 'inTree', plugin: 'glusterfs' },
      storageClassName: 'gluster',
      claimRef: { namespace: 'payments', name: 'ledger' },
      phase: 'Bound',
    });
    expect(pv?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
  });

  it('maps csi, hostPath, local and a PV without a source', () => {
    const source = (spec: Record<string, unknown>) =>
      projectPersistentVolume({ metadata: { name: 'p' }, spec })?.source;
    expect(source({ csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'v' } })).toEqual({
      type: 'csi',
      driver: 'ebs.csi.aws.com',
    });
    expect(source({ hostPath: { path: '/data' } })).toEqual({ type: 'hostPath', path: '/data' });
    expect(source({ local: { path: '/mnt' }, nodeAffinity: {} })).toEqual({ type: 'other', field: 'local' });
    expect(source({ capacity: {} })).toEqual({ type: 'other', field: '' });
    expect(source({ cinder: { volumeID: 'x' } })).toEqual({ type: 'inTree', plugin: 'cinder' });
  });

  it('skips malformed input', () => {
    expect(projectPersistentVolume({ metadata: { name: 'p' } })).toBeUndefined();
    expect(projectPersistentVolume(null)).toBeUndefined();
  });
});

describe('projectStorageClass', () => {
  it('reads the provisioner and both default-class annotations', () => {
    const sc = (annotations: Record<string, string>) =>
      projectStorageClass({ metadata: { name: 's', annotations }, provisioner: 'kubernetes.io/cinder' });
    expect(sc({ 'storageclass.kubernetes.io/is-default-class': 'true' })).toMatchObject({
      provisioner: 'kubernetes.io/cinder',
      isDefault: true,
    });
    expect(sc({ 'storageclass.beta.kubernetes.io/is-default-class': 'true' })?.isDefault).toBe(true);
    expect(sc({ 'storageclass.kubernetes.io/is-default-class': 'false' })?.isDefault).toBe(false);
  });
});

describe('projectCsiDriver', () => {
  it('keeps the name only', () => {
    expect(projectCsiDriver({ metadata: { name: 'cinder.csi.openstack.org' }, spec: { attachRequired: true } })).toBe(
      'cinder.csi.openstack.org',
    );
    expect(projectCsiDriver({ spec: {} })).toBeUndefined();
  });
});
