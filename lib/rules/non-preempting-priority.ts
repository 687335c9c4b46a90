import type { Finding } from '../model/finding';
import type { ObjectRef, PriorityClass } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { list, t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding } from './support/finding';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { podSubjects } from './support/subjects';
import { named, refText, setting } from './support/text';

const ID = 'non-preempting-priority';
const CHANGE = 'non-preempting-priority-ga';
const BATCH_NAME =
  /(^|[-_.])(batch|jobs?|etl|reports?|backfill|background|best-?effort|preemptible|spark|low)([-_.]|$)/i;
const BATCH_KINDS = new Set(['Job', 'CronJob']);

/** What this check says. */
const say = {
  nonPreempting: (pc: Slot, value: number) =>
    t`PriorityClass ${pc} (value ${value}) is non-preempting: its pods are queued ahead of lower priorities but never evict running pods. preemptionPolicy is GA from 1.24, so this keeps working unchanged.`,
  nothing: t`Nothing to change.`,
  never: t`non-preempting priority`,
  usedBy: (users: Text) => t`is used by batch workloads (${users})`,
  namedLike: t`is named like a batch or low-importance class`,
  preempting: (pc: Slot, value: number, why: Text) =>
    t`PriorityClass ${pc} (value ${value}) preempts lower-priority pods and ${why}. If those pods only need to start ahead of others, a non-preempting class (preemptionPolicy: Never, GA in 1.24) lets them jump the scheduling queue without evicting running pods.`,
  preemptingFix: (value: number) =>
    t`preemptionPolicy cannot be changed on an existing PriorityClass: create a new class with value ${value} and preemptionPolicy: Never, then point the batch workloads' priorityClassName at it.`,
  unsetPolicy: t`(unset: PreemptLowerPriority)`,
  mayEvict: t`pods of this class may evict lower-priority pods`,
  setBy: (user: Text) => t`set by ${user}`,
};

function nonPreempting(pc: PriorityClass): Finding {
  const ref = refOf('scheduling.k8s.io/v1', 'PriorityClass', pc.metadata);
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    ...objectTarget(ref, pc.metadata),
    message: say.nonPreempting(named(pc.metadata.name), pc.value),
    remediation: say.nothing,
    evidence: [{ source: 'field', path: t`preemptionPolicy`, value: t`Never`, detail: say.never }],
  });
}

function preemptingBatch(pc: PriorityClass, users: ObjectRef[]): Finding {
  const ref = refOf('scheduling.k8s.io/v1', 'PriorityClass', pc.metadata);
  const why = users.length > 0 ? say.usedBy(list(users.map(refText), 3)) : say.namedLike;
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'possible',
    ...objectTarget(ref, pc.metadata),
    message: say.preempting(named(pc.metadata.name), pc.value, why),
    remediation: say.preemptingFix(pc.value),
    evidence: [
      {
        source: 'field',
        path: t`preemptionPolicy`,
        value: pc.preemptionPolicy === undefined ? say.unsetPolicy : [setting(pc.preemptionPolicy)],
        detail: say.mayEvict,
      },
      ...users.map((u) => ({
        source: 'field' as const,
        path: t`spec.priorityClassName`,
        value: [named(pc.metadata.name)],
        detail: say.setBy(refText(u)),
      })),
    ],
  });
}

const refKey = (r: ObjectRef) => `${r.kind} ${r.namespace ?? ''}/${r.name}`;

export const rule: Rule = {
  id: ID,
  title: 'PriorityClasses and non-preempting priority',
  changeIds: [CHANGE],
  needs: ['priorityclasses', ...POD_SUBJECT_NEEDS],
  run(snapshot) {
    const batchUsers = new Map<string, Map<string, ObjectRef>>();
    for (const s of podSubjects(snapshot)) {
      const name = s.spec.priorityClassName;
      const top = s.owner ?? s.ref;
      if (!name || s.coveredByOwner || !BATCH_KINDS.has(top.kind)) continue;
      batchUsers.set(name, (batchUsers.get(name) ?? new Map<string, ObjectRef>()).set(refKey(top), top));
    }
    const findings = snapshot.priorityClasses.flatMap((pc) => {
      if (pc.preemptionPolicy === 'Never') return [nonPreempting(pc)];
      if (pc.metadata.name.startsWith('system-') || pc.value <= 0) return [];
      const users = [...(batchUsers.get(pc.metadata.name) ?? new Map<string, ObjectRef>())]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, r]) => r);
      return users.length > 0 || BATCH_NAME.test(pc.metadata.name) ? [preemptingBatch(pc, users)] : [];
    });
    return sortFindings(findings);
  },
};
