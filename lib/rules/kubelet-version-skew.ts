import type { Severity } from '../model/catalog';
import type { Node, Workload } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { nodeRef, poolPhrase } from './support/nodes';
import { refOf, sortFindings } from './support/object-refs';
import { targetMinor } from './support/releases';
import { kubeletUpgradeAdvice } from './support/skew-advice';
import { parseVersion } from './support/versions';
import type { Evidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const CHANGE = 'kubelet-version-skew';
const RULE_ID = 'kubelet-version-skew';

/** Providers whose own upgrade moves the kube-proxy DaemonSet along with the control plane. */
const PROXY_MANAGED = new Set(['kubeadm', 'gke', 'aks', 'k3s', 'rke2', 'openshift', 'kind', 'minikube']);

interface Skew {
  severity: Severity;
  problem: string;
}

/** Grades one component version against the target control plane. */
function skewOf(component: string, version: string, target: number): Skew | undefined {
  const v = parseVersion(version);
  if (!v || v.major !== 1) return undefined;
  const behind = target - v.minor;
  if (behind < 0) {
    return {
      severity: 'breaking',
      problem: `${component} ${version} is newer than the 1.${target} API server; a ${component} may never be newer than kube-apiserver`,
    };
  }
  if (behind > 2) {
    return {
      severity: 'breaking',
      problem: `${component} ${version} is ${behind} minors behind 1.${target}; the skew policy allows at most two, so it must reach 1.${target - 2} or later before the control plane moves to 1.${target}`,
    };
  }
  if (behind === 2) {
    return {
      severity: 'info',
      problem: `${component} ${version} will be exactly two minors behind 1.${target}, the edge of the supported skew; it must move before the next control-plane upgrade`,
    };
  }
  return undefined;
}

const worse = (a: Skew | undefined, b: Skew | undefined): Skew | undefined =>
  !a ? b : !b ? a : a.severity === 'breaking' || b.severity !== 'breaking' ? a : b;

function nodeFinding(node: Node, ctx: RuleContext, target: number): Finding | undefined {
  const kubelet = skewOf('kubelet', node.kubeletVersion, target);
  const proxy = node.kubeProxyVersion === undefined ? undefined : skewOf('kube-proxy', node.kubeProxyVersion, target);
  const worst = worse(kubelet, proxy);
  if (!worst) return undefined;
  const problems = [kubelet, proxy].flatMap((s) => (s ? [s.problem] : []));
  const evidence: Evidence[] = [
    {
      source: 'node-info',
      path: 'status.nodeInfo.kubeletVersion',
      value: node.kubeletVersion,
      detail: `Target control plane: 1.${target}.`,
    },
  ];
  if (node.kubeProxyVersion !== undefined) {
    evidence.push({
      source: 'node-info',
      path: 'status.nodeInfo.kubeProxyVersion',
      value: node.kubeProxyVersion,
      detail:
        'Reported by the kubelet; it may not match the kube-proxy actually running (see the kube-proxy DaemonSet).',
    });
  }
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: worst.severity,
    confidence: 'certain',
    object: nodeRef(node),
    message: `Node ${node.metadata.name}${poolPhrase(node, ctx.profile.provider)}: ${problems.join('; ')}.`,
    remediation: kubeletUpgradeAdvice(node, ctx.profile, `1.${target}`),
    evidence,
  });
}

function proxyDaemonSetFinding(ds: Workload, ctx: RuleContext, target: number): Finding | undefined {
  const image = ds.template.spec.containers.find((c) => c.name === 'kube-proxy')?.image;
  const name = image?.split('@')[0] ?? '';
  const tag = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : undefined;
  const skew = tag ? skewOf('kube-proxy', tag, target) : undefined;
  if (!image || !skew) return undefined;
  const eks = ctx.profile.provider === 'eks';
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: skew.severity,
    confidence: 'certain',
    object: refOf(ds.apiVersion, ds.kind, ds.metadata),
    message: `DaemonSet kube-system/kube-proxy runs ${image}: ${skew.problem}.`,
    remediation: eks
      ? `Update the kube-proxy add-on after each control-plane step: aws eks update-addon --cluster-name <cluster> --addon-name kube-proxy --addon-version <the 1.${target} build> (self-managed: set the image to the matching eks-build tag).`
      : `Set the kube-proxy image to the control plane’s version after each control-plane step (kube-proxy must not be more than two minors older than kube-apiserver, nor newer).`,
    evidence: [
      {
        source: 'field',
        path: 'spec.template.spec.containers[kube-proxy].image',
        value: image,
        detail: 'The kube-proxy actually running on the nodes.',
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
    const target = Math.max(targetMinor(ctx.target), ctx.profile.serverMinor ?? 0);
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
