import type { Confidence, Finding } from '../model/finding';
import type { Node, Toleration } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { list, t } from '../model/text';
import type { ClusterProfile, Rule, RuleContext } from './support/check';
import { makeFinding } from './support/finding';
import { objectTarget, refOf, sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import type { PodSubject } from './support/subjects';
import { podSubjects } from './support/subjects';
import { node, refText, setting, value } from './support/text';

const ID = 'master-node-role';
const LABEL = 'kubeadm-master-label-removal';
const TAINT = 'kubeadm-master-taint-removal';

const MASTER = 'node-role.kubernetes.io/master';
const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

/** What the nodes say about the control plane: who carries the old and new label and taint. */
interface ControlPlaneFacts {
  /** False when the nodes were not read (a repository's files, a snapshot without them): the rest is then empty. */
  known: boolean;
  masterLabel: string[];
  masterTaint: string[];
  controlPlaneTaint: string[];
}

function controlPlaneFacts(nodes: readonly Node[], known: boolean): ControlPlaneFacts {
  const names = (f: (n: Node) => boolean) =>
    nodes
      .filter(f)
      .map((n) => n.metadata.name)
      .sort();
  return {
    known,
    masterLabel: names((n) => MASTER in n.metadata.labels),
    masterTaint: names((n) => n.taints.some((t) => t.key === MASTER)),
    controlPlaneTaint: names((n) => n.taints.some((t) => t.key === CONTROL_PLANE)),
  };
}

/** How sure we are that kubeadm's rename applies: certain on kubeadm, likely when unknown, possible elsewhere. */
function kubeadmConfidence(profile: ClusterProfile): Confidence {
  if (profile.provider === 'kubeadm') return 'certain';
  return profile.provider === 'unknown' ? 'likely' : 'possible';
}

/** True when a toleration list tolerates a NoSchedule taint with this key (a key-less Exists tolerates all). */
function toleratesNoSchedule(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some((t) => {
    const keyOk = t.key === key || ((t.key === undefined || t.key === '') && t.operator === 'Exists');
    return keyOk && (t.effect === undefined || t.effect === '' || t.effect === 'NoSchedule');
  });
}

const nodes = (names: readonly string[]) => list(names.map(node), 3);

/** What this check says. */
const say = {
  nodeLabel: (n: Slot) =>
    t`Node ${n} carries the ${MASTER} label. kubeadm 1.24 stops adding it to new control-plane nodes and removes it during kubeadm upgrade apply; anything that finds control-plane nodes by it (node selectors, affinity, scripts, dashboards) stops finding this node.`,
  nodeLabelFix: t`Select control-plane nodes by ${CONTROL_PLANE} instead; the pod-level findings of this check list the workloads that still use ${MASTER}.`,
  legacyLabel: t`legacy control-plane label`,
  nodeTaint: (n: Slot, hasNew: boolean) =>
    t`Node ${n} has the ${MASTER}:NoSchedule taint, which kubeadm 1.25 removes during kubeadm upgrade apply.${hasNew ? ` It already has the ${CONTROL_PLANE} taint, which stays.` : ` It does not yet have the ${CONTROL_PLANE}:NoSchedule taint that kubeadm 1.24 adds.`}`,
  nodeTaintFix: t`Make sure workloads meant for control-plane nodes tolerate ${CONTROL_PLANE}, and update scripts that look for the master taint.`,
  controlPlaneTaint: t`control-plane taint`,
  unknownNodes: t`The nodes are not known here, so whether some still carry the label cannot be told: where kubeadm manages the control plane, 1.24 stops adding it and removes it during kubeadm upgrade apply, and afterwards nothing matches.`,
  unknownTaints: t`The nodes are not known here, so whether they carry either taint cannot be told: where kubeadm manages the control plane, 1.24 adds the ${CONTROL_PLANE}:NoSchedule taint, and pods that tolerate only the master taint can no longer be scheduled there.`,
  noNode: t`No node in the cluster carries ${MASTER} today, so this changes nothing on upgrade; it only has effect on clusters where some node still has the label.`,
  selector: (subject: Text, selected: Text, labelled: boolean, facts: ControlPlaneFacts) =>
    t`${subject} requires nodes labelled ${MASTER}=${selected} through its nodeSelector. ${!facts.known ? say.unknownNodes : labelled ? t`kubeadm 1.24 no longer puts this label on control-plane nodes and removes it during kubeadm upgrade apply (it is on ${nodes(facts.masterLabel)} today), so afterwards no node matches and its pods stay Pending.` : say.noNode}`,
  selectorFix: (s: PodSubject) =>
    t`Replace the selector with ${CONTROL_PLANE}: "" in ${s.specPath}.nodeSelector (kubeadm has set that label since 1.20).`,
  selectsLegacy: t`selects nodes by the legacy label`,
  affinity: (subject: Text, labelled: boolean, known: boolean) =>
    t`${subject} uses ${MASTER} in its node affinity. ${!known ? say.unknownNodes : labelled ? 'Once kubeadm 1.24 removes the label, a required In/Exists term matches no node (pods stay Pending), a preferred term stops steering pods, and a NotIn/DoesNotExist term no longer keeps pods off control-plane nodes. The scan does not keep the operator, so check which case this is.' : say.noNode}`,
  affinityFix: (s: PodSubject) =>
    t`In ${s.specPath}.affinity.nodeAffinity, use ${CONTROL_PLANE} instead of (or as an alternative term next to) ${MASTER}.`,
  affinityKey: t`node affinity key`,
  toleration: (subject: Text, facts: ControlPlaneFacts, daemonSet: boolean) => {
    const tainted = facts.masterTaint.length > 0 || facts.controlPlaneTaint.length > 0;
    const why = !facts.known
      ? say.unknownTaints
      : facts.controlPlaneTaint.length > 0
        ? t`Nodes ${nodes(facts.controlPlaneTaint)} already carry the ${CONTROL_PLANE}:NoSchedule taint, so its pods cannot be scheduled there today.`
        : tainted
          ? t`kubeadm 1.24 adds ${CONTROL_PLANE}:NoSchedule next to the master taint (on new clusters and during kubeadm upgrade apply), so its pods can no longer be scheduled on control-plane nodes${daemonSet ? ' and those nodes lose their copy of this DaemonSet' : ''}.`
          : t`No node carries either taint today (for example a managed control plane), so the toleration is harmless.`;
    return t`${subject} tolerates the ${MASTER} taint but not ${CONTROL_PLANE}. ${why}`;
  },
  tolerationFix: (s: PodSubject) =>
    t`Add {key: ${CONTROL_PLANE}, operator: Exists, effect: NoSchedule} to ${s.specPath}.tolerations; keep the master toleration while nodes still have that taint.`,
  tolerates: t`tolerates only the legacy taint`,
  tolerationValue: (tol: Toleration) =>
    t`${setting(`${tol.key ?? ''} ${tol.operator ?? 'Equal'} ${tol.effect ?? ''}`.trim())}`,
};

function nodeFindings(n: Node, facts: ControlPlaneFacts, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const base = {
    ruleId: ID,
    severity: 'info' as const,
    confidence: kubeadmConfidence(ctx.profile),
    ...objectTarget(refOf('v1', 'Node', n.metadata), n.metadata),
  };
  const name = node(n.metadata.name);
  if (facts.masterLabel.includes(n.metadata.name)) {
    out.push(
      makeFinding({
        ...base,
        changeId: LABEL,
        message: say.nodeLabel(name),
        remediation: say.nodeLabelFix,
        evidence: [
          {
            source: 'label',
            path: t`metadata.labels[${MASTER}]`,
            value: [value(n.metadata.labels[MASTER] ?? '')],
            detail: say.legacyLabel,
          },
        ],
      }),
    );
  }
  if (targetAtLeast(ctx.target, '1.25') && facts.masterTaint.includes(n.metadata.name)) {
    out.push(
      makeFinding({
        ...base,
        changeId: TAINT,
        message: say.nodeTaint(name, facts.controlPlaneTaint.includes(n.metadata.name)),
        remediation: say.nodeTaintFix,
        evidence: n.taints
          .filter((tn) => tn.key === MASTER || tn.key === CONTROL_PLANE)
          .map((tn) => ({
            source: 'field' as const,
            path: t`spec.taints`,
            value: t`${setting(tn.key)}:${setting(tn.effect)}`,
            detail: say.controlPlaneTaint,
          })),
      }),
    );
  }
  return out;
}

function subjectFindings(s: PodSubject, facts: ControlPlaneFacts, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const who = refText(s.ref);
  const base = { ruleId: ID, changeId: LABEL, ...subjectTarget(s) };
  const labelled = facts.masterLabel.length > 0;
  // Without the nodes, the label may be there or not: worth doing, not a certain break.
  const unknown = !facts.known;
  if (MASTER in s.spec.nodeSelector) {
    const selected = s.spec.nodeSelector[MASTER] ?? '';
    out.push(
      makeFinding({
        ...base,
        discriminator: 'nodeSelector',
        severity: unknown ? 'action' : labelled ? 'breaking' : 'info',
        confidence: unknown ? 'possible' : labelled ? kubeadmConfidence(ctx.profile) : 'certain',
        message: say.selector(who, selected === '' ? t`""` : t`${value(selected)}`, labelled, facts),
        remediation: say.selectorFix(s),
        evidence: [
          {
            source: 'field',
            path: t`${s.specPath}.nodeSelector[${MASTER}]`,
            value: [value(selected)],
            detail: say.selectsLegacy,
          },
        ],
      }),
    );
  } else if (s.spec.nodeAffinityKeys.includes(MASTER) && !s.spec.nodeAffinityKeys.includes(CONTROL_PLANE)) {
    out.push(
      makeFinding({
        ...base,
        discriminator: 'affinity',
        severity: labelled || unknown ? 'action' : 'info',
        confidence: 'possible',
        message: say.affinity(who, labelled, facts.known),
        remediation: say.affinityFix(s),
        evidence: [
          {
            source: 'field',
            path: t`${s.specPath}.affinity.nodeAffinity`,
            value: t`${MASTER}`,
            detail: say.affinityKey,
          },
        ],
      }),
    );
  }
  const mentionsMaster = s.spec.tolerations.some((tol) => tol.key === MASTER);
  if (mentionsMaster && !toleratesNoSchedule(s.spec.tolerations, CONTROL_PLANE)) {
    const tainted = facts.masterTaint.length > 0 || facts.controlPlaneTaint.length > 0;
    const already = facts.controlPlaneTaint.length > 0;
    out.push(
      makeFinding({
        ...base,
        // A toleration is about the taint, whichever of the two changes the node label follows.
        changeId: TAINT,
        discriminator: 'toleration',
        severity: unknown ? 'action' : tainted ? 'breaking' : 'info',
        confidence: unknown ? 'possible' : !tainted || already ? 'certain' : kubeadmConfidence(ctx.profile),
        message: say.toleration(who, facts, s.ref.kind === 'DaemonSet'),
        remediation: say.tolerationFix(s),
        evidence: s.spec.tolerations
          .filter((tol) => tol.key === MASTER)
          .map((tol) => ({
            source: 'field' as const,
            path: t`${s.specPath}.tolerations`,
            value: say.tolerationValue(tol),
            detail: say.tolerates,
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
    const nodesRead = snapshot.coverage.find((c) => c.resource === 'nodes')?.status === 'ok';
    const facts = controlPlaneFacts(snapshot.nodes, nodesRead);
    return sortFindings([
      ...snapshot.nodes.flatMap((n) => nodeFindings(n, facts, ctx)),
      ...podSubjects(snapshot)
        .filter((s) => !s.coveredByOwner)
        .flatMap((s) => subjectFindings(s, facts, ctx)),
    ]);
  },
};
