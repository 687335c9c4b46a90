/** The identities in the static token file, and what RBAC grants them. */
export const USERS = {
  admin: { name: 'rl-admin', groups: ['system:masters'] },
  reader: { name: 'rl-reader', groups: ['release-lens:readers'] },
  teamA: { name: 'rl-team-a', groups: ['release-lens:team-a'] },
  /** Authenticated, bound to nothing: it can read no resource at all. */
  nobody: { name: 'rl-nobody', groups: ['release-lens:nobody'] },
} as const;

export type UserKey = keyof typeof USERS;

/** Namespace the team-a user may read; it may read nothing else. */
export const TEAM_A_NAMESPACE = 'team-a';

export type Tokens = Record<UserKey, string>;
