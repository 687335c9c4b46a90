import { describe, expect, it } from 'vitest';
import { kustomizationRoots, lineOfObject, readKustomization, resolveEntry } from './kustomization';

const k = (dir: string, text: string) => readKustomization({ dir, file: { path: `${dir}/kustomization.yaml`, text } });

describe('kustomizations', () => {
  it('resolves entries against their directory and refuses to leave the repository', () => {
    expect(resolveEntry('overlays/prod', '../../base')).toBe('base');
    expect(resolveEntry('overlays/prod', './patch.yaml')).toBe('overlays/prod/patch.yaml');
    expect(resolveEntry('', '../../etc/passwd')).toBeUndefined();
  });

  it('lists local files and directories, and remote bases apart, never to be fetched', () => {
    const refs = k(
      'overlays/prod',
      [
        'resources:',
        '  - ../../base',
        '  - https://github.com/example/app//deploy?ref=v1.2.0',
        '  - github.com/example/other/deploy',
        'patches:',
        '  - path: replicas.yaml',
        '  - patch: |-',
        '      - op: replace',
        '        path: /spec/replicas',
        '        value: 3',
        'patchesStrategicMerge: [memory.yaml]',
      ].join('\n'),
    );
    expect(refs?.local).toEqual(['base', 'overlays/prod/replicas.yaml', 'overlays/prod/memory.yaml']);
    expect(refs?.remote).toEqual([
      'https://github.com/example/app//deploy?ref=v1.2.0',
      'github.com/example/other/deploy',
    ]);
  });

  it('renders the overlays, not the bases they share, and knows every file each tree uses', () => {
    const base = k('base', 'resources: [deployment.yaml, pdb.yaml]');
    const prod = k('overlays/prod', 'resources: [../../base]\npatches: [{ path: replicas.yaml }]');
    const staging = k('overlays/staging', 'resources: [../../base]');
    const roots = kustomizationRoots([base, prod, staging].flatMap((r) => (r ? [r] : [])));
    expect(roots.map((r) => r.root.dir)).toEqual(['overlays/prod', 'overlays/staging']);
    expect([...(roots[0]?.files ?? [])].sort()).toEqual([
      'base/deployment.yaml',
      'base/pdb.yaml',
      'overlays/prod/replicas.yaml',
    ]);
  });

  it('does not read what is not a kustomization', () => {
    expect(k('x', '- just\n- a list')).toBeUndefined();
    expect(k('x', ': : :')).toBeUndefined();
  });
});

describe('lineOfObject', () => {
  const text = [
    '# two budgets',
    'apiVersion: policy/v1beta1',
    'kind: PodDisruptionBudget',
    'metadata:',
    '  name: api',
    '---',
    '',
    'apiVersion: policy/v1beta1',
    'kind: PodDisruptionBudget',
    'metadata:',
    '  name: worker',
    '',
  ].join('\n');

  it('finds the document of the object kustomize renamed, by kind and the name inside the new one', () => {
    expect(lineOfObject(text, 'PodDisruptionBudget', 'prod-worker-v2')).toBe(8);
    expect(lineOfObject(text, 'PodDisruptionBudget', 'prod-api')).toBe(2);
    expect(lineOfObject(text, 'PodDisruptionBudget', 'other')).toBe(2);
    expect(lineOfObject(text, 'Deployment', 'api')).toBe(1);
    expect(lineOfObject(text, '(a+)+$', 'api')).toBe(1);
  });
});
