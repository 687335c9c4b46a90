import { renderText } from '../../../model/text';
import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../../model/snapshot';
import { container } from '../../../snapshot/test-fixtures';
import { evaluatePodSecurity } from './evaluate';
import { restrictedSpec, tight } from '../../testing/pod-specs';

describe('evaluatePodSecurity: restricted controls', () => {
  // Each restricted control, starting from a restricted spec: the result drops to baseline.
  const restrictedCases: [string, PodSpec, Record<string, string>, string][] = [
    [
      'nfs volume',
      restrictedSpec({ volumes: [{ name: 'n', source: { type: 'other', field: 'nfs' } }] }),
      {},
      'spec.volumes[n].nfs',
    ],
    [
      'in-tree cinder volume',
      restrictedSpec({ volumes: [{ name: 'c', source: { type: 'inTree', plugin: 'cinder' } }] }),
      {},
      'spec.volumes[c].cinder',
    ],
    [
      'allowPrivilegeEscalation unset',
      restrictedSpec({ containers: [container('app', { securityContext: { capabilitiesDrop: ['ALL'] } })] }),
      {},
      'spec.containers[app].securityContext.allowPrivilegeEscalation',
    ],
    [
      'allowPrivilegeEscalation true on init',
      restrictedSpec({ containers: [tight(), tight('init', { allowPrivilegeEscalation: true }, { role: 'init' })] }),
      {},
      'spec.initContainers[init].securityContext.allowPrivilegeEscalation',
    ],
    [
      'runAsNonRoot false on container overrides pod',
      restrictedSpec({ containers: [tight('app', { runAsNonRoot: false })] }),
      {},
      'spec.containers[app].securityContext.runAsNonRoot',
    ],
    [
      'runAsNonRoot false on pod',
      restrictedSpec({
        securityContext: { runAsNonRoot: false, seccompProfileType: 'RuntimeDefault' },
        containers: [tight('app', { runAsNonRoot: true })],
      }),
      {},
      'spec.securityContext.runAsNonRoot',
    ],
    [
      'runAsUser 0 on pod',
      restrictedSpec({ securityContext: { runAsNonRoot: true, runAsUser: 0, seccompProfileType: 'RuntimeDefault' } }),
      {},
      'spec.securityContext.runAsUser',
    ],
    [
      'runAsUser 0 on container',
      restrictedSpec({ containers: [tight('app', { runAsUser: 0 })] }),
      {},
      'spec.containers[app].securityContext.runAsUser',
    ],
    [
      'seccomp missing on one container',
      restrictedSpec({
        securityContext: { runAsNonRoot: true },
        containers: [tight('a', { seccompProfileType: 'RuntimeDefault' }), tight('b')],
      }),
      {},
      'spec.containers[b].securityContext.seccompProfile.type',
    ],
    [
      'capabilities not dropping ALL',
      restrictedSpec({
        containers: [
          container('app', { securityContext: { allowPrivilegeEscalation: false, capabilitiesDrop: ['NET_RAW'] } }),
        ],
      }),
      {},
      'spec.containers[app].securityContext.capabilities.drop',
    ],
    [
      'capabilities adding CHOWN',
      restrictedSpec({ containers: [tight('app', { capabilitiesAdd: ['CHOWN'] })] }),
      {},
      'spec.containers[app].securityContext.capabilities.add',
    ],
  ];

  it.each(restrictedCases)('restricted control: %s', (_name, spec, annotations, path) => {
    const r = evaluatePodSecurity(spec, annotations);
    expect(r.level).toBe('baseline');
    expect(r.violations.map((v) => renderText(v.path))).toEqual([path]);
  });

  const restrictedAllowed: [string, PodSpec, Record<string, string>][] = [
    [
      'runAsNonRoot on every container instead of the pod',
      restrictedSpec({
        securityContext: { seccompProfileType: 'RuntimeDefault' },
        containers: [tight('a', { runAsNonRoot: true }), tight('b', { runAsNonRoot: true })],
      }),
      {},
    ],
    [
      'seccomp on every container instead of the pod',
      restrictedSpec({
        securityContext: { runAsNonRoot: true },
        containers: [
          tight('a', { seccompProfileType: 'RuntimeDefault' }),
          tight('b', { seccompProfileType: 'Localhost' }),
        ],
      }),
      {},
    ],
    [
      'seccomp from the alpha pod annotation',
      restrictedSpec({ securityContext: { runAsNonRoot: true } }),
      { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' },
    ],
    [
      'seccomp from a container annotation',
      restrictedSpec({ securityContext: { runAsNonRoot: true } }),
      { 'container.seccomp.security.alpha.kubernetes.io/app': 'localhost/p.json' },
    ],
    [
      'add NET_BIND_SERVICE',
      restrictedSpec({ containers: [tight('app', { capabilitiesAdd: ['NET_BIND_SERVICE'] })] }),
      {},
    ],
    ['runAsUser non-zero', restrictedSpec({ containers: [tight('app', { runAsUser: 1000 })] }), {}],
    [
      'allowed volume types',
      restrictedSpec({
        volumes: [
          { name: 'a', source: { type: 'configMap' } },
          { name: 'b', source: { type: 'projected', secretNames: [], serviceAccountToken: true } },
          { name: 'c', source: { type: 'persistentVolumeClaim', claimName: 'x' } },
          { name: 'd', source: { type: 'csi', driver: 'x' } },
          { name: 'e', source: { type: 'ephemeral' } },
          { name: 'f', source: { type: 'emptyDir' } },
          { name: 'g', source: { type: 'secret', secretName: 's' } },
          { name: 'h', source: { type: 'downwardAPI' } },
        ],
      }),
      {},
    ],
  ];

  it.each(restrictedAllowed)('restricted allows: %s', (_name, spec, annotations) => {
    expect(evaluatePodSecurity(spec, annotations)).toEqual({ level: 'restricted', violations: [] });
  });
});
