import type { Text } from '../../../model/text';

/** The three Pod Security Standards levels, loosest first. */
export const PSS_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type PssLevel = (typeof PSS_LEVELS)[number];

/** One failed control: which level it belongs to, the PSA check id, the exact field and what is wrong. */
export interface PssViolation {
  level: 'baseline' | 'restricted';
  /** The pod-security-admission check id, as it appears in API server warnings and audit annotations. */
  control: string;
  path: Text;
  /** What is wrong, in terms of settings (capabilities, profiles, host paths): no identities. */
  detail: string;
}

/** The strictest level a pod spec passes and every control it fails. */
export interface PssResult {
  level: PssLevel;
  violations: PssViolation[];
}

/** 0 for privileged, 1 for baseline, 2 for restricted. */
export function levelRank(level: PssLevel): number {
  return PSS_LEVELS.indexOf(level);
}

/** True when a result meets the given level. */
export function passesLevel(result: PssResult, level: PssLevel): boolean {
  return levelRank(result.level) >= levelRank(level);
}

/** The violations that make a result fail the given level (none for privileged). */
export function violationsAgainst(result: PssResult, level: PssLevel): PssViolation[] {
  if (level === 'privileged') return [];
  if (level === 'baseline') return result.violations.filter((v) => v.level === 'baseline');
  return result.violations;
}

/** The looser of two levels. */
export function looserLevel(a: PssLevel, b: PssLevel): PssLevel {
  return levelRank(a) <= levelRank(b) ? a : b;
}
