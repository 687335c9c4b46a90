/**
 * The catalog's closed vocabularies, without zod: client components filter and group by them, and importing the
 * schema would ship zod to the browser. Releases are in ./releases.
 */

/** The stage a change reached in its release. */
export const STAGES = ['alpha', 'beta', 'stable', 'deprecated', 'removed'] as const;
export type Stage = (typeof STAGES)[number];

/** What sort of change it is. */
export const KINDS = [
  'enhancement',
  'deprecation',
  'removal',
  'api-removal',
  'behavior-change',
  'upgrade-note',
] as const;
export type Kind = (typeof KINDS)[number];

/** breaking: the upgrade breaks something unless you act; action: act soon; info: good to know. */
export const SEVERITIES = ['breaking', 'action', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
