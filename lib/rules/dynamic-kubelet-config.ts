import type { Finding } from '../model/finding';
import type { Node } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding } from './support/finding';
import { kubeletVersionOf, nodeRef } from './support/nodes';
import { sortFindings } from './support/object-refs';
import { key, named, node as nodeSlot, ns, value, version } from './support/text';

const CHANGE = 'dynamic-kubelet-config-removal';
const RULE_ID = 'dynamic-kubelet-config';

type ConfigMapSource = NonNullable<NonNullable<Node['configSource']>['configMap']>;

/** What this check says. */
const say = {
  source: (cm: ConfigMapSource | undefined): Text => {
    if (!cm) return t`a config source`;
    const where = t`ConfigMap ${ns(cm.namespace)}/${named(cm.name)}`;
    return cm.kubeletConfigKey ? t`${where} (key ${key(cm.kubeletConfigKey)})` : where;
  },
  ignored: (node: Slot, source: Text, kubelet: Slot) =>
    t`Node ${node} still names ${source} in spec.configSource, but its ${kubelet} kubelet ignores it: the node already runs on its local kubelet config only.`,
  lost: (node: Slot, source: Text) =>
    t`Node ${node} takes kubelet settings from ${source} through Dynamic Kubelet Config. A 1.24 kubelet ignores spec.configSource and falls back to its local config file and flags, so those settings are lost at the upgrade.`,
  fix: (node: Slot, source: Text) =>
    t`Copy the settings from ${source} into the kubelet config file your node image or provisioning writes (kubeadm: the kube-system/kubelet-config ConfigMap and /var/lib/kubelet/config.yaml), then clear the field (kubectl patch node ${node} --type=json -p '[{"op":"remove","path":"/spec/configSource"}]') and drop --dynamic-config-dir from the kubelet flags.`,
  sourceValue: (cm: ConfigMapSource | undefined): Text => {
    if (!cm) return t`(set)`;
    const where = t`${ns(cm.namespace)}/${named(cm.name)}`;
    return cm.kubeletConfigKey ? t`${where}#${value(cm.kubeletConfigKey)}` : where;
  },
  sourceSet: t`Dynamic Kubelet Config source set on the Node.`,
  gone: t`Dynamic Kubelet Config is gone from 1.24 kubelets.`,
};

function findingOf(n: Node): Finding | undefined {
  if (!n.configSource) return undefined;
  const cm = n.configSource.configMap;
  const source = say.source(cm);
  const kubelet = kubeletVersionOf(n);
  const already = kubelet !== undefined && (kubelet.major > 1 || kubelet.minor >= 24);
  const name = nodeSlot(n.metadata.name);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: already ? 'action' : 'breaking',
    confidence: 'certain',
    object: nodeRef(n),
    message: already ? say.ignored(name, source, version(n.kubeletVersion)) : say.lost(name, source),
    remediation: say.fix(name, source),
    evidence: [
      { source: 'field', path: t`spec.configSource.configMap`, value: say.sourceValue(cm), detail: say.sourceSet },
      {
        source: 'node-info',
        path: t`status.nodeInfo.kubeletVersion`,
        value: [version(n.kubeletVersion)],
        detail: say.gone,
      },
    ],
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Nodes configured through Dynamic Kubelet Config',
  changeIds: [CHANGE],
  needs: ['nodes'],
  run(snapshot) {
    return sortFindings(snapshot.nodes.flatMap((n) => findingOf(n) ?? []));
  },
};
