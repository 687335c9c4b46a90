import type { Node } from '../model/snapshot';
import type { Text } from '../model/text';
import { join, t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { podSubjects, type SpecPath } from './support/subjects';
import { key, refText, setting, value } from './support/text';

const ID = 'topology-spread-skew';
const CHANGE = 'topology-spread-skew-change';
/** Per-node domains only lose candidates when nodes are left out, which can only relax the skew. */
const NODE_LEVEL = 'kubernetes.io/hostname';
const OS_KEYS = new Set(['kubernetes.io/os', 'beta.kubernetes.io/os']);
const ARCH_KEYS = new Set(['kubernetes.io/arch', 'beta.kubernetes.io/arch']);

/** What this check says. */
const say = {
  spreads: (subject: Text, keys: Text, how: Text, hard: boolean) =>
    t`${subject} spreads its pods over ${keys} and limits nodes with ${how}. From 1.24 the scheduler counts only pods on nodes that pass the nodeSelector and required node affinity when it computes skew, so if pods matching the spread selector run on other nodes (another node pool, another workload with the same labels), the per-domain counts change. ${hard ? 'With DoNotSchedule, new pods can then stay Pending.' : 'With ScheduleAnyway only the placement preference shifts.'}`,
  fix: (specPath: SpecPath, hard: boolean) =>
    t`Make the spread labelSelector in ${specPath}.topologySpreadConstraints match only pods that share these node constraints (add a label that tells this pool's pods apart if needed)${hard ? ', or use whenUnsatisfiable: ScheduleAnyway while you verify' : ''}. After the upgrade, watch for Pending pods whose events mention topology spread constraints.`,
  bySelector: (pairs: Text) => t`nodeSelector ${pairs}`,
  byAffinity: (keys: Text) => t`node affinity on ${keys}`,
  largerDomain: t`spread over a domain larger than one node`,
  limits: t`limits the nodes the pods may use`,
  affinityKey: t`node affinity key (required or preferred)`,
};

/** os/arch keys that every node shares: selecting on them leaves no node out, so nothing changes. */
function uniformKeys(nodes: readonly Node[]): { keys: Set<string>; values: Map<string, string> } {
  const keys = new Set<string>();
  const values = new Map<string, string>();
  const one = (pick: (n: Node) => string | undefined, set: Set<string>) => {
    const seen = new Set(nodes.map(pick));
    const [only] = [...seen];
    if (nodes.length === 0 || seen.size !== 1 || only === undefined) return;
    for (const k of set) {
      keys.add(k);
      values.set(k, only);
    }
  };
  one((n) => n.operatingSystem, OS_KEYS);
  one((n) => n.architecture, ARCH_KEYS);
  return { keys, values };
}

export const rule: Rule = {
  id: ID,
  title: 'Topology spread constraints combined with node selection',
  changeIds: [CHANGE],
  needs: [...POD_SUBJECT_NEEDS],
  run(snapshot) {
    const uniform = uniformKeys(snapshot.nodes);
    const findings = podSubjects(snapshot).flatMap((s) => {
      if (s.coveredByOwner) return [];
      const selector = Object.entries(s.spec.nodeSelector)
        .filter(([k, v]) => uniform.values.get(k) !== v)
        .sort(([a], [b]) => (a < b ? -1 : 1));
      const affinity = s.spec.nodeAffinityKeys.filter((k) => !uniform.keys.has(k));
      if (selector.length === 0 && affinity.length === 0) return [];
      const constraints = s.spec.topologySpreadConstraints
        .map((c, i) => ({ ...c, i }))
        .filter((c) => c.topologyKey !== NODE_LEVEL);
      if (constraints.length === 0) return [];
      const hard = constraints.some((c) => c.whenUnsatisfiable === 'DoNotSchedule');
      const how: Text[] = [
        ...(selector.length > 0 ? [say.bySelector(join(selector.map(([k, v]) => t`${key(k)}=${value(v)}`)))] : []),
        ...(affinity.length > 0 ? [say.byAffinity(join(affinity.map(key)))] : []),
      ];
      const keys = join([...new Set(constraints.map((c) => c.topologyKey))].map(key));
      const evidence: EvidenceDraft[] = [
        ...constraints.map((c) => ({
          source: 'field' as const,
          path: t`${s.specPath}.topologySpreadConstraints[${c.i}]`,
          value: t`${key(c.topologyKey)} ${setting(c.whenUnsatisfiable)}`,
          detail: say.largerDomain,
        })),
        ...selector.map(([k, v]) => ({
          source: 'field' as const,
          path: t`${s.specPath}.nodeSelector[${key(k)}]`,
          value: [value(v)],
          detail: say.limits,
        })),
        ...affinity.map((k) => ({
          source: 'field' as const,
          path: t`${s.specPath}.affinity.nodeAffinity`,
          value: [key(k)],
          detail: say.affinityKey,
        })),
      ];
      return [
        makeFinding({
          ruleId: ID,
          changeId: CHANGE,
          severity: hard ? 'action' : 'info',
          confidence: 'possible',
          ...subjectTarget(s),
          message: say.spreads(refText(s.ref), keys, join(how, ' and '), hard),
          remediation: say.fix(s.specPath, hard),
          evidence,
        }),
      ];
    });
    return sortFindings(findings);
  },
};
