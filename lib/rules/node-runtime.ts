import type { Node } from '../model/snapshot';
import type { Text } from '../model/text';
import { list, t } from '../model/text';
import { workloadsByNode, type NodeWorkload } from './support/node-workloads';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { hostPath, node, refText, setting, version } from './support/text';
import { isWindows, kubeletVersionOf, nodeRef, poolPhrase } from './support/nodes';
import {
  CRI_SOCKET_ANNOTATION,
  classifyRuntime,
  socketKind,
  type RuntimeClassification,
} from './support/runtime-class';
import { dockershimRemediation, providerKeepsDocker } from './support/runtime-advice';
import { sortFindings } from './support/object-refs';
import type { Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const CHANGE = 'dockershim-removal';
const RULE_ID = 'node-runtime';

/** What this check says. */
const say = {
  reports: (runtime: string) => t`The kubelet reports runtime "${runtime === '' ? '(none)' : version(runtime)}".`,
  kubeletDecides: t`The kubelet version decides whether dockershim is still built in (before 1.24).`,
  staleSocket: t`kubeadm recorded another socket, but the kubelet reports Docker: the annotation is stale; fix it too.`,
  joinedWith: t`The CRI socket kubeadm joined this node with.`,
  windows: t`A Windows node.`,
  where: (n: Node, ctx: RuleContext) =>
    t`${isWindows(n) ? 'Windows node' : 'Node'} ${node(n.metadata.name)}${poolPhrase(n, ctx.profile.provider)}`,
  keeps: (where: Text, n: Node, provider: string) =>
    t`${where} runs Docker Engine through the kubelet’s dockershim (kubelet ${version(n.kubeletVersion)}, ${version(n.containerRuntimeVersion)}). ${setting(provider)} moves Docker nodes to cri-dockerd by itself on 1.24, so pods keep running, but the runtime path changes.`,
  strands: (where: Text, n: Node) =>
    t`${where} runs Docker Engine through the kubelet’s built-in dockershim (kubelet ${version(n.kubeletVersion)}, ${version(n.containerRuntimeVersion)}). A 1.24 kubelet has no dockershim and will not start on this node until it uses containerd, CRI-O or cri-dockerd.`,
  dockershimFix: (advice: Text) =>
    t`${advice} Also check the workloads the docker-socket check lists: anything that talks to Docker on this node stops working once Docker Engine is gone.`,
  /** " On it: 3 pods of Deployment shop/web, DaemonSet kube-system/fluentd and 4 more." */
  workloads: (ws: readonly NodeWorkload[]) =>
    ws.length === 0
      ? t` No pod is scheduled on it now.`
      : t` Draining it for the change moves ${list(ws.map(say.workload), MAX_LISTED)}.`,
  workload: (w: NodeWorkload) =>
    w.static
      ? t`static pod ${refText(w.ref)} (it stays: edit its manifest on the node)`
      : t`${w.pods === 1 ? '' : t`${w.pods} pods of `}${refText(w.ref)}`,
  scheduled: (n: number) => t`${n} ${n === 1 ? 'workload has' : 'workloads have'} pods on this node.`,
  unknown: (n: Node) =>
    t`Node ${node(n.metadata.name)} reports ${n.containerRuntimeVersion === '' ? 'no container runtime' : t`"${version(n.containerRuntimeVersion)}"`}, which Release Lens cannot classify as containerd, CRI-O or Docker.`,
  unknownFix: t`Check on the node which runtime the kubelet uses (--container-runtime-endpoint, or crictl info). A CRI runtime needs nothing for dockershim’s removal; a Docker Engine without cri-dockerd must move before the kubelet reaches 1.24.`,
};

function evidenceOf(n: Node, c: RuntimeClassification): EvidenceDraft[] {
  const evidence: EvidenceDraft[] = [
    {
      source: 'node-info',
      path: t`status.nodeInfo.containerRuntimeVersion`,
      value: [version(n.containerRuntimeVersion)],
      detail: say.reports(c.runtime),
    },
    {
      source: 'node-info',
      path: t`status.nodeInfo.kubeletVersion`,
      value: [version(n.kubeletVersion)],
      detail: say.kubeletDecides,
    },
  ];
  if (c.criSocket !== undefined) {
    const kind = socketKind(c.criSocket);
    const stale = kind === 'containerd' || kind === 'cri-o';
    evidence.push({
      source: 'annotation',
      path: t`metadata.annotations[${CRI_SOCKET_ANNOTATION}]`,
      value: [hostPath(c.criSocket)],
      detail: stale ? say.staleSocket : say.joinedWith,
    });
  }
  if (isWindows(n)) {
    evidence.push({
      source: 'node-info',
      path: t`status.nodeInfo.operatingSystem`,
      value: t`windows`,
      detail: say.windows,
    });
  }
  return evidence;
}

const MAX_LISTED = 5;

/** The pods on the node, by controller: one evidence line each, up to a few. */
function workloadEvidence(ws: readonly NodeWorkload[]): EvidenceDraft[] {
  if (ws.length === 0) return [];
  return [
    { source: 'field', path: t`spec.nodeName`, detail: say.scheduled(ws.length) },
    ...ws
      .slice(0, MAX_LISTED)
      .map((w) => ({ source: 'field' as const, path: t`spec.nodeName`, detail: say.workload(w) })),
  ];
}

function dockershimFinding(n: Node, c: RuntimeClassification, ws: readonly NodeWorkload[], ctx: RuleContext): Finding {
  const keeps = providerKeepsDocker(ctx.profile);
  const where = say.where(n, ctx);
  const message = keeps ? say.keeps(where, n, ctx.profile.provider) : say.strands(where, n);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: keeps ? 'action' : 'breaking',
    confidence: 'certain',
    object: nodeRef(n),
    message: [...message, ...say.workloads(ws)],
    remediation: say.dockershimFix(dockershimRemediation(n, ctx.profile)),
    evidence: [...evidenceOf(n, c), ...workloadEvidence(ws)],
  });
}

function otherFinding(n: Node, c: RuntimeClassification): Finding {
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'possible',
    object: nodeRef(n),
    message: say.unknown(n),
    remediation: say.unknownFix,
    evidence: evidenceOf(n, c),
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
    const classified = snapshot.nodes.map((n) => ({ n, c: classifyRuntime(n) }));
    // What runs on a node is told for dockershim nodes only: the pods of the others are not walked at all.
    const dockershim = new Set(
      classified.filter((x) => x.c.runtimeClass === 'dockershim').map((x) => x.n.metadata.name),
    );
    const onNodes = workloadsByNode(snapshot, dockershim);
    for (const { n, c } of classified) {
      if (c.runtimeClass === 'dockershim')
        findings.push(dockershimFinding(n, c, onNodes.get(n.metadata.name) ?? [], ctx));
      else if (c.runtimeClass === 'other' && !kubeletPast124(n)) findings.push(otherFinding(n, c));
    }
    return sortFindings(findings);
  },
};
