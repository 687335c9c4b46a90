import type { Severity } from '../model/catalog';
import type { Node } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { kubeletVersionOf, nodeRef, poolPhrase } from './support/nodes';
import { sortFindings } from './support/object-refs';
import { targetMinor } from './support/releases';
import { classifyRuntime } from './support/runtime-class';
import { runtimeUpgradeRemediation } from './support/runtime-advice';
import { compareVersions, parseVersion, type Version } from './support/versions';
import type { Confidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const CHANGE = 'container-runtime-minimums';
const RULE_ID = 'runtime-version';

interface Problem {
  severity: Severity;
  confidence: Confidence;
  problem: string;
  minimum: string;
  extra?: string;
}

const v = (major: number, minor: number, patch: number): Version => ({ major, minor, patch });

/** True when this node's kubelet still has to move past 1.24 (the release the runtime minimums are stated for). */
function crossesDockershimRelease(node: Node, ctx: RuleContext): boolean {
  const kubelet = kubeletVersionOf(node);
  if (kubelet) return kubelet.major === 1 && kubelet.minor < 24;
  return (ctx.profile.serverMinor ?? 0) < 24;
}

/**
 * `crossing`: the kubelet still has to move to 1.24. Old 1.5 releases only matter then; the 1.6.0–1.6.3 CNI fault
 * hits any kubelet, but on a node already past 1.24 its pods run today, so it is work to plan rather than a break.
 */
function containerdProblem(version: Version, crossing: boolean): Problem | undefined {
  if (compareVersions(version, v(1, 5, 11)) < 0) {
    if (!crossing) return undefined;
    return {
      severity: 'breaking',
      confidence: 'likely',
      problem: 'is older than every containerd release Kubernetes 1.24 was validated with',
      minimum: 'containerd 1.6.4 or later (1.5.11 or later on the 1.5 line)',
    };
  }
  if (compareVersions(version, v(1, 6, 0)) >= 0 && compareVersions(version, v(1, 6, 3)) <= 0) {
    return {
      severity: crossing ? 'breaking' : 'action',
      confidence: 'possible',
      problem:
        'is in the 1.6.0–1.6.3 range that fails pod networking with "Incompatible CNI versions" or "Failed to ' +
        'destroy network for sandbox" when the CNI plugins are old or a CNI config file does not declare its cniVersion',
      minimum: 'containerd 1.6.4 or later',
      extra:
        ' If the runtime cannot move yet, upgrade the CNI plugins in /opt/cni/bin to 1.0 or later and make sure ' +
        'every file in /etc/cni/net.d declares cniVersion.',
    };
  }
  return undefined;
}

function crioProblem(version: Version, target: number): Problem | undefined {
  if (version.major !== 1 || version.minor >= target) return undefined;
  const wanted = `CRI-O 1.${target}`;
  if (version.minor < 24) {
    return {
      severity: 'breaking',
      confidence: 'likely',
      problem: 'is older than CRI-O 1.24, the oldest release tested with Kubernetes 1.24',
      minimum: `${wanted} (CRI-O minors follow Kubernetes minors)`,
    };
  }
  return {
    severity: 'action',
    confidence: 'certain',
    problem: `is one minor behind the 1.${target} kubelet you are moving to; CRI-O minors follow Kubernetes minors`,
    minimum: wanted,
  };
}

function finding(node: Node, runtime: string, p: Problem, ctx: RuleContext): Finding {
  const openshift = ctx.profile.provider === 'openshift';
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: openshift ? 'info' : p.severity,
    confidence: p.confidence,
    object: nodeRef(node),
    message: `Node ${node.metadata.name}${poolPhrase(node, ctx.profile.provider)} runs ${node.containerRuntimeVersion}, which ${p.problem}. Minimum: ${p.minimum}.`,
    remediation: `${runtimeUpgradeRemediation(node, ctx.profile, p.minimum)}${p.extra ?? ''}`,
    evidence: [
      {
        source: 'node-info',
        path: 'status.nodeInfo.containerRuntimeVersion',
        value: node.containerRuntimeVersion,
        detail: `${runtime} version as the kubelet reports it.`,
      },
      {
        source: 'node-info',
        path: 'status.nodeInfo.kubeletVersion',
        value: node.kubeletVersion,
        detail: `Kubelet version; the scan targets ${ctx.target}.`,
      },
    ],
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Container runtimes older than Kubernetes 1.24 needs',
  changeIds: [CHANGE],
  needs: ['nodes'],
  run(snapshot, ctx) {
    const findings: Finding[] = [];
    for (const node of snapshot.nodes) {
      const c = classifyRuntime(node);
      const version = parseVersion(c.version);
      if (!version) continue;
      if (c.runtimeClass === 'containerd') {
        const p = containerdProblem(version, crossesDockershimRelease(node, ctx));
        if (p) findings.push(finding(node, 'containerd', p, ctx));
      } else if (c.runtimeClass === 'cri-o') {
        const p = crioProblem(version, targetMinor(ctx.target));
        if (p) findings.push(finding(node, 'CRI-O', p, ctx));
      }
    }
    return sortFindings(findings);
  },
};
