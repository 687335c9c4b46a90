import type { PriorityClass } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { describeRef, objectTarget, refOf, sortFindings } from './support/object-refs';
import { listNames, POD_SUBJECT_NEEDS } from './support/scope';
import { podSubjects } from './support/subjects';
import type { Finding } from '../model/finding';
import type { Rule } from './support/check';

const ID = 'non-preempting-priority';
const CHANGE = 'non-preempting-priority-ga';
const BATCH_NAME =
  /(^|[-_.])(batch|jobs?|etl|reports?|backfill|background|best-?effort|preemptible|spark|low)([-_.]|$)/i;
const BATCH_KINDS = new Set(['Job', 'CronJob']);

function nonPreempting(pc: PriorityClass): Finding {
  const ref = refOf('scheduling.k8s.io/v1', 'PriorityClass', pc.metadata);
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    ...objectTarget(ref, pc.metadata),
    message: `PriorityClass ${pc.metadata.name} (value ${pc.value}) is non-preempting: its pods are queued ahead of lower priorities but never evict running pods. preemptionPolicy is GA from 1.24, so this keeps working unchanged.`,
    remediation: 'Nothing to change.',
    evidence: [{ source: 'field', path: 'preemptionPolicy', value: 'Never', detail: 'non-preempting priority' }],
  });
}

function preemptingBatch(pc: PriorityClass, users: string[]): Finding {
  const ref = refOf('scheduling.k8s.io/v1', 'PriorityClass', pc.metadata);
  const why =
    users.length > 0
      ? `is used by batch workloads (${listNames(users)})`
      : 'is named like a batch or low-importance class';
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'possible',
    ...objectTarget(ref, pc.metadata),
    message: `PriorityClass ${pc.metadata.name} (value ${pc.value}) preempts lower-priority pods and ${why}. If those pods only need to start ahead of others, a non-preempting class (preemptionPolicy: Never, GA in 1.24) lets them jump the scheduling queue without evicting running pods.`,
    remediation: `preemptionPolicy cannot be changed on an existing PriorityClass: create a new class with value ${pc.value} and preemptionPolicy: Never, then point the batch workloads' priorityClassName at it.`,
    evidence: [
      {
        source: 'field',
        path: 'preemptionPolicy',
        value: pc.preemptionPolicy ?? '(unset: PreemptLowerPriority)',
        detail: 'pods of this class may evict lower-priority pods',
      },
      ...users.map((u) => ({
        source: 'field' as const,
        path: 'spec.priorityClassName',
        value: pc.metadata.name,
        detail: `set by ${u}`,
      })),
    ],
  });
}

export const rule: Rule = {
  id: ID,
  title: 'PriorityClasses and non-preempting priority',
  changeIds: [CHANGE],
  needs: ['priorityclasses', ...POD_SUBJECT_NEEDS],
  run(snapshot) {
    const batchUsers = new Map<string, Set<string>>();
    for (const s of podSubjects(snapshot)) {
      const name = s.spec.priorityClassName;
      const top = s.owner ?? s.ref;
      if (!name || s.coveredByOwner || !BATCH_KINDS.has(top.kind)) continue;
      batchUsers.set(name, (batchUsers.get(name) ?? new Set()).add(describeRef(top)));
    }
    const findings = snapshot.priorityClasses.flatMap((pc) => {
      if (pc.preemptionPolicy === 'Never') return [nonPreempting(pc)];
      if (pc.metadata.name.startsWith('system-') || pc.value <= 0) return [];
      const users = [...(batchUsers.get(pc.metadata.name) ?? [])].sort();
      return users.length > 0 || BATCH_NAME.test(pc.metadata.name) ? [preemptingBatch(pc, users)] : [];
    });
    return sortFindings(findings);
  },
};
