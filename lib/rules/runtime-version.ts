import type { Severity } from '../model/catalog';
import type { Node } from '../model/snapshot';
import type { Target } from '../model/releases';
import type { Text } from '../model/text';
import { t } from '../model/text';
import { makeFinding } from './support/finding';
import { node, version } from './support/text';
import { kubeletVersionOf, nodeRef, poolPhrase } from './support/nodes';
import { sortFindings } from './support/object-refs';
import { minorOf } from '../model/releases';
import { classifyRuntime } from './support/runtime-class';
import { runtimeUpgradeRemediation } from './support/runtime-advice';
import { compareVersions, parseVersion, type Version as SemVer } from './support/versions';
import type { Confidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const CHANGE = 'container-runtime-minimums';
const RULE_ID = 'runtime-version';

interface Problem {
  severity: Severity;
  confidence: Confidence;
  problem: Text;
  minimum: Text;
  extra?: Text;
}

/** What this check says. */
const say = {
  tooOld: t`is older than every containerd release Kubernetes 1.24 was validated with`,
  containerdMinimum: t`containerd 1.6.4 or later (1.5.11 or later on the 1.5 line)`,
  cniFault: t`is in the 1.6.0–1.6.3 range that fails pod networking with "Incompatible CNI versions" or "Failed to destroy network for sandbox" when the CNI plugins are old or a CNI config file does not declare its cniVersion`,
  containerd164: t`containerd 1.6.4 or later`,
  cniWorkaround: t` If the runtime cannot move yet, upgrade the CNI plugins in /opt/cni/bin to 1.0 or later and make sure every file in /etc/cni/net.d declares cniVersion.`,
  crioTooOld: t`is older than CRI-O 1.24, the oldest release tested with Kubernetes 1.24`,
  crioFollows: (target: number) => t`CRI-O 1.${target} (CRI-O minors follow Kubernetes minors)`,
  crioBehind: (target: number) =>
    t`is one minor behind the 1.${target} kubelet you are moving to; CRI-O minors follow Kubernetes minors`,
  crio: (target: number) => t`CRI-O 1.${target}`,
  runs: (n: Node, ctx: RuleContext, p: Problem) =>
    t`Node ${node(n.metadata.name)}${poolPhrase(n, ctx.profile.provider)} runs ${version(n.containerRuntimeVersion)}, which ${p.problem}. Minimum: ${p.minimum}.`,
  reported: (runtime: 'containerd' | 'CRI-O') => t`${runtime} version as the kubelet reports it.`,
  kubelet: (target: Target) => t`Kubelet version; the scan targets ${target}.`,
};

const v = (major: number, minor: number, patch: number): SemVer => ({ major, minor, patch });

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
function containerdProblem(found: SemVer, crossing: boolean): Problem | undefined {
  if (compareVersions(found, v(1, 5, 11)) < 0) {
    if (!crossing) return undefined;
    return { severity: 'breaking', confidence: 'likely', problem: say.tooOld, minimum: say.containerdMinimum };
  }
  if (compareVersions(found, v(1, 6, 0)) >= 0 && compareVersions(found, v(1, 6, 3)) <= 0) {
    return {
      severity: crossing ? 'breaking' : 'action',
      confidence: 'possible',
      problem: say.cniFault,
      minimum: say.containerd164,
      extra: say.cniWorkaround,
    };
  }
  return undefined;
}

function crioProblem(found: SemVer, target: number): Problem | undefined {
  if (found.major !== 1 || found.minor >= target) return undefined;
  if (found.minor < 24) {
    return { severity: 'breaking', confidence: 'likely', problem: say.crioTooOld, minimum: say.crioFollows(target) };
  }
  return { severity: 'action', confidence: 'certain', problem: say.crioBehind(target), minimum: say.crio(target) };
}

function finding(n: Node, runtime: 'containerd' | 'CRI-O', p: Problem, ctx: RuleContext): Finding {
  const openshift = ctx.profile.provider === 'openshift';
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: openshift ? 'info' : p.severity,
    confidence: p.confidence,
    object: nodeRef(n),
    message: say.runs(n, ctx, p),
    remediation: [...runtimeUpgradeRemediation(n, ctx.profile, p.minimum), ...(p.extra ?? [])],
    evidence: [
      {
        source: 'node-info',
        path: t`status.nodeInfo.containerRuntimeVersion`,
        value: [version(n.containerRuntimeVersion)],
        detail: say.reported(runtime),
      },
      {
        source: 'node-info',
        path: t`status.nodeInfo.kubeletVersion`,
        value: [version(n.kubeletVersion)],
        detail: say.kubelet(ctx.target),
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
    for (const n of snapshot.nodes) {
      const c = classifyRuntime(n);
      const found = parseVersion(c.version);
      if (!found) continue;
      if (c.runtimeClass === 'containerd') {
        const p = containerdProblem(found, crossesDockershimRelease(n, ctx));
        if (p) findings.push(finding(n, 'containerd', p, ctx));
      } else if (c.runtimeClass === 'cri-o') {
        const p = crioProblem(found, minorOf(ctx.target));
        if (p) findings.push(finding(n, 'CRI-O', p, ctx));
      }
    }
    return sortFindings(findings);
  },
};
