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

/**
 * Change ids that were renamed, old to new: saved reports and links keep working. An id is renamed only when it
 * says something wrong (the Portworx entry named the wrong stage).
 */
export const RENAMED_CHANGE_IDS: Readonly<Record<string, string>> = {
  'csi-migration-portworx-alpha': 'csi-migration-portworx-beta',
};

/** The current id of a change, following a rename. */
export function currentChangeId(id: string): string {
  return RENAMED_CHANGE_IDS[id] ?? id;
}
