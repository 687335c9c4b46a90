import { describe, expect, it } from 'vitest';
import { pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './in-tree-volumes';
import { plainRule } from './testing/plain';
import { ctx, persistentVolume, storageClass } from './testing/objects';

const rule = plainRule(check);

const inTree = (plugin: string) => ({ type: 'inTree' as const, plugin });

describe('in-tree-volumes', () => {
  const db = workload('StatefulSet', 'db', 'shop', {
    volumes: [{ name: 'data', source: { type: 'persistentVolumeClaim', claimName: 'data-db-0' } }],
  });
  const s = snapshot({
    persistentVolumes: [
      persistentVolume('pv-bound', inTree('storageos'), {
        claimRef: { namespace: 'shop', name: 'data-db-0' },
        storageClassName: 'fast',
      }),
      persistentVolume('pv-released', inTree('quobyte'), { phase: 'Released' }),
      persistentVolume('pv-gluster', inTree('glusterfs'), { claimRef: { namespace: 'shop', name: 'x' } }),
      persistentVolume('pv-csi', { type: 'csi', driver: 'csi.storageos.com' }),
      persistentVolume('pv-nfs', { type: 'other', field: 'nfs' }),
    ],
    storageClasses: [
      storageClass('fast', 'kubernetes.io/storageos', true),
      storageClass('gluster', 'kubernetes.io/glusterfs'),
      storageClass('csi', 'csi.storageos.com'),
    ],
    workloads: [db, workload('Deployment', 'legacy', 'shop', { volumes: [{ name: 'f', source: inTree('flocker') }] })],
  });

  it('grades each use by plugin and by whether data is in use', () => {
    const got = rule.run(s, ctx('1.25')).map((f) => [f.object.kind, f.object.name, f.changeId, f.severity]);
    expect(got).toEqual([
      ['PersistentVolume', 'pv-bound', 'storageos-removal', 'breaking'],
      ['PersistentVolume', 'pv-gluster', 'glusterfs-deprecation', 'action'],
      ['PersistentVolume', 'pv-released', 'quobyte-removal', 'action'],
      ['StorageClass', 'fast', 'storageos-removal', 'breaking'],
      ['StorageClass', 'gluster', 'glusterfs-deprecation', 'action'],
      ['Deployment', 'legacy', 'flocker-removal', 'breaking'],
    ]);
  });

  it('says who uses a bound volume and that an unbound one is cleanup', () => {
    const findings = rule.run(s, ctx('1.25'));
    const bound = findings.find((f) => f.object.name === 'pv-bound');
    expect(bound?.message).toContain('Bound to claim shop/data-db-0, used by StatefulSet shop/db');
    expect(bound?.evidence).toContainEqual(
      expect.objectContaining({
        path: 'spec.claimRef',
        value: 'shop/data-db-0',
        detail: 'mounted by StatefulSet shop/db',
      }),
    );
    const released = findings.find((f) => f.object.name === 'pv-released');
    expect(released?.message).toContain('cleanup rather than an outage');
    const inline = findings.find((f) => f.object.name === 'legacy');
    expect(inline?.evidence[0]?.path).toBe('spec.template.spec.volumes[f].flocker');
  });

  it('is info only when the target is 1.24', () => {
    expect(new Set(rule.run(s, ctx('1.24')).map((f) => f.severity))).toEqual(new Set(['info']));
  });

  it('ignores CSI volumes, other plugins and pods covered by their controller', () => {
    const covered = pod('legacy-1', 'shop', { volumes: [{ name: 'f', source: inTree('flocker') }] });
    const owner = workload('ReplicaSet', 'rs', 'shop', { volumes: [{ name: 'f', source: inTree('flocker') }] });
    covered.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner.metadata.uid, controller: true },
    ];
    const only = rule.run(snapshot({ workloads: [owner], pods: [covered] }), ctx('1.25'));
    expect(only.map((f) => f.object.name)).toEqual(['rs']);
    const clean = snapshot({
      persistentVolumes: [persistentVolume('a', { type: 'csi', driver: 'x' }), persistentVolume('b', inTree('cinder'))],
      storageClasses: [storageClass('c', 'kubernetes.io/aws-ebs')],
    });
    expect(rule.run(clean, ctx('1.25'))).toEqual([]);
  });
});
