import type { KubeconfigFacts, ObjectRef } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { slot, t } from '../model/text';
import { makeFinding } from './support/finding';
import { value } from './support/text';
import { sortFindings } from './support/object-refs';
import type { Finding } from '../model/finding';
import type { Rule } from './support/check';

const RULE_ID = 'kubeconfig-auth';
const EXEC_CHANGE = 'exec-credential-v1alpha1-removal';
const PROVIDER_CHANGE = 'kubectl-gcp-azure-auth-removal';
const V1ALPHA1 = 'client.authentication.k8s.io/v1alpha1';

type User = KubeconfigFacts['users'][number];

const userSlot = (name: string): Slot => slot('user', name);

const refOf = (user: User): ObjectRef => ({ apiVersion: 'v1', kind: 'Config', name: `${user.name} (kubeconfig user)` });

/** What this check says. */
const say = {
  /** Plugin-specific advice, keyed by the exec command's file name. */
  execAdvice: (command: string | undefined): Text => {
    const base =
      command
        ?.split(/[\\/]/)
        .pop()
        ?.replace(/\.exe$/i, '') ?? '';
    switch (base) {
      case 'aws-iam-authenticator':
        return t`Upgrade aws-iam-authenticator to a current release and set the exec apiVersion to client.authentication.k8s.io/v1beta1, or switch to aws eks get-token by regenerating the entry with aws eks update-kubeconfig --name <cluster>.`;
      case 'aws':
        return t`Upgrade the AWS CLI and regenerate the entry with aws eks update-kubeconfig --name <cluster>; current versions write client.authentication.k8s.io/v1beta1.`;
      case 'kubelogin':
        return t`Upgrade kubelogin and regenerate the entry (az aks get-credentials, then kubelogin convert-kubeconfig); current versions use client.authentication.k8s.io/v1beta1.`;
      case 'gke-gcloud-auth-plugin':
      case 'gcloud':
        return t`Update the Google Cloud CLI components and regenerate the entry with gcloud container clusters get-credentials <cluster>.`;
      default:
        return t`Upgrade ${base === '' ? 'the credential plugin' : value(base)} to a release that speaks client.authentication.k8s.io/v1beta1 or v1, and change the exec apiVersion in the kubeconfig to match.`;
    }
  },
  exec: (user: Slot, command: string | undefined) =>
    t`Kubeconfig user ${user} gets credentials from ${command === undefined ? 'an exec plugin' : value(command)} through ${V1ALPHA1}. kubectl and client-go 1.24 and later no longer understand that version, so this user cannot authenticate with them, whatever the cluster version.`,
  execFix: (advice: Text) => t`${advice} Do it before anyone (or any CI image) picks up kubectl 1.24.`,
  execVersion: t`The ExecCredential version the plugin is asked for.`,
  plugin: t`The credential plugin.`,
  userPath: (user: Slot, field: 'exec.apiVersion' | 'exec.command' | 'auth-provider.name') =>
    t`users[${user}].user.${field}`,
  gcpFix: t`Install gke-gcloud-auth-plugin (gcloud components install gke-gcloud-auth-plugin) and regenerate the entry with gcloud container clusters get-credentials <cluster>, so it authenticates through exec.`,
  azureFix: t`Install kubelogin and convert the entry (kubelogin convert-kubeconfig -l azurecli, or another login mode), so it authenticates through exec.`,
  provider: (user: Slot, provider: 'gcp' | 'azure') =>
    t`Kubeconfig user ${user} authenticates with the built-in ${provider} auth provider. kubectl 1.25 still accepts it with a deprecation warning; kubectl and client-go 1.26 removed it.`,
  providerFix: (fix: Text) => t`${fix} Update CI images and other machines that use this kubeconfig too.`,
  inTree: t`The in-tree auth provider this user relies on.`,
};

function execFinding(user: User): Finding {
  const name = userSlot(user.name);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: EXEC_CHANGE,
    severity: 'breaking',
    confidence: 'certain',
    object: refOf(user),
    message: say.exec(name, user.execCommand),
    remediation: say.execFix(say.execAdvice(user.execCommand)),
    evidence: [
      {
        source: 'kubeconfig',
        path: say.userPath(name, 'exec.apiVersion'),
        value: t`${V1ALPHA1}`,
        detail: say.execVersion,
      },
      ...(user.execCommand
        ? [
            {
              source: 'kubeconfig' as const,
              path: say.userPath(name, 'exec.command'),
              value: [value(user.execCommand)],
              detail: say.plugin,
            },
          ]
        : []),
    ],
  });
}

function providerFinding(user: User, provider: 'gcp' | 'azure'): Finding {
  const name = userSlot(user.name);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: PROVIDER_CHANGE,
    severity: 'action',
    confidence: 'certain',
    object: refOf(user),
    message: say.provider(name, provider),
    remediation: say.providerFix(provider === 'gcp' ? say.gcpFix : say.azureFix),
    evidence: [
      {
        source: 'kubeconfig',
        path: say.userPath(name, 'auth-provider.name'),
        value: t`${provider}`,
        detail: say.inTree,
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
      : t`the scan did not use a kubeconfig (in-cluster, offline snapshot or demo), so there were no client credentials to check`,
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
