import { container, daemonSet, deployment, key, pod, privilegedNamespace } from './builders';
import type { Scenario } from './types';

const NS = 'rl-seccomp';
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const containerAnnotation = (c: string) => `container.seccomp.security.alpha.kubernetes.io/${c}`;
const app = (name: string, extra = {}) => ({ containers: [container(name, `ghcr.io/acme/${name}:1.0.0`)], ...extra });

export const seccompAnnotations: Scenario = {
  name: 'seccomp-annotations',
  description:
    'Pod templates that still set seccomp through the alpha annotations, which 1.25 kubelets ignore, next to templates that set spec.securityContext.seccompProfile (alone or matching the annotation). A bare Pod created with only the annotation is not flagged: on 1.24 the apiserver copies the annotation into the seccompProfile field at pod creation, so the stored pod carries both.',
  namespaces: [NS],
  objects: [
    privilegedNamespace(NS),
    {
      manifest: deployment(NS, 'legacy-seccomp', app('checkout'), {
        podMeta: { annotations: { [POD_ANNOTATION]: 'runtime/default' } },
      }),
    },
    {
      manifest: daemonSet(
        NS,
        'audit-agent',
        { containers: [container('agent', 'ghcr.io/acme/audit-agent:2.0.0')] },
        { podMeta: { annotations: { [containerAnnotation('agent')]: 'localhost/profiles/audit-agent.json' } } },
      ),
    },
    {
      manifest: deployment(
        NS,
        'matching-seccomp',
        app('cart', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
        {
          podMeta: { annotations: { [POD_ANNOTATION]: 'runtime/default' } },
        },
      ),
    },
    {
      manifest: deployment(
        NS,
        'field-only',
        app('search', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
      ),
    },
    { manifest: pod(NS, 'annotated-pod', app('batch'), { annotations: { [POD_ANNOTATION]: 'runtime/default' } }) },
  ],
  expect: [
    {
      ...key('Deployment', 'legacy-seccomp', NS),
      changeId: 'seccomp-annotations-removal',
      severity: 'action',
      why: 'pod-level alpha seccomp annotation with no seccompProfile field: 1.25 kubelets run it unconfined',
    },
    {
      ...key('DaemonSet', 'audit-agent', NS),
      changeId: 'seccomp-annotations-removal',
      severity: 'action',
      why: 'container-level alpha seccomp annotation (localhost profile) with no seccompProfile field',
    },
  ],
  clean: [
    key('Deployment', 'matching-seccomp', NS),
    key('Deployment', 'field-only', NS),
    key('Pod', 'annotated-pod', NS),
    key('Namespace', NS),
  ],
};
