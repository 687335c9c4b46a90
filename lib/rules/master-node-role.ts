import type { Node } from '../model/snapshot';
import type { ControlPlaneFacts } from './support/control-plane-nodes';
import {
  CONTROL_PLANE,
  controlPlaneFacts,
  kubeadmConfidence,
  MASTER,
  toleratesNoSchedule,
} from './support/control-plane-nodes';
import { makeFinding } from './support/finding';
import { describeRef, objectTarget, refOf, sortFindings, subjectTarget } from './support/object-refs';
import { listNames, POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import type { PodSubject } from './support/subjects';
import { podSubjects } from './support/subjects';
import type { Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const ID = 'master-node-role';
const LABEL = 'kubeadm-master-label-removal';
const TAINT = 'kubeadm-master-taint-removal';

function nodeFindings(n: Node, facts: ControlPlaneFacts, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const base = {
    ruleId: ID,
    severity: 'info' as const,
    confidence: kubeadmConfidence(ctx.profile),
    ...objectTarget(refOf('v1', 'Node', n.metadata), n.metadata),
  };
  if (facts.masterLabel.includes(n.metadata.name)) {
    out.push(
      makeFinding({
        ...base,
        changeId: LABEL,
        message: `Node ${n.metadata.name} carries the ${MASTER} label. kubeadm 1.24 stops adding it to new control-plane nodes and removes it during kubeadm upgrade apply; anything that finds control-plane nodes by it (node selectors, affinity, scripts, dashboards) stops finding this node.`,
        remediation: `Select control-plane nodes by ${CONTROL_PLANE} instead; the pod-level findings of this check list the workloads that still use ${MASTER}.`,
        evidence: [
          {
            source: 'label',
            path: `metadata.labels[${MASTER}]`,
            value: n.metadata.labels[MASTER] ?? '',
            detail: 'legacy control-plane label',
          },
        ],
      }),
    );
  }
  if (targetAtLeast(ctx.target, '1.25') && facts.masterTaint.includes(n.metadata.name)) {
    const hasNew = facts.controlPlaneTaint.includes(n.metadata.name);
    out.push(
      makeFinding({
        ...base,
        changeId: TAINT,
        message: `Node ${n.metadata.name} has the ${MASTER}:NoSchedule taint, which kubeadm 1.25 removes during kubeadm upgrade apply.${hasNew ? ` It already has the ${CONTROL_PLANE} taint, which stays.` : ` It does not yet have the ${CONTROL_PLANE}:NoSchedule taint that kubeadm 1.24 adds.`}`,
        remediation: `Make sure workloads meant for control-plane nodes tolerate ${CONTROL_PLANE}, and update scripts that look for the master taint.`,
        evidence: n.taints
          .filter((t) => t.key === MASTER || t.key === CONTROL_PLANE)
          .map((t) => ({
            source: 'field' as const,
            path: 'spec.taints',
            value: `${t.key}:${t.effect}`,
            detail: 'control-plane taint',
          })),
      }),
    );
  }
  return out;
}

function subjectFindings(s: PodSubject, facts: ControlPlaneFacts, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const who = describeRef(s.ref);
  const base = { ruleId: ID, changeId: LABEL, ...subjectTarget(s) };
  const labelled = facts.masterLabel.length > 0;
  const noNode = `No node in the cluster carries ${MASTER} today, so this changes nothing on upgrade; it only has effect on clusters where some node still has the label.`;
  if (MASTER in s.spec.nodeSelector) {
    const value = s.spec.nodeSelector[MASTER] ?? '';
    out.push(
      makeFinding({
        ...base,
        discriminator: 'nodeSelector',
        severity: labelled ? 'breaking' : 'info',
        confidence: labelled ? kubeadmConfidence(ctx.profile) : 'certain',
        message: `${who} requires nodes labelled ${MASTER}=${value === '' ? '""' : value} through its nodeSelector. ${labelled ? `kubeadm 1.24 no longer puts this label on control-plane nodes and removes it during kubeadm upgrade apply (it is on ${listNames(facts.masterLabel)} today), so afterwards no node matches and its pods stay Pending.` : noNode}`,
        remediation: `Replace the selector with ${CONTROL_PLANE}: "" in ${s.specPath}.nodeSelector (kubeadm has set that label since 1.20).`,
        evidence: [
          {
            source: 'field',
            path: `${s.specPath}.nodeSelector[${MASTER}]`,
            value,
            detail: 'selects nodes by the legacy label',
          },
        ],
      }),
    );
  } else if (s.spec.nodeAffinityKeys.includes(MASTER) && !s.spec.nodeAffinityKeys.includes(CONTROL_PLANE)) {
    out.push(
      makeFinding({
        ...base,
        discriminator: 'affinity',
        severity: labelled ? 'action' : 'info',
        confidence: 'possible',
        message: `${who} uses ${MASTER} in its node affinity. ${labelled ? `Once kubeadm 1.24 removes the label, a required In/Exists term matches no node (pods stay Pending), a preferred term stops steering pods, and a NotIn/DoesNotExist term no longer keeps pods off control-plane nodes. The scan does not keep the operator, so check which case this is.` : noNode}`,
        remediation: `In ${s.specPath}.affinity.nodeAffinity, use ${CONTROL_PLANE} instead of (or as an alternative term next to) ${MASTER}.`,
        evidence: [
          { source: 'field', path: `${s.specPath}.affinity.nodeAffinity`, value: MASTER, detail: 'node affinity key' },
        ],
      }),
    );
  }
  const mentionsMaster = s.spec.tolerations.some((t) => t.key === MASTER);
  if (mentionsMaster && !toleratesNoSchedule(s.spec.tolerations, CONTROL_PLANE)) {
    const tainted = facts.masterTaint.length > 0 || facts.controlPlaneTaint.length > 0;
    const already = facts.controlPlaneTaint.length > 0;
    out.push(
      makeFinding({
        ...base,
        // A toleration is about the taint, whichever of the two changes the node label follows.
        changeId: TAINT,
        discriminator: 'toleration',
        severity: tainted ? 'breaking' : 'info',
        confidence: !tainted || already ? 'certain' : kubeadmConfidence(ctx.profile),
        message: `${who} tolerates the ${MASTER} taint but not ${CONTROL_PLANE}. ${already ? `Nodes ${listNames(facts.controlPlaneTaint)} already carry the ${CONTROL_PLANE}:NoSchedule taint, so its pods cannot be scheduled there today.` : tainted ? `kubeadm 1.24 adds ${CONTROL_PLANE}:NoSchedule next to the master taint (on new clusters and during kubeadm upgrade apply), so its pods can no longer be scheduled on control-plane nodes${s.ref.kind === 'DaemonSet' ? ' and those nodes lose their copy of this DaemonSet' : ''}.` : 'No node carries either taint today (for example a managed control plane), so the toleration is harmless.'}`,
        remediation: `Add {key: ${CONTROL_PLANE}, operator: Exists, effect: NoSchedule} to ${s.specPath}.tolerations; keep the master toleration while nodes still have that taint.`,
        evidence: s.spec.tolerations
          .filter((t) => t.key === MASTER)
          .map((t) => ({
            source: 'field' as const,
            path: `${s.specPath}.tolerations`,
            value: `${t.key ?? ''} ${t.operator ?? 'Equal'} ${t.effect ?? ''}`.trim(),
            detail: 'tolerates only the legacy taint',
          })),
      }),
    );
  }
  return out;
}

export const rule: Rule = {
  id: ID,
  title: 'node-role.kubernetes.io/master labels, selectors and tolerations',
  changeIds: [LABEL, TAINT],
  needs: ['nodes', ...POD_SUBJECT_NEEDS],
  run(snapshot, ctx) {
    const facts = controlPlaneFacts(snapshot.nodes);
    return sortFindings([
      ...snapshot.nodes.flatMap((n) => nodeFindings(n, facts, ctx)),
      ...podSubjects(snapshot)
        .filter((s) => !s.coveredByOwner)
        .flatMap((s) => subjectFindings(s, facts, ctx)),
    ]);
  },
};
