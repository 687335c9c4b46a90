import { UNLABELLED_NAMESPACES } from '../../../lib/rules/pod-security-levels';
import { container, deployment, key, namespace, pod, type Json } from './builders';
import type { ExpectedFinding, Manifest, Scenario } from './types';

const PRIV = 'rl-psa-privileged';
const BASE = 'rl-psa-baseline';
const RESTR = 'rl-psa-restricted';
const LABELLED = 'rl-psa-labelled';

const strategies = {
  seLinux: { rule: 'RunAsAny' },
  supplementalGroups: { rule: 'RunAsAny' },
  fsGroup: { rule: 'RunAsAny' },
};
const psp = (name: string, spec: Json, annotations?: Record<string, string>): Manifest => ({
  apiVersion: 'policy/v1beta1',
  kind: 'PodSecurityPolicy',
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: { ...strategies, runAsUser: { rule: 'RunAsAny' }, volumes: ['*'], ...spec },
});

const restrictedContainer = (name: string, image: string) =>
  container(name, image, {
    securityContext: {
      allowPrivilegeEscalation: false,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
  });
const restrictedSpec = {
  securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [restrictedContainer('api', 'ghcr.io/acme/orders-api:5.2.0')],
};
// Baseline but not restricted: runs as root with the runtime's default capabilities.
const baselineSpec = {
  containers: [
    container('app', 'docker.io/library/httpd:2.4.57', {
      ports: [{ containerPort: 80 }],
      securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } },
    }),
  ],
};
const privilegedSpec = {
  hostNetwork: true,
  containers: [
    container('vpn', 'ghcr.io/acme/wireguard:1.0.20210914', {
      securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'SYS_MODULE'] } },
    }),
  ],
};
const admitted = (name: string) => ({ annotations: { 'kubernetes.io/psp': name } });

/** Every unlabelled namespace is one row of one grouped finding; the row names the namespace and its level. */
const nsFinding = (ns: string, level: string, why: string): ExpectedFinding => ({
  ...key('Namespace', UNLABELLED_NAMESPACES),
  // With PodSecurityPolicies in the cluster, labelling namespaces is the PSP migration itself.
  changeId: 'psp-removal',
  severity: 'action',
  why,
  detail: { namespace: ns, suggestedLevel: level },
});
const podUnderMutatingPsp = (ns: string, name: string, policy: string): ExpectedFinding => ({
  ...key('Pod', name, ns),
  changeId: 'psp-removal',
  // A bare pod (no controller) keeps the values the PSP injected; only recreating it from its manifest loses them.
  severity: 'info',
  why: `admitted under mutating PSP ${policy}: its defaults will not be applied if it is recreated once PSP is gone`,
});

export const podSecurity: Scenario = {
  name: 'pod-security',
  description:
    'Three PodSecurityPolicies (privileged; legacy-defaults with mutating defaults; restricted), pods admitted under them, and namespaces whose pods and templates land at privileged, baseline and restricted, plus one namespace already enforcing baseline. A Kyverno install (namespace kyverno and its validating webhook) is present as a migration hint. On 1.24, spec.allowedProcMountTypes is dropped by the apiserver (ProcMountType gate off), so legacy-defaults does not keep it.',
  namespaces: [PRIV, BASE, RESTR, LABELLED, 'kyverno'],
  objects: [
    namespace(LABELLED, {
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': 'v1.24',
      'pod-security.kubernetes.io/warn': 'restricted',
    }),
    {
      manifest: psp(
        'privileged',
        {
          privileged: true,
          allowPrivilegeEscalation: true,
          allowedCapabilities: ['*'],
          hostNetwork: true,
          hostPID: true,
          hostIPC: true,
          hostPorts: [{ min: 0, max: 65535 }],
        },
        { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': '*' },
      ),
    },
    {
      manifest: psp(
        'legacy-defaults',
        {
          defaultAddCapabilities: ['NET_BIND_SERVICE'],
          defaultAllowPrivilegeEscalation: false,
          allowedProcMountTypes: ['Default'],
          runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 65535 }] },
          volumes: ['configMap', 'secret', 'emptyDir', 'projected', 'persistentVolumeClaim', 'downwardAPI'],
        },
        {
          'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default',
          'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'runtime/default',
        },
      ),
    },
    {
      manifest: psp('restricted', {
        privileged: false,
        allowPrivilegeEscalation: false,
        requiredDropCapabilities: ['ALL'],
        runAsUser: { rule: 'MustRunAsNonRoot' },
        fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] },
        supplementalGroups: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] },
        volumes: [
          'configMap',
          'secret',
          'emptyDir',
          'projected',
          'persistentVolumeClaim',
          'downwardAPI',
          'csi',
          'ephemeral',
        ],
      }),
    },
    { manifest: deployment(PRIV, 'vpn-gateway', privilegedSpec, { replicas: 1 }) },
    { manifest: pod(PRIV, 'vpn-gateway-5c9f7d8b6-q2w7x', privilegedSpec, admitted('privileged')) },
    { manifest: deployment(BASE, 'legacy-app', baselineSpec) },
    { manifest: pod(BASE, 'legacy-app-6f7d8c9b5-k4m2n', baselineSpec, admitted('legacy-defaults')) },
    { manifest: deployment(RESTR, 'orders-api', restrictedSpec, { replicas: 3 }) },
    { manifest: pod(RESTR, 'orders-api-7b8c9d6f4-h5j6k', restrictedSpec, admitted('restricted')) },
    { manifest: deployment(LABELLED, 'web', baselineSpec) },
    { manifest: pod(LABELLED, 'web-84d7f9c6b-t8r3p', baselineSpec, admitted('privileged')) },
    {
      manifest: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: {
          name: 'kyverno-resource-validating-webhook-cfg',
          labels: { 'webhook.kyverno.io/managed-by': 'kyverno' },
        },
        webhooks: [
          {
            name: 'validate.kyverno.svc-fail',
            clientConfig: { service: { namespace: 'kyverno', name: 'kyverno-svc', path: '/validate/fail', port: 443 } },
            // Scoped to Kyverno's own (absent) API group so it never intercepts the test's writes.
            rules: [
              {
                apiGroups: ['kyverno.io'],
                apiVersions: ['v1'],
                operations: ['CREATE', 'UPDATE'],
                resources: ['clusterpolicies', 'policies'],
                scope: '*',
              },
            ],
            failurePolicy: 'Ignore',
            sideEffects: 'None',
            admissionReviewVersions: ['v1'],
            timeoutSeconds: 10,
          },
        ],
      },
    },
  ],
  expect: [
    {
      ...key('PodSecurityPolicy', 'privileged'),
      changeId: 'psp-removal',
      severity: 'breaking',
      why: 'PodSecurityPolicy objects stop working in 1.25',
    },
    {
      ...key('PodSecurityPolicy', 'legacy-defaults'),
      changeId: 'psp-removal',
      severity: 'breaking',
      why: 'mutating PSP: its defaults silently stop applying',
      detail: {
        mutatingFields:
          'defaultAddCapabilities,defaultAllowPrivilegeEscalation,runAsUser.MustRunAs,seccomp defaultProfileName',
      },
    },
    {
      ...key('PodSecurityPolicy', 'restricted'),
      changeId: 'psp-removal',
      severity: 'breaking',
      why: 'mutating PSP (fsGroup/supplementalGroups MustRunAs, requiredDropCapabilities)',
      detail: { mutatingFields: 'requiredDropCapabilities,fsGroup.MustRunAs,supplementalGroups.MustRunAs' },
    },
    podUnderMutatingPsp(BASE, 'legacy-app-6f7d8c9b5-k4m2n', 'legacy-defaults'),
    podUnderMutatingPsp(RESTR, 'orders-api-7b8c9d6f4-h5j6k', 'restricted'),
    nsFinding(PRIV, 'privileged', 'no Pod Security labels; a pod template uses privileged containers and hostNetwork'),
    nsFinding(
      BASE,
      'baseline',
      'no Pod Security labels; templates run as root but use no host namespaces or privileged mode',
    ),
    nsFinding(RESTR, 'restricted', 'no Pod Security labels; every template already meets restricted'),
  ],
  clean: [
    key('Namespace', LABELLED),
    key('Deployment', 'web', LABELLED),
    key('Deployment', 'vpn-gateway', PRIV),
    key('Deployment', 'legacy-app', BASE),
    key('Deployment', 'orders-api', RESTR),
  ],
};
