import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './csi-migration';
import { plainRule } from './testing/plain';
import { ctx, persistentVolume, storageClass } from './testing/objects';

const rule = plainRule(check);

const inTree = (plugin: string) => ({ type: 'inTree' as const, plugin });
const bound = { claimRef: { namespace: 'shop', name: 'data' } };

describe('csi-migration', () => {
  it('is breaking and certain for a bound EBS volume without the driver when migration is locked (1.25)', () => {
    const s = snapshot({ persistentVolumes: [persistentVolume('pv-ebs', inTree('awsElasticBlockStore'), bound)] });
    const [f] = rule.run(s, ctx('1.25'));
    expect(f).toMatchObject({ changeId: 'csi-migration-aws-ebs-ga', severity: 'breaking', confidence: 'certain' });
    expect(f?.message).toContain('always on (locked)');
    expect(f?.remediation).toContain('kubernetes-sigs/aws-ebs-csi-driver');
    expect(f?.remediation).not.toContain('CSIMigrationAWS=false');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ path: 'CSIDriver ebs.csi.aws.com', value: 'absent' }));
  });

  it('is likely for default-on migration, with the gate as a stop-gap', () => {
    const s = snapshot({ persistentVolumes: [persistentVolume('pv-ebs', inTree('awsElasticBlockStore'), bound)] });
    const [f] = rule.run(s, ctx('1.24'));
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'likely' });
    expect(f?.remediation).toContain('CSIMigrationAWS=false');
  });

  it('tailors the install advice to managed providers', () => {
    const s = snapshot({
      persistentVolumes: [persistentVolume('pv-ebs', inTree('awsElasticBlockStore'), bound)],
      storageClasses: [storageClass('managed', 'kubernetes.io/azure-disk', true)],
      workloads: [
        workload('Deployment', 'app', 'shop', { volumes: [{ name: 'pd', source: inTree('gcePersistentDisk') }] }),
      ],
    });
    const eks = rule.run(s, ctx('1.25', { provider: 'eks' })).find((f) => f.object.name === 'pv-ebs');
    expect(eks?.remediation).toContain('aws-ebs-csi-driver');
    expect(eks?.remediation).toContain('aws eks create-addon');
    const aks = rule.run(s, ctx('1.25', { provider: 'aks' })).find((f) => f.object.name === 'managed');
    expect(aks).toMatchObject({ severity: 'breaking', changeId: 'csi-migration-azuredisk-ga' });
    expect(aks?.remediation).toContain('--enable-disk-driver');
    const gke = rule.run(s, ctx('1.25', { provider: 'gke' })).find((f) => f.object.name === 'app');
    expect(gke?.remediation).toContain('GcePersistentDiskCsiDriver=ENABLED');
  });

  it('is info when the driver is installed, and shows the migrated-to annotation', () => {
    const s = snapshot({
      csiDrivers: ['disk.csi.azure.com'],
      persistentVolumes: [
        persistentVolume('pv-disk', inTree('azureDisk'), bound, {
          'pv.kubernetes.io/migrated-to': 'disk.csi.azure.com',
        }),
      ],
    });
    const [f] = rule.run(s, ctx('1.24'));
    expect(f).toMatchObject({ severity: 'info', confidence: 'certain' });
    expect(f?.evidence.map((e) => e.path)).toContain('metadata.annotations[pv.kubernetes.io/migrated-to]');
  });

  it('grades unbound volumes and non-default classes as action', () => {
    const s = snapshot({
      persistentVolumes: [persistentVolume('pv-free', inTree('cinder'), { phase: 'Available' })],
      storageClasses: [storageClass('cinder', 'kubernetes.io/cinder')],
    });
    expect(rule.run(s, ctx('1.24')).map((f) => f.severity)).toEqual(['action', 'action']);
  });

  it('follows the per-release defaults of vSphere and Portworx', () => {
    const s = snapshot({
      persistentVolumes: [
        persistentVolume('pv-vs', inTree('vsphereVolume'), bound),
        persistentVolume('pv-px', inTree('portworxVolume'), bound),
      ],
    });
    expect(rule.run(s, ctx('1.24')).map((f) => [f.object.name, f.severity])).toEqual([
      ['pv-px', 'info'],
      ['pv-vs', 'info'],
    ]);
    const at125 = rule.run(s, ctx('1.25'));
    expect(at125.map((f) => [f.object.name, f.changeId, f.severity])).toEqual([
      ['pv-px', 'csi-migration-portworx-beta', 'info'],
      ['pv-vs', 'csi-migration-vsphere-beta', 'breaking'],
    ]);
    expect(rule.run(s, ctx('1.24')).find((f) => f.object.name === 'pv-vs')?.message).toContain(
      'turns on by default in 1.25',
    );
  });

  it('ignores CSI volumes and removed plugins', () => {
    const s = snapshot({
      persistentVolumes: [
        persistentVolume('a', { type: 'csi', driver: 'ebs.csi.aws.com' }),
        persistentVolume('b', inTree('glusterfs')),
      ],
      storageClasses: [storageClass('gp3', 'ebs.csi.aws.com')],
    });
    expect(rule.run(s, ctx('1.25'))).toEqual([]);
  });
});
