import type { ClusterProfile } from '../check';
import type { PspDefault } from './psp-defaults';
import type { PssLevel } from './types';

/** How to replace a PSP, tailored to the policy engines found in the cluster. */
export function pspReplacementAdvice(
  level: PssLevel,
  namespaces: string[],
  defaults: PspDefault[],
  profile: ClusterProfile,
): string {
  const where =
    namespaces.length > 0
      ? `the namespaces whose pods it admits (${namespaces.join(', ')})`
      : 'the namespaces that should keep its rules';
  const steps = [
    `Label ${where} with pod-security.kubernetes.io/enforce=${level}, the Pod Security level this PSP corresponds to; the pod-security-levels findings give the level each namespace's workloads actually meet.`,
  ];
  if (defaults.length > 0) {
    steps.push(
      `Pod Security Admission never changes pods, so copy what this PSP injects (${defaults.map((d) => d.key).join(', ')}) into the pod templates; the psp-admitted-pods findings name each one.`,
    );
  }
  const engines = profile.policyEngines;
  if (engines.includes('kyverno')) {
    steps.push(
      'Kyverno is installed: express what the three levels cannot (allowed host path prefixes, user and group ranges, allowed volume drivers, per-workload exceptions) as Kyverno validate rules, and any defaults you still want injected as mutate rules.',
    );
  }
  if (engines.includes('gatekeeper')) {
    steps.push(
      'Gatekeeper is installed: the gatekeeper-library pod-security-policy constraint templates (K8sPSPHostFilesystem, K8sPSPAllowedUsers, K8sPSPCapabilities...) mirror PSP fields one to one, and Gatekeeper mutation (Assign) can take over the defaults.',
    );
  }
  if (engines.length === 0) {
    steps.push(
      'Pod Security Admission labels cover most PSPs. Add a policy engine such as Kyverno or Gatekeeper only for what they cannot do: mutations and defaults, allowed host path prefixes, specific user or group ranges, per-workload exceptions.',
    );
  }
  steps.push(
    'Then remove PodSecurityPolicy from kube-apiserver --enable-admission-plugins (1.25 refuses to start with it), and delete the PSP, the Roles and ClusterRoles granting "use" on it, and its copies in Helm charts and Git before upgrading.',
  );
  return steps.join(' ');
}
