import { addons } from './addons';
import { crds } from './crds';
import { dockerSocket } from './docker-socket';
import { helmReleases } from './helm-releases';
import { inTreeVolumes } from './in-tree-volumes';
import { nodes } from './nodes';
import { opportunities } from './opportunities';
import { podSecurity } from './pod-security';
import { registry } from './registry';
import { removedApis } from './removed-apis';
import { scheduling } from './scheduling';
import { seccompAnnotations } from './seccomp';
import { serviceAccountTokens } from './service-account-tokens';
import { teamA } from './team-a';
import type { Scenario } from './types';
import { webhookCertificates } from './webhook-certificates';

/** Every seeded scenario, in seeding order. */
export const allScenarios: readonly Scenario[] = [
  addons,
  nodes,
  dockerSocket,
  removedApis,
  helmReleases,
  podSecurity,
  inTreeVolumes,
  serviceAccountTokens,
  seccompAnnotations,
  scheduling,
  opportunities,
  registry,
  crds,
  webhookCertificates,
  teamA,
];

export { seedScenarios, type SeedResult } from './seed';
export { seedScale, type ScaleOptions, type ScaleResult } from './scale';
export { decodeHelmRelease } from './helm-release';
export { objectPath, describeKey, keyOf } from './resources';
export * from './types';
