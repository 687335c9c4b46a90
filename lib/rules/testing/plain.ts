import type { Evidence, Finding } from '../../model/finding';
import type { Snapshot } from '../../model/snapshot';
import { renderText } from '../../model/text';
import type { Rule, RuleContext } from '../support/check';

/** Evidence with its texts rendered, as a test reads it. */
export interface PlainEvidence extends Omit<Evidence, 'path' | 'value' | 'detail'> {
  path?: string;
  value?: string;
  detail: string;
}

/** A finding with its texts rendered (slots filled with their values), as a test reads it. */
export interface PlainFinding extends Omit<Finding, 'message' | 'remediation' | 'evidence'> {
  message: string;
  remediation: string;
  evidence: PlainEvidence[];
}

/** A finding with every Text rendered to a string. */
export function plainFinding(f: Finding): PlainFinding {
  return {
    ...f,
    message: renderText(f.message),
    remediation: renderText(f.remediation),
    evidence: f.evidence.map((e): PlainEvidence => {
      const { path, value, detail, ...rest } = e;
      return {
        ...rest,
        ...(path === undefined ? {} : { path: renderText(path) }),
        ...(value === undefined ? {} : { value: renderText(value) }),
        detail: renderText(detail),
      };
    }),
  };
}

/** A check whose findings come back rendered, so a test can assert on sentences. */
export function plainRule(rule: Rule): Omit<Rule, 'run'> & { run(s: Snapshot, c: RuleContext): PlainFinding[] } {
  return { ...rule, run: (s, c) => rule.run(s, c).map(plainFinding) };
}
