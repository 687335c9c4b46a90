import type { Node } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { describeRef, sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { podSubjects } from './support/subjects';
import type { Evidence } from '../model/finding';
import type { Rule } from './support/check';

const ID = 'topology-spread-skew';
const CHANGE = 'topology-spread-skew-change';
/** Per-node domains only lose candidates when nodes are left out, which can only relax the skew. */
const NODE_LEVEL = 'kubernetes.io/hostname';
const OS_KEYS = new Set(['kubernetes.io/os', 'beta.kubernetes.io/os']);
const ARCH_KEYS = new Set(['kubernetes.io/arch', 'beta.kubernetes.io/arch']);

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
      const hard = constraints.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
      const how = [
        selector.length > 0 ? `nodeSelector ${selector.map(([k, v]) => `${k}=${v}`).join(', ')}` : '',
        affinity.length > 0 ? `node affinity on ${affinity.join(', ')}` : '',
      ]
        .filter((x) => x !== '')
        .join(' and ');
      const keys = [...new Set(constraints.map((c) => c.topologyKey))].join(', ');
      const evidence: Evidence[] = [
        ...constraints.map((c) => ({
          source: 'field' as const,
          path: `${s.specPath}.topologySpreadConstraints[${c.i}]`,
          value: `${c.topologyKey} ${c.whenUnsatisfiable}`,
          detail: 'spread over a domain larger than one node',
        })),
        ...selector.map(([k, v]) => ({
          source: 'field' as const,
          path: `${s.specPath}.nodeSelector[${k}]`,
          value: v,
          detail: 'limits the nodes the pods may use',
        })),
        ...affinity.map((k) => ({
          source: 'field' as const,
          path: `${s.specPath}.affinity.nodeAffinity`,
          value: k,
          detail: 'node affinity key (required or preferred)',
        })),
      ];
      return [
        makeFinding({
          ruleId: ID,
          changeId: CHANGE,
          severity: hard.length > 0 ? 'action' : 'info',
          confidence: 'possible',
          ...subjectTarget(s),
          message: `${describeRef(s.ref)} spreads its pods over ${keys} and limits nodes with ${how}. From 1.24 the scheduler counts only pods on nodes that pass the nodeSelector and required node affinity when it computes skew, so if pods matching the spread selector run on other nodes (another node pool, another workload with the same labels), the per-domain counts change. ${hard.length > 0 ? 'With DoNotSchedule, new pods can then stay Pending.' : 'With ScheduleAnyway only the placement preference shifts.'}`,
          remediation: `Make the spread labelSelector in ${s.specPath}.topologySpreadConstraints match only pods that share these node constraints (add a label that tells this pool's pods apart if needed)${hard.length > 0 ? ', or use whenUnsatisfiable: ScheduleAnyway while you verify' : ''}. After the upgrade, watch for Pending pods whose events mention topology spread constraints.`,
          evidence,
        }),
      ];
    });
    return sortFindings(findings);
  },
};
