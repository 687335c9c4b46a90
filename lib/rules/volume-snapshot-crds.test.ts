import { describe, expect, it } from 'vitest';
import { snapshot } from '../snapshot/test-fixtures';
import type { CustomResourceDefinition } from '../model/snapshot';
import { ruleContext } from './testing/context';
import { rule as check } from './volume-snapshot-crds';
import { plainRule } from './testing/plain';

const rule = plainRule(check);

type V = CustomResourceDefinition['versions'][number];
const v = (name: string, served: boolean, storage: boolean): V => ({ name, served, storage });
const crd = (
  resource: string,
  versions: V[],
  storedVersions: string[],
  group = 'snapshot.storage.k8s.io',
): CustomResourceDefinition => ({
  name: `${resource}.${group}`,
  group,
  kind: 'VolumeSnapshot',
  versions,
  storedVersions,
});
const run = (crds: CustomResourceDefinition[]) =>
  rule.run(snapshot({ customResourceDefinitions: crds }), ruleContext());

describe('volume-snapshot-crds', () => {
  it('flags CRDs without v1 as breaking', () => {
    const [f] = run([crd('volumesnapshots', [v('v1beta1', true, true)], ['v1beta1'])]);
    expect(f).toMatchObject({
      changeId: 'volume-snapshot-v1beta1-removal',
      severity: 'breaking',
      confidence: 'certain',
    });
    expect(f?.object).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'volumesnapshots.snapshot.storage.k8s.io',
    });
    expect(f?.message).toContain('no v1 version');
    expect(f?.evidence[0]?.value).toBe('v1beta1(served=true,storage=true)');
  });

  it('flags CRDs that still serve v1beta1 as action, with the external-snapshotter v6 path', () => {
    const [f] = run([
      crd('volumesnapshotclasses', [v('v1', true, true), v('v1beta1', true, false)], ['v1beta1', 'v1']),
    ]);
    expect(f?.severity).toBe('action');
    expect(f?.remediation).toContain('external-snapshotter v6');
    expect(f?.remediation).toContain('storedVersions');
  });

  it('flags storedVersions that still list v1beta1 after serving stopped', () => {
    const [f] = run([
      crd('volumesnapshotcontents', [v('v1', true, true), v('v1beta1', false, false)], ['v1beta1', 'v1']),
    ]);
    expect(f?.severity).toBe('action');
    expect(f?.message).toContain('status.storedVersions still lists it');
  });

  it('does not flag migrated CRDs or other groups', () => {
    expect(
      run([
        crd('volumesnapshots', [v('v1', true, true), v('v1beta1', false, false)], ['v1']),
        crd('volumesnapshots', [v('v1', true, true)], ['v1']),
        crd('widgets', [v('v1beta1', true, true)], ['v1beta1'], 'example.com'),
      ]),
    ).toEqual([]);
  });
});
