import { createHash } from 'node:crypto';
import type { ObjectRef } from '../../model/snapshot';
import type { EvidenceSource, Finding } from '../../model/finding';
import { renderText, type Text } from '../../model/text';

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

/** One fact behind a finding, as a check states it: every value read from the cluster sits in a slot. */
export interface EvidenceDraft {
  source: EvidenceSource;
  path?: Text;
  value?: Text;
  detail: Text;
}

/** A finding as a check builds it: sentences are Texts, the id is derived. */
export interface FindingDraft extends Omit<Finding, 'id' | 'message' | 'remediation' | 'evidence'> {
  message: Text;
  remediation: Text;
  evidence: EvidenceDraft[];
  /** Tells apart several findings of one rule, change and object. */
  discriminator?: string;
}

function renderEvidence(e: EvidenceDraft): Finding['evidence'][number] {
  return {
    source: e.source,
    ...(e.path === undefined ? {} : { path: renderText(e.path) }),
    ...(e.value === undefined ? {} : { value: renderText(e.value) }),
    detail: renderText(e.detail),
  };
}

/** Builds a finding, deriving its id; pass `discriminator` when one object can carry several findings of a rule. */
export function makeFinding(input: FindingDraft): Finding {
  const { discriminator, message, remediation, evidence, ...finding } = input;
  return {
    id: findingId(finding.ruleId, finding.changeId, finding.object, discriminator),
    ...finding,
    message: renderText(message),
    remediation: renderText(remediation),
    evidence: evidence.map(renderEvidence),
  };
}
