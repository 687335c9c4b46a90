import type { Rule } from '../rules/support/check';
import { GENERATED_CHECKS } from './checks.generated';

/**
 * Every cluster check: each file of lib/rules/ (scripts/gen-checks.mjs lists them), ordered by id so reports are
 * stable. A new check is its file and its test.
 */
export const RULES: readonly Rule[] = [...GENERATED_CHECKS].sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(RULES.map((r) => [r.id, r]));

/** A rule by id. */
export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** The human title of a rule, or its id when unknown. */
export function ruleTitle(id: string): string {
  return byId.get(id)?.title ?? id;
}
