import { createHash } from 'node:crypto';
import type { ObjectRef } from '../../model/snapshot';
import type { Evidence, Finding } from '../../model/finding';

/** One fact behind a finding, as a check states it: every value read from the cluster sits in a slot. */
export type EvidenceDraft = Evidence;

/** A finding as a check builds it; the id is derived. */
export interface FindingDraft extends Omit<Finding, 'id'> {
  /** Tells apart several findings of one rule, change and object. */
  discriminator?: string;
}

/** A stable id for a finding: the same rule, change and object give the same id in every scan. */
export function findingId(ruleId: string, changeId: string, object: ObjectRef, discriminator = ''): string {
  const key = [
    ruleId,
    changeId,
    object.apiVersion,
    object.kind,
    object.namespace ?? '',
    object.name,
    discriminator,
  ].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}

/** Builds a finding, deriving its id; pass `discriminator` when one object can carry several findings of a rule. */
export function makeFinding(input: FindingDraft): Finding {
  const { discriminator, ...finding } = input;
  return { id: findingId(finding.ruleId, finding.changeId, finding.object, discriminator), ...finding };
}
