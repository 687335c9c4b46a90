import type { KubeconfigFacts, ObjectRef } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import type { Finding } from '../model/finding';
import type { Rule } from './support/check';

const RULE_ID = 'kubeconfig-auth';
const EXEC_CHANGE = 'exec-credential-v1alpha1-removal';
const PROVIDER_CHANGE = 'kubectl-gcp-azure-auth-removal';
const V1ALPHA1 = 'client.authentication.k8s.io/v1alpha1';

type User = KubeconfigFacts['users'][number];

const refOf = (user: User): ObjectRef => ({ apiVersion: 'v1', kind: 'Config', name: `${user.name} (kubeconfig user)` });

/** Plugin-specific advice, keyed by the exec command's file name. */
function execAdvice(command: string | undefined): string {
  const base =
    command
      ?.split(/[\\/]/)
      .pop()
      ?.replace(/\.exe$/i, '') ?? '';
  switch (base) {
    case 'aws-iam-authenticator':
      return 'Upgrade aws-iam-authenticator to a current release and set the exec apiVersion to client.authentication.k8s.io/v1beta1, or switch to aws eks get-token by regenerating the entry with aws eks update-kubeconfig --name <cluster>.';
    case 'aws':
      return 'Upgrade the AWS CLI and regenerate the entry with aws eks update-kubeconfig --name <cluster>; current versions write client.authentication.k8s.io/v1beta1.';
    case 'kubelogin':
      return 'Upgrade kubelogin and regenerate the entry (az aks get-credentials, then kubelogin convert-kubeconfig); current versions use client.authentication.k8s.io/v1beta1.';
    case 'gke-gcloud-auth-plugin':
    case 'gcloud':
      return 'Update the Google Cloud CLI components and regenerate the entry with gcloud container clusters get-credentials <cluster>.';
    default:
      return `Upgrade ${base === '' ? 'the credential plugin' : base} to a release that speaks client.authentication.k8s.io/v1beta1 or v1, and change the exec apiVersion in the kubeconfig to match.`;
  }
}

function execFinding(user: User): Finding {
  return makeFinding({
    ruleId: RULE_ID,
    changeId: EXEC_CHANGE,
    severity: 'breaking',
    confidence: 'certain',
    object: refOf(user),
    message: `Kubeconfig user ${user.name} gets credentials from ${user.execCommand ?? 'an exec plugin'} through ${V1ALPHA1}. kubectl and client-go 1.24 and later no longer understand that version, so this user cannot authenticate with them, whatever the cluster version.`,
    remediation: `${execAdvice(user.execCommand)} Do it before anyone (or any CI image) picks up kubectl 1.24.`,
    evidence: [
      {
        source: 'kubeconfig',
        path: `users[${user.name}].user.exec.apiVersion`,
        value: V1ALPHA1,
        detail: 'The ExecCredential version the plugin is asked for.',
      },
      ...(user.execCommand
        ? [
            {
              source: 'kubeconfig' as const,
              path: `users[${user.name}].user.exec.command`,
              value: user.execCommand,
              detail: 'The credential plugin.',
            },
          ]
        : []),
    ],
  });
}

function providerFinding(user: User, provider: 'gcp' | 'azure'): Finding {
  const fix =
    provider === 'gcp'
      ? 'Install gke-gcloud-auth-plugin (gcloud components install gke-gcloud-auth-plugin) and regenerate the entry with gcloud container clusters get-credentials <cluster>, so it authenticates through exec.'
      : 'Install kubelogin and convert the entry (kubelogin convert-kubeconfig -l azurecli, or another login mode), so it authenticates through exec.';
  return makeFinding({
    ruleId: RULE_ID,
    changeId: PROVIDER_CHANGE,
    severity: 'action',
    confidence: 'certain',
    object: refOf(user),
    message: `Kubeconfig user ${user.name} authenticates with the built-in ${provider} auth provider. kubectl 1.25 still accepts it with a deprecation warning; kubectl and client-go 1.26 removed it.`,
    remediation: `${fix} Update CI images and other machines that use this kubeconfig too.`,
    evidence: [
      {
        source: 'kubeconfig',
        path: `users[${user.name}].user.auth-provider.name`,
        value: provider,
        detail: 'The in-tree auth provider this user relies on.',
      },
    ],
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Kubeconfig users whose authentication stops working with newer clients',
  changeIds: [EXEC_CHANGE, PROVIDER_CHANGE],
  needs: [],
  blindWhen: (snapshot) =>
    snapshot.kubeconfig
      ? undefined
      : 'the scan did not use a kubeconfig (in-cluster, offline snapshot or demo), so there were no client credentials to check',
  run(snapshot) {
    const findings: Finding[] = [];
    for (const user of snapshot.kubeconfig?.users ?? []) {
      if (user.execApiVersion === V1ALPHA1) findings.push(execFinding(user));
      const provider = user.authProvider?.toLowerCase();
      if (provider === 'gcp' || provider === 'azure') findings.push(providerFinding(user, provider));
    }
    return sortFindings(findings);
  },
};
