import type { PssLevel } from './types';
import { PSS_LEVELS } from './types';

export const PSA_MODES = ['enforce', 'audit', 'warn'] as const;
export type PsaMode = (typeof PSA_MODES)[number];

/** The label prefix of Pod Security Admission: pod-security.kubernetes.io/<mode>[-version]. */
export const PSA_LABEL_PREFIX = 'pod-security.kubernetes.io/';

/** One mode's label as written and the level PodSecurity admission actually applies for it. */
export interface PsaModeLabel {
  /** The label value as written. */
  value: string;
  /** The level applied: an invalid enforce value is enforced as restricted, invalid audit/warn as privileged. */
  level: PssLevel;
  valid: boolean;
  /** The pinned policy version (…-version label), when set. */
  version?: string;
}

export type PsaLabels = Partial<Record<PsaMode, PsaModeLabel>>;

/** Reads the Pod Security Admission labels of a namespace. */
export function psaLabels(labels: Record<string, string>): PsaLabels {
  const out: PsaLabels = {};
  for (const mode of PSA_MODES) {
    const value = labels[`${PSA_LABEL_PREFIX}${mode}`];
    if (value === undefined) continue;
    const valid = (PSS_LEVELS as readonly string[]).includes(value);
    const level: PssLevel = valid ? (value as PssLevel) : mode === 'enforce' ? 'restricted' : 'privileged';
    const version = labels[`${PSA_LABEL_PREFIX}${mode}-version`];
    out[mode] = { value, level, valid, ...(version === undefined ? {} : { version }) };
  }
  return out;
}
