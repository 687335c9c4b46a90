import type { Node } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { isWindows, kubeletVersionOf, nodeRef, poolPhrase } from './support/nodes';
import {
  CRI_SOCKET_ANNOTATION,
  classifyRuntime,
  socketKind,
  type RuntimeClassification,
} from './support/runtime-class';
import { dockershimRemediation, providerKeepsDocker } from './support/runtime-advice';
import { sortFindings } from './support/object-refs';
import type { Evidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const CHANGE = 'dockershim-removal';
const RULE_ID = 'node-runtime';

function evidenceOf(node: Node, c: RuntimeClassification): Evidence[] {
  const evidence: Evidence[] = [
    {
      source: 'node-info',
      path: 'status.nodeInfo.containerRuntimeVersion',
      value: node.containerRuntimeVersion,
      detail: `The kubelet reports runtime "${c.runtime || '(none)'}".`,
    },
    {
      source: 'node-info',
      path: 'status.nodeInfo.kubeletVersion',
      value: node.kubeletVersion,
      detail: 'The kubelet version decides whether dockershim is still built in (before 1.24).',
    },
  ];
  if (c.criSocket !== undefined) {
    const kind = socketKind(c.criSocket);
    const stale = kind === 'containerd' || kind === 'cri-o';
    evidence.push({
      source: 'annotation',
      path: `metadata.annotations[${CRI_SOCKET_ANNOTATION}]`,
      value: c.criSocket,
      detail: stale
        ? 'kubeadm recorded another socket, but the kubelet reports Docker: the annotation is stale; fix it too.'
        : 'The CRI socket kubeadm joined this node with.',
    });
  }
  if (isWindows(node)) {
    evidence.push({
      source: 'node-info',
      path: 'status.nodeInfo.operatingSystem',
      value: 'windows',
      detail: 'A Windows node.',
    });
  }
  return evidence;
}

function dockershimFinding(node: Node, c: RuntimeClassification, ctx: RuleContext): Finding {
  const keeps = providerKeepsDocker(ctx.profile);
  const os = isWindows(node) ? 'Windows node' : 'Node';
  const where = `${os} ${node.metadata.name}${poolPhrase(node, ctx.profile.provider)}`;
  const message = keeps
    ? `${where} runs Docker Engine through the kubelet’s dockershim (kubelet ${node.kubeletVersion}, ${node.containerRuntimeVersion}). ` +
      `${ctx.profile.provider} moves Docker nodes to cri-dockerd by itself on 1.24, so pods keep running, but the runtime path changes.`
    : `${where} runs Docker Engine through the kubelet’s built-in dockershim (kubelet ${node.kubeletVersion}, ${node.containerRuntimeVersion}). ` +
      'A 1.24 kubelet has no dockershim and will not start on this node until it uses containerd, CRI-O or cri-dockerd.';
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: keeps ? 'action' : 'breaking',
    confidence: 'certain',
    object: nodeRef(node),
    message,
    remediation:
      `${dockershimRemediation(node, ctx.profile)} Also check the workloads the docker-socket check lists: ` +
      'anything that talks to Docker on this node stops working once Docker Engine is gone.',
    evidence: evidenceOf(node, c),
  });
}

function otherFinding(node: Node, c: RuntimeClassification): Finding {
  const reported = node.containerRuntimeVersion === '' ? 'no container runtime' : `"${node.containerRuntimeVersion}"`;
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'possible',
    object: nodeRef(node),
    message: `Node ${node.metadata.name} reports ${reported}, which Release Lens cannot classify as containerd, CRI-O or Docker.`,
    remediation:
      'Check on the node which runtime the kubelet uses (--container-runtime-endpoint, or crictl info). A CRI ' +
      'runtime needs nothing for dockershim’s removal; a Docker Engine without cri-dockerd must move before the kubelet reaches 1.24.',
    evidence: evidenceOf(node, c),
  });
}

/** A 1.24+ kubelet only talks CRI, so whatever runtime it reports is not a dockershim problem. */
function kubeletPast124(node: Node): boolean {
  const v = kubeletVersionOf(node);
  return v !== undefined && (v.major > 1 || v.minor >= 24);
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Nodes still running Docker Engine through dockershim',
  changeIds: [CHANGE],
  needs: ['nodes'],
  run(snapshot, ctx) {
    const findings: Finding[] = [];
    for (const node of snapshot.nodes) {
      const c = classifyRuntime(node);
      if (c.runtimeClass === 'dockershim') findings.push(dockershimFinding(node, c, ctx));
      else if (c.runtimeClass === 'other' && !kubeletPast124(node)) findings.push(otherFinding(node, c));
    }
    return sortFindings(findings);
  },
};
