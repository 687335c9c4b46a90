import { describe, expect, it } from 'vitest';
import type { Workload } from '../../model/snapshot';
import { container, pod, podSpec, snapshot, workload } from '../../snapshot/test-fixtures';
import { podSubjects } from './subjects';

const ownedBy = (owner: Workload) => ({
  ownerReferences: [
    {
      apiVersion: 'apps/v1',
      kind: owner.kind,
      name: owner.metadata.name,
      uid: owner.metadata.uid,
      controller: true,
    },
  ],
});

describe('podSubjects: the containers each subject is checked for', () => {
  const spec = podSpec({ containers: [container('app'), container('setup', { role: 'init' })] });
  const deployment = workload('Deployment', 'web', 'shop', spec);
  const replicaSet = workload('ReplicaSet', 'web-abc', 'shop', spec);
  replicaSet.metadata.ownerReferences = ownedBy(deployment).ownerReferences;
  const debugContainer = container('debugger', { role: 'ephemeral' });
  const plain = pod('web-abc-1', 'shop', spec, ownedBy(replicaSet));
  const debugged = pod(
    'web-abc-2',
    'shop',
    { ...spec, containers: [...spec.containers, debugContainer] },
    ownedBy(replicaSet),
  );
  const orphan = pod('orphan', 'shop', spec);
  const subjects = podSubjects(snapshot({ workloads: [deployment, replicaSet], pods: [plain, debugged, orphan] }));
  const names = (name: string) => subjects.find((s) => s.ref.name === name)?.containers.map((c) => c.name);

  it('checks every container of a top-level template and of a pod without an owner', () => {
    expect(names('web')).toEqual(['app', 'setup']);
    expect(names('orphan')).toEqual(['app', 'setup']);
  });

  it('checks nothing of a nested controller or an owned pod that its owner already covers', () => {
    expect(names('web-abc')).toEqual([]);
    expect(names('web-abc-1')).toEqual([]);
  });

  it('checks the ephemeral containers of an owned pod: a template never has them', () => {
    expect(names('web-abc-2')).toEqual(['debugger']);
  });
});
