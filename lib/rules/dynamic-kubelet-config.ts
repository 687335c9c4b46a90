import type { Node } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { kubeletVersionOf, nodeRef } from './support/nodes';
import { sortFindings } from './support/object-refs';
import type { Finding } from '../model/finding';
import type { Rule } from './support/check';

const CHANGE = 'dynamic-kubelet-config-removal';
const RULE_ID = 'dynamic-kubelet-config';

function findingOf(node: Node): Finding | undefined {
  const cm = node.configSource?.configMap;
  if (!node.configSource) return undefined;
  const source = cm
    ? `ConfigMap ${cm.namespace}/${cm.name}${cm.kubeletConfigKey ? ` (key ${cm.kubeletConfigKey})` : ''}`
    : 'a config source';
  const kubelet = kubeletVersionOf(node);
  const already = kubelet !== undefined && (kubelet.major > 1 || kubelet.minor >= 24);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: already ? 'action' : 'breaking',
    confidence: 'certain',
    object: nodeRef(node),
    message: already
      ? `Node ${node.metadata.name} still names ${source} in spec.configSource, but its ${node.kubeletVersion} kubelet ignores it: the node already runs on its local kubelet config only.`
      : `Node ${node.metadata.name} takes kubelet settings from ${source} through Dynamic Kubelet Config. A 1.24 kubelet ignores spec.configSource and falls back to its local config file and flags, so those settings are lost at the upgrade.`,
    remediation:
      `Copy the settings from ${source} into the kubelet config file your node image or provisioning writes (kubeadm: ` +
      'the kube-system/kubelet-config ConfigMap and /var/lib/kubelet/config.yaml), then clear the field (kubectl patch ' +
      `node ${node.metadata.name} --type=json -p '[{"op":"remove","path":"/spec/configSource"}]') and drop ` +
      '--dynamic-config-dir from the kubelet flags.',
    evidence: [
      {
        source: 'field',
        path: 'spec.configSource.configMap',
        value: cm ? `${cm.namespace}/${cm.name}${cm.kubeletConfigKey ? `#${cm.kubeletConfigKey}` : ''}` : '(set)',
        detail: 'Dynamic Kubelet Config source set on the Node.',
      },
      {
        source: 'node-info',
        path: 'status.nodeInfo.kubeletVersion',
        value: node.kubeletVersion,
        detail: 'Dynamic Kubelet Config is gone from 1.24 kubelets.',
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
