import 'server-only';
import { describe, expect, it } from 'vitest';
import { RESOURCE_TABLE, type ResourceSpec } from '../../../model/resources';
import { chooseVersions } from './select-version';

const spec = (key: ResourceSpec['key']): ResourceSpec => {
  const s = RESOURCE_TABLE.find((r) => r.key === key);
  if (!s) throw new Error(key);
  return s;
};
const all = (gvs: Record<string, string[]>) => ({
  served: new Set(Object.keys(gvs)),
  resources: new Map(Object.entries(gvs).map(([gv, r]) => [gv, new Set(r)])),
});
const pick = (key: ResourceSpec['key'], gvs: Record<string, string[]>) => {
  const d = all(gvs);
  return chooseVersions(spec(key), d.served, d.resources).map(
    (c) => `${c.groupVersion}${c.deprecated ? ' (deprecated)' : ''}`,
  );
};

describe('chooseVersions', () => {
  it('prefers the GA version even when older ones are served (1.24)', () => {
    const hpa = {
      'autoscaling/v2': ['horizontalpodautoscalers'],
      'autoscaling/v2beta2': ['horizontalpodautoscalers'],
      'autoscaling/v1': ['horizontalpodautoscalers'],
    };
    expect(pick('horizontalpodautoscalers', hpa)).toEqual(['autoscaling/v2']);
    expect(pick('cronjobs', { 'batch/v1': ['jobs', 'cronjobs'], 'batch/v1beta1': ['cronjobs'] })).toEqual(['batch/v1']);
    expect(
      pick('poddisruptionbudgets', {
        'policy/v1': ['poddisruptionbudgets'],
        'policy/v1beta1': ['poddisruptionbudgets', 'podsecuritypolicies'],
      }),
    ).toEqual(['policy/v1']);
    const fc = {
      'flowcontrol.apiserver.k8s.io/v1beta2': ['flowschemas'],
      'flowcontrol.apiserver.k8s.io/v1beta1': ['flowschemas'],
    };
    expect(pick('flowschemas', fc)).toEqual(['flowcontrol.apiserver.k8s.io/v1beta2']);
  });

  it('falls back to HPA v1 (not deprecated) before anything else', () => {
    expect(
      pick('horizontalpodautoscalers', {
        'autoscaling/v1': ['horizontalpodautoscalers'],
        'autoscaling/v2beta2': ['horizontalpodautoscalers'],
      }),
    ).toEqual(['autoscaling/v1']);
  });

  it('reads CSIStorageCapacity v1beta1 on 1.23 and says so, v1 on 1.24', () => {
    expect(
      pick('csistoragecapacities', {
        'storage.k8s.io/v1': ['storageclasses'],
        'storage.k8s.io/v1beta1': ['csistoragecapacities'],
      }),
    ).toEqual(['storage.k8s.io/v1beta1 (deprecated)']);
    expect(
      pick('csistoragecapacities', {
        'storage.k8s.io/v1': ['csistoragecapacities'],
        'storage.k8s.io/v1beta1': ['csistoragecapacities'],
      }),
    ).toEqual(['storage.k8s.io/v1']);
  });

  it('reads PodSecurityPolicy only through policy/v1beta1, and nothing when it is gone (1.25)', () => {
    expect(
      pick('podsecuritypolicies', { 'policy/v1beta1': ['podsecuritypolicies'], 'policy/v1': ['poddisruptionbudgets'] }),
    ).toEqual(['policy/v1beta1 (deprecated)']);
    expect(pick('podsecuritypolicies', { 'policy/v1': ['poddisruptionbudgets'] })).toEqual([]);
  });

  it('tries every version in order when discovery failed', () => {
    expect(chooseVersions(spec('cronjobs'), undefined, new Map()).map((c) => c.groupVersion)).toEqual([
      'batch/v1',
      'batch/v1beta1',
    ]);
  });

  it('assumes a served group/version has the resource when its list could not be read', () => {
    const served = new Set(['events.k8s.io/v1', 'events.k8s.io/v1beta1']);
    expect(
      chooseVersions(spec('events'), served, new Map([['events.k8s.io/v1', undefined]])).map((c) => c.groupVersion),
    ).toEqual(['events.k8s.io/v1']);
  });
});

describe('resource table', () => {
  it('lists a non-deprecated version first for everything but PodSecurityPolicy', () => {
    for (const s of RESOURCE_TABLE) {
      if (s.key === 'podsecuritypolicies') expect(s.versions).toEqual([{ version: 'v1beta1', deprecated: true }]);
      else expect(s.versions[0]?.deprecated, s.key).toBeUndefined();
    }
  });
});
