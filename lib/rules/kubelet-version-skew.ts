import type { Severity } from '../model/catalog';
import type { Node, Workload } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { join, t } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { nodeRef, poolPhrase, poolSlot } from './support/nodes';
import { refOf, sortFindings } from './support/object-refs';
import { minorOf } from '../model/releases';
import { image, node, version } from './support/text';
import { parseVersion } from './support/versions';
import type { Finding } from '../model/finding';
import type { ClusterProfile, Rule, RuleContext } from './support/check';

const CHANGE = 'kubelet-version-skew';
const RULE_ID = 'kubelet-version-skew';

/** Providers whose own upgrade moves the kube-proxy DaemonSet along with the control plane. */
const PROXY_MANAGED = new Set(['kubeadm', 'gke', 'aks', 'k3s', 'rke2', 'openshift', 'kind', 'minikube']);

interface Skew {
  severity: Severity;
  problem: Text;
}

type Component = 'kubelet' | 'kube-proxy';

/** What this check says. */
const say = {
  newer: (component: Component, found: Slot, target: number) =>
    t`${component} ${found} is newer than the 1.${target} API server; a ${component} may never be newer than kube-apiserver`,
  tooFar: (component: Component, found: Slot, behind: number, target: number) =>
    t`${component} ${found} is ${behind} minors behind 1.${target}; the skew policy allows at most two, so it must reach 1.${target - 2} or later before the control plane moves to 1.${target}`,
  edge: (component: Component, found: Slot, target: number) =>
    t`${component} ${found} will be exactly two minors behind 1.${target}, the edge of the supported skew; it must move before the next control-plane upgrade`,
  targetPlane: (target: number) => t`Target control plane: 1.${target}.`,
  reportedProxy: t`Reported by the kubelet; it may not match the kube-proxy actually running (see the kube-proxy DaemonSet).`,
  node: (n: Node, ctx: RuleContext, problems: Text) =>
    t`Node ${node(n.metadata.name)}${poolPhrase(n, ctx.profile.provider)}: ${problems}.`,
  daemonSet: (image: Slot, problem: Text) => t`DaemonSet kube-system/kube-proxy runs ${image}: ${problem}.`,
  eksProxy: (target: number) =>
    t`Update the kube-proxy add-on after each control-plane step: aws eks update-addon --cluster-name <cluster> --addon-name kube-proxy --addon-version <the 1.${target} build> (self-managed: set the image to the matching eks-build tag).`,
  proxy: t`Set the kube-proxy image to the control plane’s version after each control-plane step (kube-proxy must not be more than two minors older than kube-apiserver, nor newer).`,
  running: t`The kube-proxy actually running on the nodes.`,
  /** How to move a node's kubelet to 1.<target>, for the cluster's provider. */
  upgrade: (n: Node, profile: ClusterProfile, target: number): Text => {
    const pool = poolSlot(n, profile.provider);
    const to = t`1.${target}`;
    switch (profile.provider) {
      case 'eks':
        if (n.metadata.labels['eks.amazonaws.com/compute-type'] === 'fargate') {
          return t`This is a Fargate node: after the control plane upgrade, restart the pod on it (roll its Deployment) so Fargate starts it on a ${to} kubelet.`;
        }
        return t`Upgrade node group ${pool} to ${to} (managed: aws eks update-nodegroup-version --cluster-name <cluster> --nodegroup-name ${pool} --kubernetes-version ${to}; self-managed: roll it onto the ${to} EKS-optimized AMI).`;
      case 'aks':
        return t`Upgrade node pool ${pool}: az aks nodepool upgrade --cluster-name <cluster> --resource-group <rg> --name ${pool} --kubernetes-version <${to} patch>.`;
      case 'gke':
        return t`Upgrade node pool ${pool}: gcloud container clusters upgrade <cluster> --node-pool=${pool} --cluster-version=<${to} version>.`;
      case 'k3s':
      case 'rke2':
        return t`Upgrade ${profile.provider} on this node to ${to} (a system-upgrade-controller plan, or the install script with the version pinned).`;
      case 'kubeadm':
        return t`Upgrade the node one minor at a time up to ${to}: drain it, upgrade the kubeadm package and run kubeadm upgrade node, then upgrade the kubelet and kubectl packages, restart the kubelet and uncordon.`;
      default:
        return t`Upgrade the kubelet on this node to ${to} (or replace the node with one built for ${to}).`;
    }
  },
};

/** Grades one component version against the target control plane. */
function skewOf(component: Component, found: string, target: number): Skew | undefined {
  const v = parseVersion(found);
  if (!v || v.major !== 1) return undefined;
  const behind = target - v.minor;
  if (behind < 0) return { severity: 'breaking', problem: say.newer(component, version(found), target) };
  if (behind > 2) return { severity: 'breaking', problem: say.tooFar(component, version(found), behind, target) };
  if (behind === 2) return { severity: 'info', problem: say.edge(component, version(found), target) };
  return undefined;
}

const worse = (a: Skew | undefined, b: Skew | undefined): Skew | undefined =>
  !a ? b : !b ? a : a.severity === 'breaking' || b.severity !== 'breaking' ? a : b;

function nodeFinding(n: Node, ctx: RuleContext, target: number): Finding | undefined {
  const kubelet = skewOf('kubelet', n.kubeletVersion, target);
  const proxy = n.kubeProxyVersion === undefined ? undefined : skewOf('kube-proxy', n.kubeProxyVersion, target);
  const worst = worse(kubelet, proxy);
  if (!worst) return undefined;
  const problems = [kubelet, proxy].flatMap((s) => (s ? [s.problem] : []));
  const evidence: EvidenceDraft[] = [
    {
      source: 'node-info',
      path: t`status.nodeInfo.kubeletVersion`,
      value: [version(n.kubeletVersion)],
      detail: say.targetPlane(target),
    },
  ];
  if (n.kubeProxyVersion !== undefined) {
    evidence.push({
      source: 'node-info',
      path: t`status.nodeInfo.kubeProxyVersion`,
      value: [version(n.kubeProxyVersion)],
      detail: say.reportedProxy,
    });
  }
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: worst.severity,
    confidence: 'certain',
    object: nodeRef(n),
    message: say.node(n, ctx, join(problems, '; ')),
    remediation: say.upgrade(n, ctx.profile, target),
    evidence,
  });
}

function proxyDaemonSetFinding(ds: Workload, ctx: RuleContext, target: number): Finding | undefined {
  const ref = ds.template.spec.containers.find((c) => c.name === 'kube-proxy')?.image;
  const name = ref?.split('@')[0] ?? '';
  const tag = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : undefined;
  const skew = tag ? skewOf('kube-proxy', tag, target) : undefined;
  if (!ref || !skew) return undefined;
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: skew.severity,
    confidence: 'certain',
    object: refOf(ds.apiVersion, ds.kind, ds.metadata),
    message: say.daemonSet(image(ref), skew.problem),
    remediation: ctx.profile.provider === 'eks' ? say.eksProxy(target) : say.proxy,
    evidence: [
      {
        source: 'field',
        path: t`spec.template.spec.containers[kube-proxy].image`,
        value: [image(ref)],
        detail: say.running,
      },
    ],
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Kubelets and kube-proxy outside the version skew allowed by the target',
  changeIds: [CHANGE],
  needs: ['nodes', 'daemonsets'],
  run(snapshot, ctx) {
    // The control plane never moves down: a cluster already past the target keeps its own minor.
    const target = Math.max(minorOf(ctx.target), ctx.profile.serverMinor ?? 0);
    const findings = snapshot.nodes.flatMap((n) => nodeFinding(n, ctx, target) ?? []);
    if (!PROXY_MANAGED.has(ctx.profile.provider)) {
      for (const w of snapshot.workloads) {
        if (w.kind !== 'DaemonSet' || w.metadata.namespace !== 'kube-system' || w.metadata.name !== 'kube-proxy')
          continue;
        const f = proxyDaemonSetFinding(w, ctx, target);
        if (f) findings.push(f);
      }
    }
    return sortFindings(findings);
  },
};
