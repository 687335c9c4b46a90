import type { ObjectRef } from '../model/snapshot';
import { t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding } from './support/finding';
import { version } from './support/text';

const CHANGE = 'kubeadm-v1beta2-deprecation';
const RULE_ID = 'kubeadm-config';
const KUBEADM_CONFIG: ObjectRef = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'kube-system',
  name: 'kubeadm-config',
};

/** What this check says. */
const say = {
  v1beta1: t`The stored kubeadm ClusterConfiguration is kubeadm.k8s.io/v1beta1, which kubeadm stopped reading in 1.22; kubeadm upgrade cannot load it.`,
  v1beta1Fix: t`Convert the configuration with a kubeadm release that still reads v1beta1 (kubeadm config migrate from 1.21), store the result in the kube-system/kubeadm-config ConfigMap, and update your provisioning files.`,
  v1beta2: t`The stored kubeadm ClusterConfiguration is kubeadm.k8s.io/v1beta2, deprecated in kubeadm 1.24 in favour of v1beta3. kubeadm 1.24 still reads it, and the config files in your provisioning code probably use it too.`,
  v1beta2Fix: t`Convert every kubeadm config file you keep (init, join, ClusterConfiguration in Ansible, Terraform, cloud-init or Cluster API templates) with kubeadm config migrate --old-config old.yaml --new-config new.yaml and commit the v1beta3 result; kubeadm upgrade rewrites the stored copy itself.`,
  stored: t`apiVersion of the ClusterConfiguration stored in kube-system/kubeadm-config.`,
};

export const rule: Rule = {
  id: RULE_ID,
  title: 'kubeadm configuration still in kubeadm.k8s.io/v1beta2',
  changeIds: [CHANGE],
  needs: ['kubeadmconfig'],
  run(snapshot) {
    const stored = snapshot.kubeadm?.clusterConfigurationApiVersion;
    if (stored !== 'kubeadm.k8s.io/v1beta2' && stored !== 'kubeadm.k8s.io/v1beta1') return [];
    const v1beta1 = stored === 'kubeadm.k8s.io/v1beta1';
    return [
      makeFinding({
        ruleId: RULE_ID,
        changeId: CHANGE,
        severity: v1beta1 ? 'breaking' : 'action',
        confidence: 'certain',
        object: KUBEADM_CONFIG,
        message: v1beta1 ? say.v1beta1 : say.v1beta2,
        remediation: v1beta1 ? say.v1beta1Fix : say.v1beta2Fix,
        evidence: [
          {
            source: 'field',
            path: t`data.ClusterConfiguration.apiVersion`,
            value: [version(stored)],
            detail: say.stored,
          },
        ],
      }),
    ];
  },
};
